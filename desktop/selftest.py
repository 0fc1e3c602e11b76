"""`gatewatch --self-test`: the packaged application checks itself (docs/packaging.md).

Placeholder while the checks are written; see packaging/.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

SELF_TEST_FLAG = "--self-test"
EXIT_AFTER_SHOWN_ENV = "GATEWATCH_EXIT_AFTER_SHOWN"


def early_exit(argv: Sequence[str]) -> int | None:
    """Run the self-test when `argv` starts with --self-test and return its exit code;
    None for every other command line (the normal CLI goes on)."""
    arguments = list(argv)
    if arguments[:1] != [SELF_TEST_FLAG]:
        return None
    return 1


def install_startup_probe() -> None:
    """With GATEWATCH_EXIT_AFTER_SHOWN=1, the GUI prints how long it took to show its first
    window and quits (bench/startup_bench.py); otherwise nothing happens."""
    if os.environ.get(EXIT_AFTER_SHOWN_ENV) != "1":
        return
    from desktop.ui.selftest_window import install_startup_probe as install

    install()
