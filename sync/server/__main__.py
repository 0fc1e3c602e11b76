"""``python -m sync.server``: the same as ``gatewatch-server``."""

from sync.server.cli import main

raise SystemExit(main())
