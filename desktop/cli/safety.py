"""`gatewatch check`, `backup`, `restore` and `travel`: a store's health and a laptop's safety.

- ``gatewatch check`` — SQLCipher's page check and SQLite's structure check; exit 0 when
  the store is whole, 1 when it is damaged (with what to do).
- ``gatewatch backup --out FILE`` — an encrypted backup (desktop/services/safety.py).
- ``gatewatch restore FILE [--replace]`` — bring a backup back; the passphrase asked for
  (or ``GATEWATCH_PASSPHRASE``) is the backup's. An existing store is replaced only with
  ``--replace``.
- ``gatewatch travel`` — prepare for a checkpoint (desktop/services/travel.py); says what
  stays readable before and after.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_FAILURE, EXIT_OK, UserError, open_plain
from desktop.cli.common import passphrase as ask_passphrase
from desktop.services import travel
from desktop.services.safety import check_integrity, restore_backup, write_backup
from desktop.services.travel import Readable
from desktop.store.errors import StoreExistsError


def register(commands: Any) -> None:
    """Add the store-safety commands to the ``gatewatch`` subcommand parsers."""
    commands.add_parser("check", help="check that the store is whole (every page, every table)")
    backup = commands.add_parser("backup", help="write an encrypted backup of the store")
    backup.add_argument("--out", required=True, type=Path, metavar="FILE")
    restore = commands.add_parser("restore", help="bring a backup back (its passphrase)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--replace", action="store_true", help="replace the store in the data folder"
    )
    commands.add_parser(
        "travel",
        help="prepare for a checkpoint: send, then leave only drafts readable here",
    )


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    with open_plain(data_dir) as store:
        result = check_integrity(store)
    if result.ok:
        print("The store is whole: every page and table checked out.")
        return EXIT_OK
    raise UserError(
        f"the store is damaged ({result.damaged_pages} damaged part(s)). What is still "
        "readable keeps working: copy out what you need, then bring back your last backup "
        "with `gatewatch restore FILE --replace`",
        EXIT_FAILURE,
    )


def _backup(args: argparse.Namespace, data_dir: Path) -> int:
    with open_plain(data_dir) as store:
        write_backup(store, args.out)
    print(
        f"Wrote an encrypted backup to {args.out}. It opens with this store's passphrase "
        "as it is now; keep it away from the laptop."
    )
    return EXIT_OK


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    passphrase = ask_passphrase()
    try:
        restore_backup(data_dir, args.file, passphrase, replace=args.replace)
    except StoreExistsError as error:
        raise UserError(
            f"a store already exists in {data_dir}: nothing was changed. Add --replace to "
            "replace it with the backup",
            EXIT_FAILURE,
        ) from error
    print(f"Restored the store in {data_dir} from {args.file}.")
    return EXIT_OK


def _travel(args: argparse.Namespace, data_dir: Path) -> int:
    with open_plain(data_dir) as store:
        before = travel.readable_counts(store)
        print(describe_before(before))
        outcome = travel.prepare_for_checkpoint(store)
    if outcome.sync_error is not None:
        print(f"Could not send everything ({outcome.sync_error.value}): {outcome.sync_message}")
    else:
        print(f"Sent {outcome.sent} report(s).")
    print(
        f"Removed the readable copy of {outcome.sent_content_removed} sent and "
        f"{outcome.sealed_content_removed} waiting report(s); the waiting ones stay sealed "
        "for the newsroom and go at the next sync."
    )
    print(describe_after(outcome.after))
    return EXIT_OK


def describe_before(counts: Readable) -> str:
    """What travel mode will do, in plain words."""
    return (
        f"Readable on this laptop now: {counts.drafts} draft(s), {counts.sealed + counts.unsealed} "
        f"waiting report(s), {counts.sent} sent report(s). Drafts stay readable; sent and "
        "sealed waiting reports will no longer be readable here."
    )


def describe_after(counts: Readable) -> str:
    """What stays readable after travel mode, in plain words."""
    text = f"{counts.drafts} draft(s) stay readable on this laptop."
    if counts.unsealed:
        text += (
            f" {counts.unsealed} waiting report(s) also stay readable: this computer is not "
            "connected to a newsroom, so nothing can seal them yet."
        )
    if counts.sealed or counts.sent:
        text += f" Still readable and not removed: {counts.sealed + counts.sent} report(s)."
    return text


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "travel": _travel,
}
