"""``gatewatch desk assign|tag|duplicates|merge|split|attention``: assignment, tags,
duplicates and what needs attention, from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk import assign as desk_assign
from desktop.services.desk import duplicates as desk_duplicates
from desktop.services.desk.attention import attention
from desktop.store.database import Store

MARK_COMMANDS = frozenset({"assign", "tag", "duplicates", "merge", "split", "attention"})


def add_parsers(desk_commands: Any) -> None:
    assign = desk_commands.add_parser(
        "assign", help="assign a report to a desk (its label or id), to this desk, or to none"
    )
    assign.add_argument("id")
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("desk", nargs="?", metavar="DESK")
    who.add_argument("--me", action="store_true", help="assign it to this desk")
    who.add_argument("--none", action="store_true", help="unassign it")
    tag = desk_commands.add_parser("tag", help="put a tag on a report, or take it off")
    tag.add_argument("id")
    tag.add_argument("tag")
    tag.add_argument("--remove", action="store_true")
    duplicates = desk_commands.add_parser(
        "duplicates", help="reports of the last 14 days that tell of one observation"
    )
    duplicates.add_argument("--json", action="store_true")
    merge = desk_commands.add_parser(
        "merge", help="link duplicates to the report that leads their group (nothing deleted)"
    )
    merge.add_argument("lead")
    merge.add_argument("ids", nargs="+", metavar="ID")
    split = desk_commands.add_parser("split", help="take reports out of their merged group")
    split.add_argument("ids", nargs="+", metavar="ID")
    needs = desk_commands.add_parser("attention", help="what needs an editor's attention")
    needs.add_argument("--json", action="store_true")


def _assign(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    if args.me:
        event = desk_assign.take(store, args.id)
    else:
        event = desk_assign.assign(store, args.id, None if args.none else args.desk)
    whom = event.value_label or "nobody"
    print(f"{args.id}: assigned to {whom} by {event.desk_label}.")
    return 0


def _tag(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    event = desk_assign.tag(store, args.id, args.tag, on=not args.remove)
    done = "taken off" if args.remove else "put on"
    print(f"{args.id}: tag {event.value!r} {done} by {event.desk_label}.")
    return 0


def _duplicates(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    found = desk_duplicates.find_duplicates(store, gazetteer)
    document = {
        "groups": [
            {"gate": g.gate, "lead": g.lead, "reports": list(g.report_ids), "sources": g.sources}
            for g in found.groups
        ],
        "same_photos": [
            [{"report": a[0], "photo": a[1]}, {"report": b[0], "photo": b[1]}]
            for a, b in found.same_photos
        ],
        "merged": found.merged,
    }
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    for group in found.groups:
        print(f"{group.gate}: {len(group.report_ids)} reports, {group.sources} source(s)")
        for report_id in group.report_ids:
            print(f"  {report_id}")
    print(f"{len(found.groups)} group(s); {len(found.same_photos)} pair(s) of the same photo.")
    return 0


def _merge(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    events = desk_duplicates.merge(store, args.lead, args.ids)
    print(f"{len(events)} report(s) linked to {args.lead}.")
    return 0


def _split(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    events = desk_duplicates.split(store, args.ids)
    print(f"{len(events)} report(s) taken out of their group.")
    return 0


def _attention(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    found = attention(store, gazetteer)
    document = {
        "count": found.count,
        "answers": [w.report_id for w in found.answers],
        "conflicts": [
            {"gate": c.gate, "aspect": c.aspect, "reports": list(c.report_ids)}
            for c in found.conflicts
        ],
        "assigned_to_me": [w.report_id for w in found.mine],
        "new": found.new_count,
    }
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"{found.count} need attention:")
    print(f"  answers that arrived: {len(found.answers)}")
    print(f"  conflicts on the board: {len(found.conflicts)}")
    print(f"  assigned to this desk: {len(found.mine)}")
    print(f"  new reports: {found.new_count}")
    return 0


MARK_HANDLERS = {
    "assign": _assign,
    "tag": _tag,
    "duplicates": _duplicates,
    "merge": _merge,
    "split": _split,
    "attention": _attention,
}
