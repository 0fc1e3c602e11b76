"""The editor desk's review commands: key export and import, label, inbox, show, move,
note, board, changes. `desktop/cli/desk/core.py` registers them under ``gatewatch desk``
and runs them with its error handling (exit codes, one-line messages, no traceback)."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.cli.common import print_json, shown
from desktop.cli.desk.devices import DEVICE_COMMANDS, DEVICE_HANDLERS
from desktop.cli.desk.devices import add_parsers as add_device_parsers
from desktop.cli.desk.export import moment_argument
from desktop.cli.desk.gaps import GAPS_COMMANDS, GAPS_HANDLERS
from desktop.cli.desk.gaps import add_parsers as add_gaps_parsers
from desktop.cli.desk.keys import KeyCommandError, export_key, import_key
from desktop.cli.desk.keys import add_parsers as add_key_parsers
from desktop.cli.desk.marks import MARK_COMMANDS, MARK_HANDLERS
from desktop.cli.desk.marks import add_parsers as add_mark_parsers
from desktop.domain.desk.board import Board
from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.desk.board_report import ASPECTS
from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.tags import TagError, normalize_tag
from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import format_utc
from desktop.services.desk import board as desk_board
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.services.desk.review import KeyExportError
from desktop.services.desk.session import DeskSession, InboxFilter
from desktop.services.unlock import unlock
from desktop.store.database import Store

COMMANDS = frozenset(
    {
        "export-key",
        "import-key",
        "label",
        "inbox",
        "show",
        "move",
        "note",
        "board",
        "changes",
        "stale-after",
        "held",
        *MARK_COMMANDS,
        *DEVICE_COMMANDS,
        *GAPS_COMMANDS,
    }
)
STATES = [state.value for state in ReviewState]


class DeskCommandError(Exception):
    """A desk command the user can fix; `desktop.cli` prints it and exits with 2."""


def add_parsers(desk_commands: Any) -> None:
    """Add the review commands to ``gatewatch desk``'s subparsers."""
    add_key_parsers(desk_commands)
    label = desk_commands.add_parser("label", help="show or set this desk's label")
    label.add_argument("name", nargs="?")

    inbox = desk_commands.add_parser("inbox", help="the reports at the desk, filtered")
    inbox.add_argument("--gate", action="append", default=[], metavar="ID")
    inbox.add_argument("--state", action="append", default=[], choices=STATES)
    inbox.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    inbox.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    inbox.add_argument("--source-category", action="append", default=[], metavar="CATEGORY")
    inbox.add_argument("--reliability", action="append", default=[], choices=list("ABCDEF"))
    inbox.add_argument("--device", action="append", default=[], metavar="DEVICE_ID")
    inbox.add_argument("--search", default="", metavar="TEXT")
    inbox.add_argument("--oldest-first", action="store_true")
    inbox.add_argument("--mine", action="store_true", help="assigned to this desk")
    inbox.add_argument("--unassigned", action="store_true")
    inbox.add_argument("--waiting", action="store_true", help="waiting for an answer")
    inbox.add_argument(
        "--unapproved", action="store_true", help="from devices no editor approved yet"
    )
    inbox.add_argument("--tag", action="append", default=[], metavar="TAG")
    inbox.add_argument("--limit", type=int, default=50, metavar="N")
    inbox.add_argument("--json", action="store_true")

    show = desk_commands.add_parser("show", help="a report with its review state and history")
    show.add_argument("id")
    move = desk_commands.add_parser("move", help="move a report to another review state")
    move.add_argument("id")
    move.add_argument("state", choices=STATES)
    move.add_argument("--note", default="")
    note = desk_commands.add_parser("note", help="add a note to a report")
    note.add_argument("id")
    note.add_argument("text")

    board = desk_commands.add_parser("board", help="the gate status board")
    board.add_argument("--at", type=_moment, metavar="TIME", help="as it stood then (ISO 8601)")
    board.add_argument("--json", action="store_true")
    stale = desk_commands.add_parser(
        "stale-after", help="show or set after how many days a board status is marked stale"
    )
    stale.add_argument("days", nargs="?", type=float, metavar="DAYS")
    changes = desk_commands.add_parser(
        "changes", help="every status change and unverified claim since TIME, in order"
    )
    changes.add_argument("--since", required=True, type=_moment, metavar="TIME")
    changes.add_argument("--json", action="store_true")
    held = desk_commands.add_parser(
        "held", help="review moves held for times ahead of this desk's clock; --accept them"
    )
    held.add_argument("--accept", action="store_true", help="apply them all now")
    add_mark_parsers(desk_commands)
    add_device_parsers(desk_commands)
    add_gaps_parsers(desk_commands)


def run(args: argparse.Namespace, data_dir: Path, passphrase: str) -> int:
    """Run one review command; raises `DeskCommandError` and the store's typed errors."""
    command = args.desk_command
    try:
        if command == "import-key":
            return import_key(args, data_dir, passphrase)
        gazetteer = default_gazetteer()
        with unlock(data_dir, passphrase) as store:
            if command == "export-key":
                return export_key(args, store)
            return _HANDLERS[command](args, store, gazetteer)
    except (ReviewError, KeyExportError, KeyCommandError, desk_review.DeskSetupError) as error:
        raise DeskCommandError(str(error)) from None


def _label(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    identity = (
        desk_review.desk_identity(store)
        if args.name is None
        else desk_review.set_desk_label(store, args.name)
    )
    print(f"{identity.label} ({identity.desk_id})")
    return 0


def _inbox(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    where = InboxFilter(
        gates=frozenset(args.gate),
        states=frozenset(ReviewState(s) for s in args.state),
        since=args.since,
        until=args.until,
        source_categories=frozenset(args.source_category),
        reliabilities=frozenset(args.reliability),
        devices=frozenset(args.device),
        text=args.search,
        oldest_first=args.oldest_first,
        mine=args.mine,
        unassigned=args.unassigned,
        waiting_answer=args.waiting,
        unapproved=args.unapproved,
        tags=frozenset(_tag_arguments(args.tag)),
    )
    page = DeskSession(store).inbox_page(where, args.limit, gazetteer.named)
    rows = page.rows
    if args.json:
        print_json(
            [
                {
                    "id": r.report_id,
                    "gate": r.gate,
                    "observed_at": r.observed_at.isoformat(),
                    "state": r.state.value,
                    "china_side": r.china_side,
                    "myanmar_side": r.myanmar_side,
                    "device": r.device_label or r.device_id,
                    "source_category": r.source_category,
                    "reliability": r.reliability,
                    "assigned_to": r.assignee,
                    "tags": list(r.tags),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        crossing = gazetteer.get(r.gate) if r.gate else None
        gate = crossing.name("en") if crossing else r.gate
        summary = " ".join(r.narrative.split())[:60]
        print(
            f"{r.report_id}  {r.observed_at:%Y-%m-%d %H:%M}Z  {gate or r.new_crossing!s:<14} "
            f"{r.state.value:<15} {shown(r.device_label or r.device_id):<12} {shown(summary)}"
        )
    print(f"{len(rows)} of {page.total} report(s) shown.")
    return 0


def _show(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    view = DeskSession(store).review(args.id)
    if view is None or view.report is None:
        raise DeskCommandError(f"there is no report {args.id} at this desk")
    print_json(
        {
            **desk.report_json(view.report),
            "review_state": view.state.value,
            "audit_trail": [
                {
                    "at": entry.at.isoformat(),
                    "what": entry.what,
                    "desk": entry.desk_label,
                    "from": None if entry.from_state is None else entry.from_state.value,
                    "to": None if entry.to_state is None else entry.to_state.value,
                    "note": entry.note,
                    **entry.detail,
                }
                for entry in view.trail
            ],
        }
    )
    return 0


def _move(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    event = desk_review.move(store, args.id, ReviewState(args.state), args.note)
    print(
        f"{args.id}: {event.from_state} → {event.to_state} by {event.desk_label}. "
        "It reaches the other desks with the next pull."
    )
    return 0


def _note(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    event = desk_review.add_note(store, args.id, args.text)
    print(f"Note added to {args.id} by {event.desk_label}.")
    return 0


def _board(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    board = desk_board.board(store, gazetteer, at=args.at)
    if args.json:
        print_json(board_json(board))
        return 0
    for gate in board:
        crossing = gazetteer.get(gate.gate)
        name = crossing.name("en") if crossing else gate.gate
        flags = []
        if gate.has_unverified_change:
            flags.append("reported change, unverified")
        if gate.has_conflict:
            flags.append("CONFLICT")
        if gate.stale:
            flags.append("STALE")
        changed = "-" if gate.last_change is None else f"{gate.last_change:%Y-%m-%d %H:%M}Z"
        age = gate.oldest_side_age
        confirmed = "" if age is None else f"last confirmed {age_words(age)}  "
        print(
            f"{name:<14} {gate.overall.value:<10} China {gate.side('china_side'):<10} "
            f"Myanmar {gate.side('myanmar_side'):<10} "
            f"sources China {gate.aspects['china_side'].corroboration:<7} "
            f"Myanmar {gate.aspects['myanmar_side'].corroboration:<7} "
            f"since {changed}  {confirmed}{'; '.join(flags)}"
        )
    return 0


def age_words(age: timedelta) -> str:
    """``9 days ago``, ``5 hours ago``, ``just now``: the age of a status, in English."""
    hours = int(age.total_seconds() // 3600)
    if hours >= 48:
        return f"{hours // 24} days ago"
    if hours >= 1:
        return f"{hours} hour{'s' if hours > 1 else ''} ago"
    return "just now"


def _stale_after(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    if args.days is not None:
        try:
            desk_board.set_stale_after(store, args.days)
        except ValueError as error:
            raise DeskCommandError(str(error)) from None
    days = desk_board.stale_after(store).total_seconds() / 86400
    print(f"A board status not confirmed for {days:g} days is marked stale.")
    return 0


def board_json(board: Board) -> list[dict[str, Any]]:
    return [
        {
            "gate": gate.gate,
            "overall": gate.overall.value,
            "conflict": gate.has_conflict,
            "unverified_change": gate.has_unverified_change,
            "last_change": None if gate.last_change is None else format_utc(gate.last_change),
            "stale": gate.stale,
            "aspects": {
                aspect: {
                    "value": status.value,
                    "since": None if status.since is None else format_utc(status.since),
                    "sources": status.sources,
                    "best_reliability": status.best_reliability,
                    "best_credibility": status.best_credibility,
                    "basis": None if status.basis is None else status.basis.report_id,
                    "confirmed_at": None
                    if status.confirmed_at is None
                    else format_utc(status.confirmed_at),
                    "age_hours": None
                    if status.age is None
                    else round(status.age.total_seconds() / 3600, 1),
                    "stale": status.stale,
                    "unverified_change": None
                    if status.unverified_change is None
                    else {
                        "value": status.unverified_change.value,
                        "report": status.unverified_change.report_id,
                    },
                    "conflict": [
                        {"value": e.value, "report": e.report_id} for e in status.conflict
                    ],
                }
                for aspect, status in gate.aspects.items()
                if aspect in ASPECTS
            },
        }
        for gate in board
    ]


def _changes(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    events = desk_board.changes_since(store, gazetteer, args.since)
    if args.json:
        print_json([event_json(e) for e in events])
        return 0
    if not events:
        print(f"No status changed since {format_utc(args.since)}.")
    for event in events:
        crossing = gazetteer.get(event.gate)
        name = crossing.name("en") if crossing else event.gate
        kind = "" if event.verified else f"  (reported, {event.state.value.replace('_', ' ')})"
        print(
            f"{event.at.astimezone(UTC):%Y-%m-%d %H:%M}Z  {name}  {event.aspect}: "
            f"{event.before} → {event.after}  report {event.report_id}{kind}"
        )
    return 0


def event_json(event: StatusEvent) -> dict[str, Any]:
    return {
        "gate": event.gate,
        "aspect": event.aspect,
        "at": format_utc(event.at),
        "before": event.before,
        "after": event.after,
        "verified": event.verified,
        "report": event.report_id,
        "review_state": event.state.value,
    }


def _held(args: argparse.Namespace, store: Store, gazetteer: Gazetteer) -> int:
    held = desk_review.held_reviews(store)
    if not held:
        print("No review moves are held.")
        return 0
    for envelope_id, why in held:
        print(f"held {envelope_id}: {why}")
    if args.accept:
        added = desk_review.accept_held_reviews(store)
        print(f"Accepted {len(held)} held review envelope(s): {added} new move(s) or note(s).")
    return 0


_HANDLERS = {
    "label": _label,
    "inbox": _inbox,
    "show": _show,
    "move": _move,
    "note": _note,
    "board": _board,
    "changes": _changes,
    "stale-after": _stale_after,
    "held": _held,
    **MARK_HANDLERS,
    **DEVICE_HANDLERS,
    **GAPS_HANDLERS,
}


def _tag_arguments(texts: list[str]) -> list[str]:
    try:
        return [normalize_tag(text) for text in texts]
    except TagError as error:
        raise DeskCommandError(str(error)) from None


# -- helpers -------------------------------------------------------------------------------


def _moment(text: str) -> datetime:
    """A time with its zone, in UTC: a time without one is refused, as by ``export``."""
    return moment_argument(text).astimezone(UTC)
