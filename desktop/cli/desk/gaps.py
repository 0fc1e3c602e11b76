"""``gatewatch desk gaps``: per device, the envelopes that have not arrived, those on their
way by hand, chains that began again, and numbers used twice."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.chain import (
    describe_gap,
    describe_restart,
    device_gaps,
    gaps_json,
)
from desktop.store.database import Store

GAPS_COMMANDS = frozenset({"gaps"})


def add_parsers(desk_commands: Any) -> None:
    gaps = desk_commands.add_parser(
        "gaps", help="envelopes each device sealed that have not arrived here"
    )
    gaps.add_argument("--json", action="store_true")


def _gaps(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    found = device_gaps(store)
    if args.json:
        print(json.dumps(gaps_json(found), ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No numbered envelopes have arrived yet.")
        return 0
    for device in found:
        lines = [describe_gap(device.name, g) for g in device.gaps]
        lines += [describe_restart(device.name, r) for r in device.restarts]
        if device.late:
            lines.append(f"{device.name}: {device.late} arrived late and filled their gap")
        if device.again:
            lines.append(f"{device.name}: {device.again} arrived again, kept once")
        for event in device.conflicts:
            lines.append(
                f"{device.name}: WARNING number {event.seq} was used by two different "
                f"envelopes (the second is {event.envelope_id}): a copy of the device, or "
                "its key in other hands"
            )
        for event in device.broken:
            lines.append(
                f"{device.name}: WARNING envelope {event.envelope_id} (number {event.seq}) "
                "does not follow the envelope before it as the device sealed it"
            )
        if not device.gaps:
            lines.insert(0, f"{device.name}: nothing missing")
        print("\n".join(lines))
    return 0


GAPS_HANDLERS = {"gaps": _gaps}
