"""The `gatewatch` command's entry point: `gatewatch` alone (or with only ``--data-dir``)
opens the window without importing the command line's modules — the network layer
(requests and its dependencies) among them, a noticeable part of a start that must stay
under a second.
Every other command line goes to `desktop.cli`, which parses it in full."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

DATA_DIR_ENV = "GATEWATCH_DATA_DIR"


def default_data_dir() -> Path:
    """Where the store lives unless --data-dir or GATEWATCH_DATA_DIR says otherwise."""
    from platformdirs import user_data_dir

    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else Path(user_data_dir("Gatewatch", appauthor=False))


def window_data_dir(args: Sequence[str]) -> Path | None:
    """The store folder when `args` only open the window; None for anything else."""
    if not args:
        return default_data_dir()
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return Path(args[1])
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > 11:
        return Path(args[0].removeprefix("--data-dir="))
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    data_dir = window_data_dir(args)
    if data_dir is None:
        from desktop.cli import main as cli_main

        return cli_main(args)
    from desktop import selftest
    from desktop.ui.app import run_gui  # Qt only when the window is wanted

    selftest.install_startup_probe()  # only with GATEWATCH_EXIT_AFTER_SHOWN=1
    return run_gui(data_dir)


if __name__ == "__main__":
    sys.exit(main())
