"""Delivery by hand on the command line, the device's side (desktop/services/handcarry.py
does the work; the desk's ``import`` and ``receipts`` are in desktop/cli/desk/handcarry.py).

- ``gatewatch outbox export --out FILE`` — every envelope not yet receipted into one
  bundle file for the desk; the reports stay waiting, marked carried.
- ``gatewatch outbox relay FILE`` — hand a bundle someone else wrote to the server, with
  this device's connection; it cannot be opened here, and nothing of it is kept.
- ``gatewatch outbox list`` — the reports waiting for a receipt: *waiting*, or *carried on
  DATE* when they last left on a bundle.
- ``gatewatch receipts import FILE`` — apply a receipt file from the desk.

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
from sync.client import SyncError
from sync.payloads.container import BundleError

_FAILURES = frozenset({"not_enrolled", "not_connected", "no_desk_key", "unwritable"})


def register(commands: Any) -> None:
    """Add ``outbox`` and ``receipts``."""
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


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run ``outbox`` or ``receipts``; return the exit code."""
    commands: dict[str, Callable[[argparse.Namespace, Store], int]] = {
        "export": _export,
        "relay": _relay,
        "list": _list,
        "import": _import_receipts,
    }
    name = args.outbox_command if args.command == "outbox" else args.receipts_command
    return guarded(commands[name], args, data_dir)


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "outbox": run,
    "receipts": run,
}


def guarded(
    work: Callable[[argparse.Namespace, Store], int], args: argparse.Namespace, data_dir: Path
) -> int:
    """Run ``work`` on the unlocked store, a hand-carry problem told in one line with its
    exit code (1 for the store, the server or the setup, 2 for a file that cannot be used)."""
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
    waiting = handcarry.waiting_for_receipt(store)
    if not waiting:
        print("Nothing waits: every report is with the newsroom.")
    for report in waiting:
        carried = report.carried_at
        how = "waiting" if carried is None else f"carried on {carried:%Y-%m-%d}"
        print(f"{report.report_id}  queued {report.queued_at:%Y-%m-%d %H:%M}  {how}")
    return EXIT_OK


def _import_receipts(args: argparse.Namespace, store: Store) -> int:
    done = handcarry.import_receipts(store, args.file)
    print(
        f"Receipts applied: {done.reports} report(s) now with the newsroom, "
        f"{done.answers} answer(s); {done.questions} new question(s) from the desk."
    )
    return EXIT_OK
