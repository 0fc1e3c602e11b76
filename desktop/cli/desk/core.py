"""`gatewatch desk …`: the editor desk's key, server, pull, list and photos, and the
dispatch of every desk action to the module that registers it (review, export, hand-carry)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from desktop.cli import secrets as cli_secrets
from desktop.cli import update as cli_update
from desktop.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    PASSPHRASE_ENV,
    UserError,
    gate_label,
    new_passphrase,
    open_plain,
    passphrase,
    positive,
    print_json,
    shown,
    text_or_none,
    write_file,
)
from desktop.cli.desk import export as cli_export
from desktop.cli.desk import handcarry as cli_handcarry
from desktop.cli.desk import review as cli_desk_review
from desktop.domain.gazetteer import default_gazetteer
from desktop.services import updates
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import photos as desk_photos
from desktop.services.desk import review as desk_review
from desktop.services.desk.core import DeskNotReadyError
from desktop.services.desk.review import DeskKeyExistsError
from desktop.services.desk.session import DeskSession
from desktop.services.unlock import create_store, store_exists
from desktop.store.database import Store
from sync.envelope import DEFAULT_KEM, KEM_NAMES


def register(commands: Any) -> Any:
    """Add ``gatewatch desk`` and its actions; returns the actions' subparsers."""
    parser = commands.add_parser("desk", help="the editor desk: newsroom key, pull, list")
    desk_commands = parser.add_subparsers(dest="desk_command", metavar="ACTION", required=True)
    desk_init = desk_commands.add_parser(
        "init", help="make the newsroom key pair in this store; write its public key"
    )
    desk_init.add_argument("--public-key-out", required=True, type=Path, metavar="FILE")
    desk_init.add_argument("--kem", choices=list(KEM_NAMES), default=DEFAULT_KEM)
    connect = desk_commands.add_parser("connect", help="remember the server and desk token")
    connect.add_argument("--server", required=True, metavar="URL")
    connect.add_argument(
        "--token",
        help=f"- to read the desk token from stdin (else {cli_secrets.DESK_TOKEN_ENV}); "
        "the token itself here is unsafe: other users can read it",
    )
    connect.add_argument("--tls-fingerprint", metavar="HEX", help="pin the server certificate")
    connect.add_argument("--proxy", metavar="URL", help="e.g. socks5h://127.0.0.1:9050")
    connect.add_argument(
        "--release-key",
        type=_release_key,
        metavar="HEX",
        help="pin the release key fingerprint the admin gave (checks release notices)",
    )
    desk_commands.add_parser("pull", help="fetch, verify and store new reports")
    desk_list = desk_commands.add_parser("list", help="list the reports at the desk")
    desk_list.add_argument("--json", action="store_true", help="print the full reports as JSON")
    desk_photo = desk_commands.add_parser("photo", help="write a received photo to a file")
    desk_photo.add_argument("id")
    desk_photo.add_argument("number", type=positive, metavar="N")
    desk_photo.add_argument("--out", required=True, type=Path, metavar="FILE")
    cli_desk_review.add_parsers(desk_commands)
    cli_export.add_export_parser(desk_commands)
    cli_handcarry.add_parsers(desk_commands)
    return desk_commands


def run(args: argparse.Namespace, data_dir: Path) -> int:
    command = args.desk_command
    if command == "init":
        return _init(args, data_dir)
    if command in cli_handcarry.DESK_COMMANDS:
        return cli_handcarry.run_desk(args, data_dir)
    if command in cli_desk_review.COMMANDS:
        new_store = command == "import-key" and not store_exists(data_dir)
        secret = new_passphrase(PASSPHRASE_ENV, "New passphrase: ") if new_store else passphrase()
        return cli_desk_review.run(args, data_dir, secret)
    token = None
    if command == "connect":  # before the passphrase: a missing token fails fast
        token = cli_secrets.read_secret(
            args.token, cli_secrets.DESK_TOKEN_ENV, "--token", "desk token"
        )
    with open_plain(data_dir) as store:
        if command == "export":
            return cli_export.run_export(args, store, default_gazetteer())
        if command == "connect":
            assert token is not None
            devices = desk_connection.connect(
                store,
                args.server,
                token,
                args.tls_fingerprint,
                args.proxy,
                release_key=args.release_key,
            )
            print(f"Connected to {args.server} ({devices} device(s) listed).")
        elif command == "pull":
            _pull(store)
        elif command == "list":
            _list(store, args.json)
        elif command == "photo":
            photo = desk_photos.clean_photo(store, args.id, args.number)  # never as received
            if photo is None:
                raise UserError(f"report {args.id} has no complete photo {args.number} here")
            write_file(args.out, photo.data)
            print(f"Wrote photo {args.number} of {args.id} to {args.out}")
    return EXIT_OK


HANDLERS = {"desk": run}
ERRORS = (DeskKeyExistsError, DeskNotReadyError, desk_connection.DeskKeyClaimedError)


def _pull(store: Store) -> None:
    outcome = desk.pull(store)
    print(
        f"Pulled {outcome.envelopes} envelope(s): {outcome.reports} report(s), "
        f"{outcome.photos} photo(s) complete, {outcome.refused} refused."
    )
    for warning in outcome.warnings:
        print(f"warning: moves or questions were not sent: {shown(warning)}")
    for relabel in outcome.relabels:
        print(f"warning: {shown(relabel)}")
    skew = outcome.clock_skew
    if skew is not None and abs(skew) >= desk.CLOCK_SKEW_SHOWN:
        side = "ahead of" if skew > 0 else "behind"
        print(
            f"warning: this computer's clock is {round(abs(skew) / 60)} minute(s) "
            f"{side} the server's: set the date and time right"
        )
    held = desk_review.held_reviews(store)
    if held:
        print(
            f"{len(held)} review envelope(s) held: dated ahead of this desk's clock "
            "(gatewatch desk held --accept applies them)"
        )
    # This pull's refusals are the newest ones (they come in server order).
    refusals = DeskSession(store).refusals()
    for refusal in refusals[len(refusals) - outcome.refused :]:
        print(
            f"refused {refusal.envelope_id} from {refusal.device_id}: "
            f"{refusal.reason}: {shown(refusal.message)}"
        )
    for notice in cli_update.notice(updates.check_for_update(store)):
        print(notice)


def _list(store: Store, as_json: bool) -> None:
    reports = desk.list_reports(store)
    if as_json:
        print_json([desk.report_json(r) for r in reports])
    elif not reports:
        print("No reports.")
    else:
        gazetteer = default_gazetteer()
        for r in reports:
            narrative = r.record.get("narrative")
            summary = " ".join(narrative.split())[:80] if isinstance(narrative, str) else ""
            print(
                f"{r.id}  {r.record.get('observed_at')!s:<21} "
                f"{gate_label(text_or_none(r.record.get('gate')), gazetteer):<14} "
                f"{shown(r.device_label or r.device_id):<12} {shown(summary)}"
            )


def _init(args: argparse.Namespace, data_dir: Path) -> int:
    """Make the key pair in the desk's store (created first when the folder has none) and
    write its public key. On a desk that has its key already, no new key is made: the
    existing public key is written again (so a failed write is fixed by running it again).
    """
    if store_exists(data_dir):
        opened = open_plain(data_dir)
    else:
        opened = create_store(data_dir, new_passphrase(PASSPHRASE_ENV, "New passphrase: "))
        print(f"Created an encrypted store in {data_dir}")
    with opened as store:
        try:
            public = desk_connection.init_desk(store, args.kem)
        except DeskKeyExistsError:
            existing = desk_connection.newsroom_public_key(store)
            assert existing is not None
            public = existing
            print("This desk already has its newsroom key; no new key was made.")
    try:
        args.public_key_out.write_text(public.to_text() + "\n", encoding="ascii")
    except OSError as error:
        raise UserError(
            f"cannot write {args.public_key_out} ({error.strerror}); the key is kept in the "
            "store: run `gatewatch desk init` again with another --public-key-out",
            EXIT_FAILURE,
        ) from error
    print(f"Newsroom public key ({public.kem}) written to {args.public_key_out}")
    print(f"Fingerprint: {public.fingerprint}")
    return EXIT_OK


def _release_key(value: str) -> str:
    if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
        raise argparse.ArgumentTypeError("a release key fingerprint is 64 hex digits")
    return value.lower()
