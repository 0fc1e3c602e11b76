"""Assignments and tags at the desk, shared with every desk like moves.

An editor assigns a report to a desk (an editor's desk, by its id and label), takes it
(assigns it to this desk), unassigns it, or puts a tag on it or takes one off. Each is a
`ReviewEvent` recorded here and sealed at once into a review envelope
(`desktop.services.desk.review`), so it travels, converges and enters the audit trail as
moves do: the latest by the convergence order wins, per report for an assignment and per
report and tag for a tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from desktop.domain.desk.review import ReviewError
from desktop.domain.desk.review_events import EventKind, ReviewEvent
from desktop.domain.desk.tags import TagError, normalize_tag
from desktop.services.desk.review import _record_and_seal, desk_identity
from desktop.store.database import Store
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import ReviewRepository

__all__ = ["assign", "assign_events", "resolve_desk", "tag", "tag_events", "take"]


def resolve_desk(store: Store, who: str) -> tuple[str, str]:
    """A desk this desk knows, by id or label (case-insensitive): (id, label); `ReviewError`
    "unknown_desk" when no known desk has that id or label."""
    wanted = " ".join(who.split()).casefold()
    for desk_id, label in MarksRepository(store).known_desks():
        if who == desk_id or label.casefold() == wanted:
            return desk_id, label
    raise ReviewError(f"no desk known here is called {who!r}", "unknown_desk")


def assign(
    store: Store, report_id: str, desk: str | None, *, now: datetime | None = None
) -> ReviewEvent:
    """Assign a report to a known desk (id or label), or unassign it (None)."""
    target = None if desk is None else resolve_desk(store, desk)
    events, refused = assign_events(store, [report_id], target, now=now)
    if refused:
        raise refused[0][1]
    _record_and_seal(store, events, now)
    return events[0]


def take(store: Store, report_id: str, *, now: datetime | None = None) -> ReviewEvent:
    """Assign a report to this desk."""
    identity = desk_identity(store)
    return assign(store, report_id, identity.desk_id, now=now)


def tag(
    store: Store, report_id: str, text: str, *, on: bool = True, now: datetime | None = None
) -> ReviewEvent:
    """Put a tag on a report (`on`), or take it off."""
    events, refused = tag_events(store, [report_id], text, on=on, now=now)
    if refused:
        raise refused[0][1]
    _record_and_seal(store, events, now)
    return events[0]


def assign_events(
    store: Store,
    report_ids: Sequence[str],
    target: tuple[str, str] | None,
    *,
    now: datetime | None = None,
) -> tuple[list[ReviewEvent], list[tuple[str, ReviewError]]]:
    """The assignment events for these reports, and those refused with why (unknown, or
    already assigned so); nothing is recorded."""
    identity = desk_identity(store)
    marks = MarksRepository(store)
    held = _held(store, report_ids)
    current = marks.assignments([r for r in report_ids if r in held])
    events: list[ReviewEvent] = []
    refused: list[tuple[str, ReviewError]] = []
    for report_id in report_ids:
        if report_id not in held:
            refused.append((report_id, _unknown(report_id)))
            continue
        had = current[report_id].assignee_id
        if had == (None if target is None else target[0]):
            refused.append(
                (report_id, ReviewError("the report is already assigned so", "unchanged"))
            )
            continue
        events.append(
            ReviewEvent.mark(
                report_id,
                EventKind.ASSIGN,
                "" if target is None else target[0],
                value_label="" if target is None else target[1],
                desk_id=identity.desk_id,
                desk_label=identity.label,
                at=_after(marks.assignment_time(report_id), now),
            )
        )
    return events, refused


def tag_events(
    store: Store,
    report_ids: Sequence[str],
    text: str,
    *,
    on: bool = True,
    now: datetime | None = None,
) -> tuple[list[ReviewEvent], list[tuple[str, ReviewError]]]:
    """The tag (or untag) events for these reports, and those refused with why."""
    try:
        value = normalize_tag(text)
    except TagError as error:
        raise ReviewError(str(error), "tag") from None
    identity = desk_identity(store)
    held = _held(store, report_ids)
    marks = MarksRepository(store)
    tags = marks.tags_of([r for r in report_ids if r in held])
    events: list[ReviewEvent] = []
    refused: list[tuple[str, ReviewError]] = []
    for report_id in report_ids:
        if report_id not in held:
            refused.append((report_id, _unknown(report_id)))
        elif (value in tags[report_id]) == on:
            reason = "the report already has that tag" if on else "the report has no such tag"
            refused.append((report_id, ReviewError(reason, "unchanged")))
        else:
            events.append(
                ReviewEvent.mark(
                    report_id,
                    EventKind.TAG if on else EventKind.UNTAG,
                    value,
                    desk_id=identity.desk_id,
                    desk_label=identity.label,
                    at=_after(marks.tag_time(report_id, value), now),
                )
            )
    return events, refused


def _held(store: Store, report_ids: Sequence[str]) -> set[str]:
    return set(ReviewRepository(store).latest_revisions(report_ids))


def _unknown(report_id: str) -> ReviewError:
    return ReviewError(f"there is no report {report_id} at this desk", "unknown_report")


def _after(replaced: datetime | None, now: datetime | None) -> datetime:
    # A mark made after seeing one must win over it, even when the desk that made it runs
    # a little fast: never earlier than the mark it replaces.
    at = (now or datetime.now(UTC)).astimezone(UTC)
    if replaced is not None and at <= replaced:
        at = replaced + timedelta(microseconds=1)
    return at
