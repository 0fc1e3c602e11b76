"""Review events: one move, note, assignment, tag or link on one report, by one desk, and
the rule that makes every desk agree on what they add up to.

Events travel between desks sealed to the newsroom key, so each desk ends up holding the same
set of events in whatever order they arrived.

Convergence rule: a report's current state is the ``to_state`` of its latest move, where
"latest" orders moves by ``(at, desk_id, event_id)``. The order is total and the same on
every desk, so desks holding the same events agree on every state, whatever the arrival
order. Two editors moving the same report at once: the later clock wins, ties go to the
greater desk id; the history keeps both moves. A move is checked against the state its
own desk saw (`check_move`); once merged, it is checked again only against the state it
names (a received move from "new" to "published" is refused, on every desk alike; an
undo, the way back along an allowed move, is not), never
against the receiving desk's state, because refusing a move another desk already made
would make desks disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.domain.desk.review import (
    ALLOWED_MOVES,
    DESK_ID_PATTERN,
    MAX_LABEL_CHARS,
    ReviewError,
    ReviewState,
    check_move,
    label_length_error,
)
from desktop.domain.desk.tags import TagError, normalize_tag
from desktop.domain.ids import new_report_id
from desktop.domain.report import format_utc

MAX_NOTE_CHARS = 4_000
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may spell one; UTF-8 cannot store it


class EventKind(StrEnum):
    MOVE = "move"
    NOTE = "note"
    ASSIGN = "assign"  # value: the assignee's desk id ("" unassigns), value_label its label
    TAG = "tag"  # value: the tag (`desktop.domain.desk.tags`)
    UNTAG = "untag"
    LINK = "link"  # value: the report this one duplicates (the group's lead), "" splits it off


MARK_KINDS = frozenset({EventKind.ASSIGN, EventKind.TAG, EventKind.UNTAG, EventKind.LINK})
"""Events that mark a report (who has it, its tags) without changing its review state.
Each converges like a move: the latest by the convergence order wins, per report for an
assignment, per report and tag for a tag."""


@dataclass(frozen=True)
class ReviewEvent:
    """One move, note, assignment or tag on one report revision, by one desk."""

    event_id: str
    report_id: str
    kind: EventKind
    desk_id: str
    desk_label: str
    at: datetime
    to_state: ReviewState | None = None
    from_state: ReviewState | None = None
    note: str = ""
    value: str = ""
    value_label: str = ""

    def __post_init__(self) -> None:
        if not _UUID.fullmatch(self.event_id) or not _UUID.fullmatch(self.report_id):
            raise ReviewError("event and report ids must be lowercase UUIDs")
        if not DESK_ID_PATTERN.fullmatch(self.desk_id):
            raise ReviewError("a desk id is 'desk-' and 16 hex digits")
        if not self.desk_label.strip() or len(self.desk_label) > MAX_LABEL_CHARS:
            raise label_length_error()
        if len(self.note) > MAX_NOTE_CHARS:
            raise ReviewError(f"a note has at most {MAX_NOTE_CHARS} characters", "note_length")
        if _SURROGATE.search(self.note + self.desk_label):
            raise ReviewError("a note or desk label holds a lone surrogate (not UTF-8)")
        if self.at.tzinfo is None:
            raise ReviewError("event times carry a time zone")
        if self.kind is EventKind.MOVE and self.to_state is None:
            raise ReviewError("a move names the state it moves to")
        if self.kind is EventKind.NOTE and (self.to_state is not None or not self.note.strip()):
            raise ReviewError("a note has text and no state")
        if self.kind in MARK_KINDS:
            _check_mark(self)
        elif self.value or self.value_label:
            raise ReviewError("only an assignment or a tag has a value")

    @property
    def order_key(self) -> str:
        """The convergence order as one comparable string (fixed-width UTC time first)."""
        return f"{fixed_utc(self.at)}|{self.desk_id}|{self.event_id}"

    @classmethod
    def move(
        cls,
        report_id: str,
        current: ReviewState,
        target: ReviewState,
        *,
        desk_id: str,
        desk_label: str,
        note: str = "",
        at: datetime | None = None,
    ) -> ReviewEvent:
        """A checked move from the state this desk sees now."""
        check_move(current, target)
        return cls(
            event_id=new_report_id(datetime.now(UTC)),
            report_id=report_id,
            kind=EventKind.MOVE,
            desk_id=desk_id,
            desk_label=desk_label,
            at=(at or datetime.now(UTC)).astimezone(UTC),
            to_state=target,
            from_state=current,
            note=note.strip(),
        )

    @classmethod
    def undo(
        cls, undone: ReviewEvent, *, desk_label: str, at: datetime, note: str = ""
    ) -> ReviewEvent:
        """A new move back to the state `undone` (see `undoable_move`) moved the report
        from. Not checked against `ALLOWED_MOVES`: it may go back to ``new``. History is
        never edited; every desk merges this move like any other."""
        assert undone.to_state is not None
        assert undone.from_state is not None
        return cls(
            event_id=new_report_id(datetime.now(UTC)),
            report_id=undone.report_id,
            kind=EventKind.MOVE,
            desk_id=undone.desk_id,
            desk_label=desk_label,
            at=at.astimezone(UTC),
            to_state=undone.from_state,
            from_state=undone.to_state,
            note=note.strip(),
        )

    @classmethod
    def add_note(
        cls, report_id: str, note: str, *, desk_id: str, desk_label: str, at: datetime | None = None
    ) -> ReviewEvent:
        return cls(
            event_id=new_report_id(datetime.now(UTC)),
            report_id=report_id,
            kind=EventKind.NOTE,
            desk_id=desk_id,
            desk_label=desk_label,
            at=(at or datetime.now(UTC)).astimezone(UTC),
            note=note.strip(),
        )

    @classmethod
    def mark(
        cls,
        report_id: str,
        kind: EventKind,
        value: str,
        *,
        desk_id: str,
        desk_label: str,
        value_label: str = "",
        at: datetime | None = None,
    ) -> ReviewEvent:
        """An assignment (`value` a desk id, "" for none) or a tag put on or taken off."""
        return cls(
            event_id=new_report_id(datetime.now(UTC)),
            report_id=report_id,
            kind=kind,
            desk_id=desk_id,
            desk_label=desk_label,
            at=(at or datetime.now(UTC)).astimezone(UTC),
            value=value,
            value_label=value_label,
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "event_id": self.event_id,
            "report_id": self.report_id,
            "kind": self.kind.value,
            "desk_id": self.desk_id,
            "desk_label": self.desk_label,
            "at": format_utc(self.at),
            "to_state": None if self.to_state is None else self.to_state.value,
            "from_state": None if self.from_state is None else self.from_state.value,
            "note": self.note,
        }
        if self.kind in MARK_KINDS:  # moves and notes keep the form older desks read
            data["value"] = self.value
            data["value_label"] = self.value_label
        return data

    @classmethod
    def from_json(cls, data: object) -> ReviewEvent:
        """Parse an event from another desk; `ReviewError` for anything malformed, and for
        a move the rules do not allow from the state it names (`ALLOWED_MOVES`), unless it
        is the way back along an allowed move (an undo). A time
        ahead of this desk's clock is not malformed: see `held_until`."""
        if not isinstance(data, dict) or set(data) not in (_EVENT_KEYS_SET, _MARK_KEYS_SET):
            raise ReviewError("a review event has exactly the keys " + ", ".join(_EVENT_KEYS))
        if (set(data) == _MARK_KEYS_SET) != (data.get("kind") in MARK_KINDS):
            raise ReviewError("only an assignment or a tag has a value")
        try:
            at = parse_event_time(_text(data["at"]))  # ahead of the clock: see held_until
            event = cls(
                event_id=_text(data["event_id"]),
                report_id=_text(data["report_id"]),
                kind=EventKind(data["kind"]),
                desk_id=_text(data["desk_id"]),
                desk_label=_text(data["desk_label"]),
                at=at,
                to_state=None if data["to_state"] is None else ReviewState(data["to_state"]),
                from_state=None if data["from_state"] is None else ReviewState(data["from_state"]),
                note=_text(data["note"]),
                value=_text(data.get("value", "")),
                value_label=_text(data.get("value_label", "")),
            )
        except (ValueError, TypeError, OverflowError) as error:
            if isinstance(error, ReviewError):
                raise
            raise ReviewError("a review event field is invalid") from None
        if event.kind is EventKind.MOVE and not _merged_move_allowed(
            event.from_state, event.to_state
        ):
            # Every desk makes moves through check_move (or undoes one): one that breaks the
            # rules was not made by a desk of this newsroom as it claims. The same on every
            # desk, so refusing it keeps desks agreeing.
            before = "?" if event.from_state is None else event.from_state.value
            after = "?" if event.to_state is None else event.to_state.value
            raise ReviewError(f"a move from {before} to {after} breaks the review rules")
        return event


_EVENT_KEYS = (
    "event_id",
    "report_id",
    "kind",
    "desk_id",
    "desk_label",
    "at",
    "to_state",
    "from_state",
    "note",
)
_EVENT_KEYS_SET = frozenset(_EVENT_KEYS)
_MARK_KEYS_SET = _EVENT_KEYS_SET | {"value", "value_label"}


def _check_mark(event: ReviewEvent) -> None:
    if event.to_state is not None or event.from_state is not None:
        raise ReviewError("an assignment or a tag has no state")
    if len(event.note) > MAX_NOTE_CHARS:
        raise ReviewError(f"a note has at most {MAX_NOTE_CHARS} characters", "note_length")
    if event.kind is EventKind.ASSIGN:
        if event.value and not DESK_ID_PATTERN.fullmatch(event.value):
            raise ReviewError("an assignment names a desk id, or none")
        if bool(event.value) != bool(event.value_label.strip()):
            raise ReviewError("an assignment names its desk's label", "label_length")
        if len(event.value_label) > MAX_LABEL_CHARS:
            raise label_length_error()
    elif event.kind is EventKind.LINK:
        if event.value_label or (event.value and not _UUID.fullmatch(event.value)):
            raise ReviewError("a link names the report it duplicates, or none")
        if event.value == event.report_id:
            raise ReviewError("a report cannot duplicate itself")
    else:
        try:
            normal = normalize_tag(event.value)
        except TagError:
            normal = ""
        if event.value_label or not normal or normal != event.value:
            raise ReviewError("a tag is 1 to 40 characters of text, in its normal form", "tag")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ReviewError("a review event field that should be text is not")
    return value


def current_state(events: Iterable[ReviewEvent]) -> ReviewState:
    """The state the convergence rule gives for one report's events (``new`` if no move)."""
    latest: ReviewEvent | None = None
    for event in events:
        if event.kind is EventKind.MOVE and (latest is None or event.order_key > latest.order_key):
            latest = event
    if latest is None or latest.to_state is None:
        return ReviewState.NEW
    return latest.to_state


def _merged_move_allowed(before: ReviewState | None, after: ReviewState | None) -> bool:
    """A move another desk made: one the rules allow, or an undo (`ReviewEvent.undo`), the
    way back along a move the rules allow (verified back to new, say)."""
    if before is None or after is None:
        return False
    return after in ALLOWED_MOVES[before] or before in ALLOWED_MOVES[after]


UNDO_WINDOW = timedelta(minutes=10)
"""How long an editor may take back their last move on a report."""


def undoable_move(
    history: Iterable[ReviewEvent], desk_id: str, now: datetime
) -> ReviewEvent | None:
    """The move an undo by `desk_id` would take back, or None: the report's latest move
    (by the convergence order), made by that desk less than `UNDO_WINDOW` before `now`. A
    move another desk made since, or an old one, is not this editor's to take back."""
    latest: ReviewEvent | None = None
    for event in history:
        if event.kind is EventKind.MOVE and (latest is None or event.order_key > latest.order_key):
            latest = event
    if (
        latest is None
        or latest.desk_id != desk_id
        or latest.from_state is None
        or not latest.at <= now < latest.at + UNDO_WINDOW
    ):
        return None
    return latest


def fixed_utc(moment: datetime) -> str:
    """UTC to the microsecond, always the same width (the year too), so text order is
    time order."""
    utc = moment.astimezone(UTC)
    return f"{utc.year:04d}-" + utc.strftime("%m-%dT%H:%M:%S.%fZ")


EARLIEST_EVENT = datetime(2000, 1, 1, tzinfo=UTC)
MAX_EVENT_AHEAD = timedelta(days=1)
"""An event from another desk may be at most this far ahead of this desk's clock to apply
at once: a desk whose clock ran years ahead would otherwise win every later move. Later
ones are held (`held_until`), not refused: the desks would disagree for good."""


def held_until(events: Iterable[ReviewEvent], now: datetime) -> datetime | None:
    """When events dated ahead of ``now`` by more than `MAX_EVENT_AHEAD` become plausible
    (the latest one's time less the margin), or None when all are plausible now."""
    latest = max((e.at for e in events), default=None)
    if latest is None or latest <= now + MAX_EVENT_AHEAD:
        return None
    return latest - MAX_EVENT_AHEAD


def parse_event_time(text: str, *, now: datetime | None = None) -> datetime:
    """A stored or received event time; `ReviewError` for one without a zone, out of
    range, before 2000, or (when `now` is given) more than a day ahead of it."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ReviewError("event times carry a time zone")
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError) as error:
        if isinstance(error, ReviewError):
            raise
        raise ReviewError("an event time is not a valid time") from None
    if moment < EARLIEST_EVENT or (now is not None and moment > now + MAX_EVENT_AHEAD):
        raise ReviewError("an event time is before 2000 or more than a day ahead")
    return moment
