"""Assignment and tag events: their wire form (older desks still read moves and notes),
their checks, and convergence whatever order they arrive in."""

from __future__ import annotations

import itertools
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import EventKind, ReviewEvent
from desktop.domain.desk.tags import TagError, normalize_tag
from desktop.store.database import Store, create_store
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import ReviewRepository
from tests.helpers.reviews import DESK_A, DESK_B, NOW, move, received, store
from tests.helpers.stores import PASSPHRASE

__all__ = ["store"]  # a fixture

REPORT = "01234567-89ab-7def-8123-456789abcdef"


def mark(
    kind: EventKind, value: str, at_minutes: int, desk_id: str, label: str = ""
) -> ReviewEvent:
    return ReviewEvent(
        event_id=str(uuid.uuid4()),
        report_id=REPORT,
        kind=kind,
        desk_id=desk_id,
        desk_label=desk_id[-4:],
        at=NOW + timedelta(minutes=at_minutes),
        value=value,
        value_label=label,
    )


def test_moves_keep_their_wire_form_and_marks_carry_a_value() -> None:
    moved = move(REPORT, ReviewState.VERIFIED, NOW)
    assert "value" not in moved.to_json()  # a desk of the previous version reads it
    assert ReviewEvent.from_json(moved.to_json()) == moved
    assigned = mark(EventKind.ASSIGN, DESK_B, 0, DESK_A, "Day desk")
    assert assigned.to_json()["value"] == DESK_B
    assert ReviewEvent.from_json(assigned.to_json()) == assigned
    with pytest.raises(ReviewError):  # a move with a value, a mark without one
        ReviewEvent.from_json({**moved.to_json(), "value": "", "value_label": ""})
    data = assigned.to_json()
    del data["value"], data["value_label"]
    with pytest.raises(ReviewError):
        ReviewEvent.from_json(data)
    for kind, value, label in (
        (EventKind.ASSIGN, "not-a-desk", "x"),
        (EventKind.ASSIGN, DESK_B, ""),  # a desk without its label
        (EventKind.TAG, "Fuel", ""),  # not in its normal form
        (EventKind.TAG, "", ""),
        (EventKind.UNTAG, "x" * 41, ""),
    ):
        with pytest.raises(ReviewError):
            mark(kind, value, 0, DESK_A, label)


def test_tags_are_normalized() -> None:
    assert normalize_tag("  Rare   Earths ") == "rare_earths"
    assert normalize_tag("rare_earths") == "rare_earths"
    assert normalize_tag("Jade  Trucks") == "jade trucks"
    assert normalize_tag("ဆန်") == "ဆန်"
    for bad in ("", "   ", "a\u0000b", "\u200b", "x" * 41):
        with pytest.raises(TagError):
            normalize_tag(bad)


def test_assignments_and_tags_converge_whatever_order_they_arrive_in(tmp_path: Path) -> None:
    events = [
        mark(EventKind.ASSIGN, DESK_A, 0, DESK_A, "Night desk"),
        mark(EventKind.ASSIGN, DESK_B, 5, DESK_B, "Day desk"),
        mark(EventKind.ASSIGN, "", 5, DESK_A),  # same time: the greater desk id wins
        mark(EventKind.TAG, "fuel", 0, DESK_A),
        mark(EventKind.UNTAG, "fuel", 3, DESK_B),
        mark(EventKind.TAG, "fuel", 2, DESK_A),
        mark(EventKind.TAG, "refugees", 1, DESK_B),
    ]
    outcomes = set()
    for number, order in enumerate(itertools.islice(itertools.permutations(events), 0, 5040, 997)):
        with create_store(tmp_path / f"desk{number}", PASSPHRASE) as opened:
            reviews = ReviewRepository(opened)
            for event in order:  # one at a time, before the report is even held
                reviews.record_events([event], envelope_id=None, now=NOW)
            marks = MarksRepository(opened)
            assignment = marks.assignment(REPORT)
            outcomes.add((assignment.assignee_id, assignment.assignee_label, *marks.tags(REPORT)))
            assert len(marks.marks(REPORT)) == len(events)
    assert outcomes == {(DESK_B, "Day desk", "refugees")}


def test_the_audit_trail_lists_assignments_and_tags(store: Store) -> None:
    report_id = received(store)
    reviews = ReviewRepository(store)
    taken = ReviewEvent.mark(
        report_id,
        EventKind.ASSIGN,
        DESK_A,
        value_label="Night desk",
        desk_id=DESK_A,
        desk_label="Night desk",
        at=NOW,
    )
    tagged = ReviewEvent.mark(
        report_id,
        EventKind.TAG,
        "fuel",
        desk_id=DESK_B,
        desk_label="Day desk",
        at=NOW + timedelta(minutes=1),
    )
    reviews.record_events([taken, tagged], envelope_id=None, now=NOW)
    trail = reviews.audit_trail(report_id)
    assert [(e.what, e.desk_label, e.detail.get("value")) for e in trail[1:]] == [
        ("assign", "Night desk", DESK_A),
        ("tag", "Day desk", "fuel"),
    ]
    assert reviews.history(report_id) == []  # moves and notes only: the state is untouched
    assert reviews.state(report_id) is ReviewState.NEW
