"""`gatewatch update status [--check] [--json]`: is a newer version out, and how to check it.

`sync` and `desk pull` print `notice` lines after their work. The app never downloads
anything: it shows the verified manifest (desktop/services/updates.py) and the SHA-256
each archive must have. Exit codes: 0 done (whatever the status), 1 a refused manifest or
no server reachable with ``--check``, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_FAILURE, EXIT_OK, open_plain
from desktop.services import updates
from desktop.services.updates import UpdateStatus

VERIFY_HELP = (
    "Get the archive for your computer from the newsroom, by hand. Before opening it, check "
    "its SHA-256 matches the one listed here: on Windows `certutil -hashfile NAME SHA256`, "
    "on macOS and Linux `shasum -a 256 NAME`. If it differs, do not open it: tell the "
    "newsroom."
)


def register(commands: Any) -> None:
    update = commands.add_parser("update", help="is a newer version out (signed by the newsroom)")
    sub = update.add_subparsers(dest="update_command", required=True)
    status = sub.add_parser("status", help="show the newest verified release and refusals")
    status.add_argument("--check", action="store_true", help="ask the server first")
    status.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace, data_dir: Path) -> int:

    with open_plain(data_dir) as store:
        status = updates.check_for_update(store) if args.check else updates.update_status(store)
    if args.json:
        print(json.dumps(_as_json(status), ensure_ascii=False, indent=2))
    else:
        for line in describe(status):
            print(line)
    if status.error is not None:
        print(f"gatewatch: {status.error}", file=sys.stderr)
    return EXIT_FAILURE if status.refusal is not None or status.error is not None else EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace, Path], int]] = {"update": run}


def notice(status: UpdateStatus) -> list[str]:
    """The lines `sync` and `desk pull` add: only news (available or refused)."""
    lines: list[str] = []
    if status.available and status.manifest is not None:
        lines.append(
            f"A new version is available: Gatewatch {status.manifest.version} (this is "
            f"{status.running}). `gatewatch update status` shows what changed and how to "
            "check the archive."
        )
    if status.refusal is not None:
        lines.append(f"warning: a release notice was refused: {status.refusal}")
    return lines


def describe(status: UpdateStatus) -> list[str]:
    lines = [f"This is Gatewatch {status.running}."]
    if status.pinned is None:
        lines.append(
            "No release key is pinned here, so release notices cannot be checked: enrol "
            "with an invite that carries one (or `desk connect --release-key`)."
        )
    else:
        lines.append(f"Release key fingerprint (pinned): {status.pinned}")
    manifest = status.manifest
    if manifest is None:
        lines.append("No verified release notice yet.")
    elif not status.available:
        lines.append(f"Up to date: the newest signed release is {manifest.version}.")
    else:
        lines.append(f"A new version is available: Gatewatch {manifest.version}.")
        lines.append("What changed:")
        lines.extend(f"  {line}" for line in manifest.notes_en.splitlines())
        lines.append("ဘာတွေပြောင်းလဲသလဲ:")
        lines.extend(f"  {line}" for line in manifest.notes_my.splitlines())
        lines.append("Archives and their SHA-256:")
        lines.extend(f"  {a.platform}: {a.name}  {a.sha256}" for a in manifest.archives)
        lines.append(VERIFY_HELP)
    if status.refusal is not None:
        lines.append(
            f"Refused at {status.refused_at}: {status.refusal_code}: {status.refusal}. "
            "Tell the newsroom admin."
        )
    if status.checked_at is not None:
        lines.append(f"Last checked: {status.checked_at}")
    return lines


def _as_json(status: UpdateStatus) -> dict[str, Any]:
    manifest = status.manifest
    return {
        "running": status.running,
        "pinned_key": status.pinned,
        "available": status.available,
        "manifest": None if manifest is None else manifest.to_json(),
        "refusal": None
        if status.refusal is None
        else {"code": status.refusal_code, "message": status.refusal, "at": status.refused_at},
        "checked_at": status.checked_at,
        "error": status.error,
    }
