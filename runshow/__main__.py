"""``python -m runshow`` is the command line."""

from runshow.cli import main

raise SystemExit(main())
