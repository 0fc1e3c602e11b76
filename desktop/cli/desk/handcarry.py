"""Delivery by hand at the desk on the command line (desktop/services/desk/handcarry.py
does the work).

- ``gatewatch desk import FILE`` — open a bundle, store its reports, relay them to the
  server when it answers.
- ``gatewatch desk receipts --device ID --out FILE`` — a device's receipt file.

Exit codes as for the device's side (desktop/cli/handcarry.py): 0 done, 1 a store or
server problem, 2 a file or input that cannot be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK
from desktop.cli.handcarry import guarded
from desktop.services.desk import handcarry
from desktop.store.database import Store

DESK_COMMANDS = frozenset({"import", "receipts"})


def add_parsers(desk_commands: Any) -> None:
    """Add the desk's ``import`` and ``receipts``."""
    desk_import = desk_commands.add_parser(
        "import", help="import a hand-carried file from a correspondent"
    )
    desk_import.add_argument("file", type=Path, metavar="FILE")
    desk_receipts = desk_commands.add_parser(
        "receipts", help="write a receipt file for a device, to carry back"
    )
    desk_receipts.add_argument("--device", required=True, metavar="ID")
    desk_receipts.add_argument("--out", required=True, type=Path, metavar="FILE")


def run_desk(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``desk import`` or ``desk receipts``; return the exit code."""
    work = _desk_import if args.desk_command == "import" else _desk_receipts
    return guarded(work, args, data_dir)


def _desk_import(args: argparse.Namespace, store: Store) -> int:
    done = handcarry.import_bundle(store, args.file)
    if done.imported_before is not None:
        print(f"This file was imported before ({done.imported_before:%Y-%m-%d %H:%M} UTC).")
    print(
        f"Imported {done.envelopes} envelope(s), {done.new} new: {done.reports} report(s), "
        f"{done.photos} photo(s) complete, {done.refused} refused."
    )
    if done.unknown_device:
        print(
            f"{done.unknown_device} envelope(s) come from a device this desk does not know "
            "yet: they are opened at the next pull."
        )
    if done.warning is not None:
        print(f"warning: {done.warning}; they go at the next pull")
    elif done.relayed:
        print(f"Handed {done.relayed} envelope(s) to the server.")
    return EXIT_OK


def _desk_receipts(args: argparse.Namespace, store: Store) -> int:
    done = handcarry.write_receipts(store, args.device, args.out)
    print(
        f"Wrote receipts for {done.envelopes} envelope(s) and {done.questions} question(s) "
        f"to {args.out}: carry it back to the device (`gatewatch receipts import`)."
    )
    return EXIT_OK
