"""The `gatewatch` command: the GUI with no arguments, subcommands for scripting and support.

Exit codes: 0 success, 1 a store or system problem, 2 bad input (usage, an invalid report,
an unknown id), 3 a wrong passphrase. `gatewatch sync` exits 0 only when the outbox is
empty afterwards; otherwise 1, with the reason's code first (``offline``, ``revoked``,
``unauthorized``, ``refused``, ``not_enrolled``…) on its one line. Every user error is one
line on stderr, never a traceback. Nothing here logs or prints a passphrase, a key or a
report it was not asked for.

One module per command group (`desktop/cli/main.py` lists them), the helpers they share in
`desktop/cli/common.py`.
"""

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, EXIT_WRONG_PASSPHRASE
from desktop.cli.main import build_parser, main

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FAILURE",
    "EXIT_OK",
    "EXIT_WRONG_PASSPHRASE",
    "build_parser",
    "main",
]
