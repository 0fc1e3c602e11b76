"""`gatewatch enroll` and `gatewatch sync`: this device and the newsroom server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import secrets as cli_secrets
from desktop.cli import update as cli_update
from desktop.cli.common import EXIT_FAILURE, EXIT_OK, UserError, open_plain
from desktop.services import sync, updates


def register(commands: Any) -> None:
    enroll = commands.add_parser("enroll", help="enroll this store with the newsroom server")
    enroll.add_argument("--server", metavar="URL", help="the server's address (or the invite's)")
    enroll.add_argument(
        "--code",
        metavar="INVITE",
        help=f"- to read the invite from stdin (else {cli_secrets.INVITE_ENV}); "
        "the invite itself here is unsafe: other users can read it",
    )
    enroll.add_argument("--label", help="a name for the admin, e.g. 'laptop 3' (never a person)")
    enroll.add_argument("--proxy", metavar="URL", help="e.g. socks5h://127.0.0.1:9050 for Tor")

    commands.add_parser("sync", help="send the outbox; exit 0 only when it is empty afterwards")


def _enroll(args: argparse.Namespace, data_dir: Path) -> int:
    code = cli_secrets.read_secret(args.code, cli_secrets.INVITE_ENV, "--code", "invite")
    with open_plain(data_dir) as store:
        identity = sync.enroll(store, args.server, code, args.label, args.proxy)
    print(f"Enrolled as device {identity.device_id} with {identity.server_url}")
    print(f"Newsroom key fingerprint: {identity.newsroom_fingerprint}")
    return EXIT_OK


def _sync(args: argparse.Namespace, data_dir: Path) -> int:
    sent = 0
    with open_plain(data_dir) as store:
        while True:
            outcome = sync.sync_once(store)
            sent += outcome.sent
            if outcome.error is not None or not outcome.more:
                break
        if outcome.error is None:
            for notice in cli_update.notice(updates.check_for_update(store)):
                print(notice)
    if outcome.purged:
        print(f"Removed the content of {outcome.purged} sent report(s) (retention).")
    if outcome.error is not None:
        print(f"Sent {sent} report(s); {outcome.remaining} still queued.")
        raise UserError(f"{outcome.error.value}: {outcome.message}", EXIT_FAILURE)
    if outcome.remaining:
        raise UserError(f"{outcome.remaining} report(s) still queued", EXIT_FAILURE)
    print(f"Sent {sent} report(s); the outbox is empty.")
    return EXIT_OK


HANDLERS = {"enroll": _enroll, "sync": _sync}
