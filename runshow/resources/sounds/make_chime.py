"""Regenerate chime.wav: a soft two-tone chime (E6 then C6), synthesised, no samples used.

Run: python runshow/resources/sounds/make_chime.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
TONES = ((1318.51, 0.22), (1046.50, 0.45))  # (Hz, seconds): E6, then C6 held longer
VOLUME = 0.35


def samples() -> list[int]:
    out: list[int] = []
    for freq, seconds in TONES:
        n = int(RATE * seconds)
        for i in range(n):
            t = i / RATE
            attack = min(1.0, t / 0.008)  # 8 ms attack: no click
            decay = math.exp(-4.0 * t / seconds)  # bell-like fall-off
            tone = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
            out.append(int(32767 * VOLUME * attack * decay * tone / 1.25))
    return out


def main() -> None:
    path = Path(__file__).with_name("chime.wav")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", s) for s in samples()))


if __name__ == "__main__":
    main()
