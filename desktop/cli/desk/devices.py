"""``gatewatch desk devices|approve|reject|revoke``: which devices are sources at the desk,
decided by an editor, from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.domain.desk.device_trust import DeviceState, spaced
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc
from desktop.services.desk import device_approval
from desktop.store.database import Store

DEVICE_COMMANDS = frozenset({"devices", "approve", "reject", "revoke"})


def add_parsers(desk_commands: Any) -> None:
    devices = desk_commands.add_parser(
        "devices", help="the devices the server lists, with their state at this desk"
    )
    devices.add_argument("--json", action="store_true")
    for name, text in (
        ("approve", "count a device as a source (pins its label and key, for every desk)"),
        ("reject", "keep a device's reports out of the board (for every desk)"),
        ("revoke", "refuse a device's reports sealed from now on, at every desk (final)"),
    ):
        command = desk_commands.add_parser(name, help=text)
        command.add_argument("device", metavar="DEVICE", help="its id, or its label")


def _devices(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    known = device_approval.devices(store)
    flags = device_approval.device_flags(store)
    if args.json:
        document = [
            {
                "device_id": s.device_id,
                "state": s.state.value,
                "label": s.label,
                "server_label": s.offered_label,
                "fingerprint": s.fingerprint,
                "enrolled_at": s.enrolled_at,
                "revoked_at": None if s.revoked_at is None else format_utc(s.revoked_at),
                "reports": s.reports,
                "flags": flags.get(s.device_id, []),
            }
            for s in known
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if not known:
        print("No devices yet: pull first.")
        return 0
    for s in known:
        print(f"{s.device_id}  {s.state.value:<10}  {s.label or '(no label)'}")
        print(f"    key {spaced(s.fingerprint) if s.fingerprint else '(none yet)'}")
        print(f"    enrolled {s.enrolled_at or 'unknown'}, {s.reports} reports")
        if s.revoked_at is not None:
            print(f"    revoked {format_utc(s.revoked_at)}")
        for line in flags.get(s.device_id, []):
            print(f"    ! {line}")
    waiting = sum(s.reports for s in known if s.state is DeviceState.UNAPPROVED)
    if waiting:
        print(f"{waiting} reports wait for their device's approval.")
    return 0


def _decide(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    decide = {
        "approve": device_approval.approve,
        "reject": device_approval.reject,
        "revoke": device_approval.revoke,
    }[args.desk_command]
    event = decide(store, args.device)
    print(
        f"{event.device_id} ({event.label}, key {spaced(event.fingerprint)}): "
        f"{_DONE[event.kind.value]} by {event.desk_label}. Every desk follows after its "
        "next pull."
    )
    return 0


_DONE = {"approve": "approved", "reject": "rejected", "revoke": "revoked"}

DEVICE_HANDLERS = {
    "devices": _devices,
    "approve": _decide,
    "reject": _decide,
    "revoke": _decide,
}
