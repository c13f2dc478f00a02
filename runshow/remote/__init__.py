"""The LAN server: browser views of the show, on its own thread and asyncio loop.

Layers: imports ``session`` and below; the windows (``runshow.ui``) import it, never
the other way. State comes in immutable (a JSON-ready snapshot built on the GUI
thread), actions go out through a queued signal (:class:`runshow.remote.session.RemoteSession`).
"""
