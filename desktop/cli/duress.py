"""`gatewatch duress set` and `gatewatch duress clear`: the duress passphrase.

- ``gatewatch duress set [--note TEXT]...`` — the store's passphrase as for every command
  (prompt or ``GATEWATCH_PASSPHRASE``), the duress passphrase from a prompt (asked twice)
  or ``GATEWATCH_DURESS_PASSPHRASE``. Each ``--note`` becomes a draft in the decoy.
- ``gatewatch duress clear`` — remove it, and its decoy.

What a duress passphrase does, and does not: docs/security.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, new_passphrase, open_plain
from desktop.cli.common import passphrase as passphrase_once
from desktop.services.unlock import clear_duress_counted, set_duress_counted

DURESS_ENV = "GATEWATCH_DURESS_PASSPHRASE"


def register(commands: Any) -> None:
    """Add ``duress set`` and ``duress clear`` to the ``gatewatch`` subcommand parsers."""
    duress = commands.add_parser(
        "duress", help="a second passphrase that destroys this store and opens a decoy"
    )
    actions = duress.add_subparsers(dest="duress_command", metavar="ACTION", required=True)
    setting = actions.add_parser("set", help=f"set it (from a prompt or {DURESS_ENV})")
    setting.add_argument(
        "--note",
        action="append",
        default=[],
        metavar="TEXT",
        help="an innocuous note the decoy holds as a draft; repeat for more",
    )
    actions.add_parser("clear", help="remove it and its decoy")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    if args.duress_command == "set":
        passphrase = passphrase_once()
        duress = new_passphrase(DURESS_ENV, "Duress passphrase: ")
        with open_plain(data_dir):  # counted, and upgrades an old key file first
            pass
        set_duress_counted(data_dir, passphrase, duress, args.note)
        print(
            "Duress passphrase set. Typed anywhere Gatewatch asks for a passphrase, it "
            "destroys this store's key for good and opens the decoy instead."
        )
        return EXIT_OK
    passphrase = passphrase_once()
    with open_plain(data_dir):
        pass
    if clear_duress_counted(data_dir, passphrase):
        print("Duress passphrase removed, and its decoy.")
    else:
        print("No duress passphrase was set.")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {"duress": run}
