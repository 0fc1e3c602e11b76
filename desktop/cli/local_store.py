"""`gatewatch init|passwd|wipe|retention`: the store on this computer."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    UserError,
    new_passphrase,
    open_indexed,
    passphrase,
)
from desktop.domain.gazetteer import default_gazetteer
from desktop.services import sync
from desktop.services.safety import wipe_store
from desktop.services.unlock import change_passphrase_counted, create_store


def register(commands: Any) -> None:
    commands.add_parser("init", help="create a new encrypted store")
    retention = commands.add_parser(
        "retention", help="show or set how many days sent reports keep their content here"
    )
    retention.add_argument(
        "days", nargs="?", type=int, help="0 = remove right after the receipt (default 7)"
    )
    commands.add_parser("passwd", help=f"change the passphrase (new one from {NEW_PASSPHRASE_ENV})")
    wipe = commands.add_parser("wipe", help="panic wipe: destroy the store at once")
    wipe.add_argument("--yes", action="store_true", help="required: there is no undo")


def _init(args: argparse.Namespace, data_dir: Path) -> int:
    with create_store(data_dir, new_passphrase(PASSPHRASE_ENV, "New passphrase: ")):
        pass
    print(f"Created an encrypted store in {data_dir}")
    return EXIT_OK


def _passwd(args: argparse.Namespace, data_dir: Path) -> int:
    old = passphrase()
    new = new_passphrase(NEW_PASSPHRASE_ENV, "New passphrase: ")
    change_passphrase_counted(data_dir, old, new)
    print("Passphrase changed.")
    return EXIT_OK


def _wipe(args: argparse.Namespace, data_dir: Path) -> int:
    if not args.yes:
        raise UserError("wipe destroys the store for good: run `gatewatch wipe --yes`")
    if wipe_store(data_dir) == 0:
        print(f"Nothing to wipe: there is no store in {data_dir}")
    else:
        print(f"Wiped the store in {data_dir}")
    return EXIT_OK


def _retention(args: argparse.Namespace, data_dir: Path) -> int:
    with open_indexed(data_dir, default_gazetteer()) as store:
        if args.days is not None:
            try:
                sync.set_retention_days(store, args.days)
            except ValueError as error:
                raise UserError(str(error)) from error
        days = sync.retention_days(store)
    if days == 0:
        print("Sent reports keep no content here: it is removed when the receipt arrives.")
    else:
        print(f"Sent reports keep their content here for {days} day(s), then only a stub.")
    return EXIT_OK


HANDLERS = {"init": _init, "passwd": _passwd, "wipe": _wipe, "retention": _retention}
