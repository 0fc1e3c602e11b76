"""Bulk review at the desk: move, assign, tag or note many reports at once.

One event per report, exactly as if each had been done alone (the same checks, the same
convergence), sealed and queued a batch at a time so progress can be shown and a stop
loses at most the batch under way. What the rules refuse (a move not allowed from the
state a report is in, a report not held, a tag it already has) is left as it was and
listed with its reason.

A bulk move is undone like a single one (`undo_bulk_moves`): for ten minutes, each
report it moved gets a new move back to the state before, recorded and shared like any
move; a report another move reached since (another desk's, or this desk's own later one)
is left as it is and listed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import EventKind, ReviewEvent, undoable_move
from desktop.services.desk.assign import assign_events, resolve_desk, tag_events
from desktop.services.desk.review import _record_and_seal, desk_identity
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository

BATCH = 50
"""Events per review envelope (and per progress step)."""

Progress = Callable[[int, int], None]
"""Called with (reports done, reports in all) after every batch."""


class BulkKind(StrEnum):
    MOVE = "move"
    ASSIGN = "assign"  # `value`: a desk id or label; "" unassigns
    TAKE = "take"
    TAG = "tag"
    UNTAG = "untag"
    NOTE = "note"


@dataclass(frozen=True)
class BulkAction:
    kind: BulkKind
    value: str = ""  # the target state, desk, tag or note text
    note: str = ""  # with a move


@dataclass
class BulkOutcome:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, ReviewError]] = field(default_factory=list)
    moves: dict[str, str] = field(default_factory=dict)  # report id -> its move's event id

    def reasons(self) -> dict[str, int]:
        """How many were refused for each reason."""
        counts: dict[str, int] = {}
        for _, error in self.refused:
            counts[error.reason] = counts.get(error.reason, 0) + 1
        return counts


def run_bulk(
    store: Store,
    report_ids: Sequence[str],
    action: BulkAction,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BulkOutcome:
    """Apply `action` to every report; returns what was done and what refused, and why.

    A value that cannot be used at all (an unknown desk, an empty tag or note) raises
    `ReviewError` before anything is recorded.
    """
    ids = list(dict.fromkeys(report_ids))
    target = None
    if action.kind is BulkKind.ASSIGN and action.value:
        target = resolve_desk(store, action.value)
    elif action.kind is BulkKind.TAKE:
        identity = desk_identity(store)
        target = (identity.desk_id, identity.label)
    if action.kind is BulkKind.NOTE and not action.value.strip():
        raise ReviewError("a note has text", "note_length")
    outcome = BulkOutcome()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        if action.kind is BulkKind.MOVE:
            events, refused = _move_events(
                store, chunk, ReviewState(action.value), action.note, now
            )
        elif action.kind in (BulkKind.ASSIGN, BulkKind.TAKE):
            events, refused = assign_events(store, chunk, target, now=now)
        elif action.kind in (BulkKind.TAG, BulkKind.UNTAG):
            on = action.kind is BulkKind.TAG
            events, refused = tag_events(store, chunk, action.value, on=on, now=now)
        else:
            events, refused = _note_events(store, chunk, action.value, now)
        if events:
            _record_and_seal(store, events, now)
        outcome.done += [event.report_id for event in events]
        if action.kind is BulkKind.MOVE:
            outcome.moves.update((event.report_id, event.event_id) for event in events)
        outcome.refused += refused
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    return outcome


def undo_bulk_moves(
    store: Store,
    moves: Mapping[str, str],
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BulkOutcome:
    """Undo the moves of a bulk action (`BulkOutcome.moves`: report id -> event id), each as
    a single undo would: a new move back to the state before, one per report. A report
    moved since by any desk ("moved_since"), or whose move is too old ("nothing_to_undo":
    older than `desktop.domain.desk.review_events.UNDO_WINDOW`), is left as it is and listed."""
    identity = desk_identity(store)
    reviews = ReviewRepository(store)
    at = (now or datetime.now(UTC)).astimezone(UTC)
    pending = list(moves.items())
    outcome = BulkOutcome()
    for start in range(0, len(pending), BATCH):
        events: list[ReviewEvent] = []
        for report_id, event_id in pending[start : start + BATCH]:
            history = reviews.history(report_id)
            latest = max(
                (e for e in history if e.kind is EventKind.MOVE),
                key=lambda e: e.order_key,
                default=None,
            )
            if latest is None or latest.event_id != event_id:
                outcome.refused.append(
                    (report_id, ReviewError("another move was made since", "moved_since"))
                )
                continue
            if undoable_move(history, identity.desk_id, at) is None:
                outcome.refused.append(
                    (report_id, ReviewError("the move is too old to undo", "nothing_to_undo"))
                )
                continue
            events.append(
                ReviewEvent.undo(
                    latest,
                    desk_label=identity.label,
                    at=max(at, latest.at + timedelta(microseconds=1)),
                )
            )
        if events:
            _record_and_seal(store, events, now)
        outcome.done += [event.report_id for event in events]
        if progress is not None:
            progress(min(start + BATCH, len(pending)), len(pending))
    return outcome


def _move_events(
    store: Store, chunk: Sequence[str], target: ReviewState, note: str, now: datetime | None
) -> tuple[list[ReviewEvent], list[tuple[str, ReviewError]]]:
    reviews = ReviewRepository(store)
    identity = desk_identity(store)
    events: list[ReviewEvent] = []
    refused: list[tuple[str, ReviewError]] = []
    for report_id in chunk:
        current = reviews.state(report_id)
        if current is None:
            refused.append((report_id, _unknown(report_id)))
            continue
        # As a single move: never earlier than the move it replaces.
        at = (now or datetime.now(UTC)).astimezone(UTC)
        replaced = reviews.state_time(report_id)
        if replaced is not None and at <= replaced:
            at = replaced + timedelta(microseconds=1)
        try:
            events.append(
                ReviewEvent.move(
                    report_id,
                    current,
                    target,
                    desk_id=identity.desk_id,
                    desk_label=identity.label,
                    note=note,
                    at=at,
                )
            )
        except ReviewError as error:
            refused.append((report_id, error))
    return events, refused


def _note_events(
    store: Store, chunk: Sequence[str], note: str, now: datetime | None
) -> tuple[list[ReviewEvent], list[tuple[str, ReviewError]]]:
    reviews = ReviewRepository(store)
    identity = desk_identity(store)
    events: list[ReviewEvent] = []
    refused: list[tuple[str, ReviewError]] = []
    for report_id in chunk:
        if reviews.state(report_id) is None:
            refused.append((report_id, _unknown(report_id)))
            continue
        events.append(
            ReviewEvent.add_note(
                report_id, note, desk_id=identity.desk_id, desk_label=identity.label, at=now
            )
        )
    return events, refused


def _unknown(report_id: str) -> ReviewError:
    return ReviewError(f"there is no report {report_id} at this desk", "unknown_report")
