"""Delivery by hand on the command line (desktop/services/handcarry.py does the work).

- ``gatewatch outbox export --out FILE`` — every envelope not yet receipted into one
  bundle file for the desk; the reports stay waiting, marked carried.
- ``gatewatch outbox relay FILE`` — hand a bundle someone else wrote to the server, with
  this device's connection; it cannot be opened here, and nothing of it is kept.
- ``gatewatch outbox list`` — the reports waiting for a receipt: *waiting*, or *carried on
  DATE* when they last left on a bundle.
- ``gatewatch receipts import FILE`` — apply a receipt file from the desk.
- ``gatewatch desk import FILE`` — open a bundle, store its reports, relay them to the
  server when it answers.
- ``gatewatch desk receipts --device ID --out FILE`` — a device's receipt file.

Exit codes: 0 done, 1 a store or server problem, 2 a file or input that cannot be used.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, fail, open_plain
from desktop.services import handcarry
from desktop.store.database import Store
from desktop.store.handcarry import HandcarryRepository
from sync.client import SyncError
from sync.payloads.container import BundleError

DESK_COMMANDS = frozenset({"import", "receipts"})
_FAILURES = frozenset({"not_enrolled", "not_connected", "no_desk_key", "unwritable"})


def register(commands: Any, desk_commands: Any) -> None:
    """Add ``outbox``, ``receipts`` and the desk's ``import`` and ``receipts``."""
    outbox = commands.add_parser("outbox", help="carry the outbox by hand when the network is cut")
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True)
    export = outbox_commands.add_parser(
        "export", help="write every report not yet receipted into one file for the desk"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    relay = outbox_commands.add_parser(
        "relay", help="hand a colleague's bundle to the server (it cannot be opened here)"
    )
    relay.add_argument("file", type=Path, metavar="FILE")
    outbox_commands.add_parser("list", help="the reports waiting for a receipt")
    receipts = commands.add_parser("receipts", help="receipts carried back from the desk")
    receipts_commands = receipts.add_subparsers(dest="receipts_command", required=True)
    take = receipts_commands.add_parser("import", help="apply a receipt file from the desk")
    take.add_argument("file", type=Path, metavar="FILE")

    desk_import = desk_commands.add_parser(
        "import", help="import a hand-carried file from a correspondent"
    )
    desk_import.add_argument("file", type=Path, metavar="FILE")
    desk_receipts = desk_commands.add_parser(
        "receipts", help="write a receipt file for a device, to carry back"
    )
    desk_receipts.add_argument("--device", required=True, metavar="ID")
    desk_receipts.add_argument("--out", required=True, type=Path, metavar="FILE")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``outbox`` or ``receipts``; return the exit code."""
    commands: dict[str, Callable[[argparse.Namespace, Store], int]] = {
        "export": _export,
        "relay": _relay,
        "list": _list,
        "import": _import_receipts,
    }
    name = args.outbox_command if args.command == "outbox" else args.receipts_command
    return _guarded(commands[name], args, data_dir)


def run_desk(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``desk import`` or ``desk receipts``; return the exit code."""
    work = _desk_import if args.desk_command == "import" else _desk_receipts
    return _guarded(work, args, data_dir)


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "outbox": run,
    "receipts": run,
}


def _guarded(
    work: Callable[[argparse.Namespace, Store], int], args: argparse.Namespace, data_dir: Path
) -> int:

    with open_plain(data_dir) as store:
        try:
            return work(args, store)
        except handcarry.HandcarryError as error:
            code = EXIT_FAILURE if error.reason in _FAILURES else EXIT_BAD_INPUT
            return fail(str(error), code)
        except BundleError as error:
            return fail(f"{error.reason}: {error}", EXIT_BAD_INPUT)
        except SyncError as error:
            return fail(f"{error.reason}: {error}", EXIT_FAILURE)


def _export(args: argparse.Namespace, store: Store) -> int:
    done = handcarry.export_bundle(store, args.out)
    print(
        f"Wrote {done.reports} report(s) ({done.envelopes} envelope(s), {done.size} bytes) to "
        f"{args.out}. They stay in the outbox, marked carried, until a receipt arrives."
    )
    return EXIT_OK


def _relay(args: argparse.Namespace, store: Store) -> int:
    from desktop.services.handcarry_relay import relay_bundle

    number = relay_bundle(store, args.file)
    print(
        f"Handed {args.file} to the newsroom server (number {number}); the desk takes it in "
        "at its next pull. Nothing of it was kept here: you may delete the file."
    )
    return EXIT_OK


def _list(args: argparse.Namespace, store: Store) -> int:
    waiting = HandcarryRepository(store).waiting()
    if not waiting:
        print("Nothing waits: every report is with the newsroom.")
    for report_id, queued_at, carried_at in waiting:
        how = "waiting" if carried_at is None else f"carried on {carried_at:%Y-%m-%d}"
        print(f"{report_id}  queued {queued_at:%Y-%m-%d %H:%M}  {how}")
    return EXIT_OK


def _import_receipts(args: argparse.Namespace, store: Store) -> int:
    done = handcarry.import_receipts(store, args.file)
    print(
        f"Receipts applied: {done.reports} report(s) now with the newsroom, "
        f"{done.answers} answer(s); {done.questions} new question(s) from the desk."
    )
    return EXIT_OK


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
