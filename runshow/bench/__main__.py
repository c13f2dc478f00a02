"""``python -m runshow.bench``."""

from runshow.bench.core import main

raise SystemExit(main())
