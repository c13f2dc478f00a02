"""The server's switches on a command line: ``--port N``, ``--lan``, ``--no-web``, and ``RUNSHOW_PORT`` (no Qt)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from typing import Any

log = logging.getLogger(__name__)

PORT_ENV = "RUNSHOW_PORT"
DEFAULT_PORT = 4080
LOCALHOST = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"


def server_options(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[dict[str, Any], list[str]]:
    """``--port N``, ``--lan``, ``--no-web`` (and ``RUNSHOW_PORT``) out of ``argv``; the rest back.

    Returns ``({"port", "host", "enabled"}, rest)``; a bad port falls back to 4080 with a warning.
    """
    env = os.environ if environ is None else environ
    port_text: str | None = env.get(PORT_ENV) or None
    lan, enabled, rest = False, True, []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--port" and i + 1 < len(args):
            port_text, i = args[i + 1], i + 2
            continue
        if arg.startswith("--port="):
            port_text = arg.split("=", 1)[1]
        elif arg == "--lan":
            lan = True
        elif arg == "--no-web":
            enabled = False
        else:
            rest.append(arg)
        i += 1
    port = DEFAULT_PORT
    if port_text is not None:
        try:
            port = int(port_text)
            if not 0 <= port <= 65535:
                raise ValueError(port_text)
        except ValueError:
            log.warning("--port/%s: expected 0–65535, got %r; using %d", PORT_ENV, port_text, DEFAULT_PORT)
            port = DEFAULT_PORT
    host = ALL_INTERFACES if lan else LOCALHOST
    return {"port": port, "host": host, "enabled": enabled}, rest
