"""Generated schedules for load figures and tests: valid TOML of any size, no randomness.

The benchmark re-plans a 1,000-segment festival and rehearses an eight-hour day;
tests check the alert window on the same plan. Both take it from here (tests
never import the benchmark).
"""

from __future__ import annotations

_KINDS = ("talk", "presentation", "panel", "break")


def festival_toml(segments: int = 1000, start: str = "00:30", length_s: int = 80, per_part: int = 50) -> str:
    """A valid schedule of ``segments`` back-to-back segments (every fifth with two speakers).

    Planned in one day (1,000 × 80 s ≈ 22 h) because a plan is dated on one day;
    what the figure needs is the number of cues, not the length of the day.
    """
    out = [
        "[event]",
        'title = "Generated festival (benchmark)"',
        "date = 2021-10-16",
        'timezone = "Asia/Seoul"',
        'venue = "bench"',
        "",
    ]
    done = 0
    part = 0
    while done < segments:
        n = min(per_part, segments - done)
        out += ["[[part]]", f'id = "p{part}"', f'title = "Part {part}"', f'length = "{n * length_s}s"', ""]
        for _ in range(n):
            kind = _KINDS[done % len(_KINDS)]
            out += ["[[part.segment]]", f'id = "s{done}"', f'title = "Segment {done}"', f'kind = "{kind}"']
            if done == 0:
                out.append(f'start = "{start}"')
            out.append(f'duration = "{length_s}s"')
            if done % 5 == 1 and kind != "break":
                half = length_s // 2
                out += [f'owner = "o{done}"', ""]
                for k, dur in enumerate((half, length_s - half)):
                    out += ["[[part.segment.speaker]]", f'name = "Speaker {done}.{k}"', f'duration = "{dur}s"', ""]
            else:
                out += [f'owner = "o{done}"', ""]
            done += 1
        part += 1
    return "\n".join(out) + "\n"
