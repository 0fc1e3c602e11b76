"""Assignments, tags and bulk moves made on two desks against one real server converge on
both (conflicts included), enter the audit trail, and filter the inbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.correspondent.demo import story
from desktop.services.desk import assign as desk_assign
from desktop.services.desk import device_approval
from desktop.services.desk import duplicates as desk_duplicates
from desktop.services.desk import review as desk_review
from desktop.services.desk.bulk import BulkAction, BulkKind, run_bulk, undo_bulk_moves
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import InboxFilter, ReviewRepository
from tests.e2e.conftest import clean_photos, queue_with_photos, world_factory
from tests.helpers.two_desks import T0, Newsroom, newsroom

__all__ = ["clean_photos", "newsroom", "world_factory"]  # fixtures


def assignee(store: Store, report_id: str) -> str | None:
    return MarksRepository(store).assignment(report_id).assignee_label


def test_assignments_and_tags_converge_on_both_desks_with_a_conflict(
    newsroom: Newsroom,
) -> None:
    night, day = newsroom.night, newsroom.day
    taken, contested, tagged = newsroom.reports[:3]
    # Each desk knows the other once it has seen one of its events.
    desk_review.add_note(day, taken, "On it after the shift change.")
    newsroom.pull(day, night)
    desk_assign.assign(night, taken, "Day desk", now=T0)
    # Both editors take the same report at nearly the same moment: the later clock wins.
    desk_assign.take(night, contested, now=T0 + timedelta(seconds=5))
    desk_assign.take(day, contested, now=T0 + timedelta(seconds=7))
    desk_assign.tag(night, tagged, "Rare earths", now=T0)
    desk_assign.tag(day, tagged, "jade  Trucks", now=T0)
    # One desk puts a tag on and takes it off while the other, later, puts it on.
    desk_assign.tag(night, contested, "fuel", now=T0)
    desk_assign.tag(night, contested, "fuel", on=False, now=T0 + timedelta(seconds=1))
    desk_assign.tag(day, contested, "fuel", now=T0 + timedelta(seconds=2))
    assert MarksRepository(night).tags(contested) == []  # before the pull

    newsroom.pull(night, day, night)

    for store in (night, day):
        marks = MarksRepository(store)
        assert assignee(store, taken) == "Day desk"
        assert assignee(store, contested) == "Day desk"
        assert marks.tags(tagged) == ["jade trucks", "rare_earths"]
        assert marks.tags(contested) == ["fuel"]
        trail = ReviewRepository(store).audit_trail(contested)
        assert [(e.what, e.desk_label) for e in trail if e.what == "assign"] == [
            ("assign", "Night desk"),
            ("assign", "Day desk"),
        ]
        assert [e.what for e in trail if e.what in {"tag", "untag"}] == ["tag", "untag", "tag"]
    assert MarksRepository(night).marks(contested) == MarksRepository(day).marks(contested)

    # "Mine" is the desk's own assignments; "unassigned" the rest; tags narrow too.
    night_reviews, day_reviews = ReviewRepository(night), ReviewRepository(day)
    assert sorted(day_reviews.inbox_ids(InboxFilter(mine=True))) == sorted([taken, contested])
    assert night_reviews.inbox_ids(InboxFilter(mine=True)) == []
    unassigned = set(night_reviews.inbox_ids(InboxFilter(unassigned=True)))
    assert unassigned == set(newsroom.reports) - {taken, contested}
    assert night_reviews.inbox_ids(InboxFilter(tags=frozenset({"rare_earths"}))) == [tagged]
    assert night_reviews.inbox_ids(InboxFilter(tags=frozenset({"rare_earths", "fuel"}))) == []
    rows = day_reviews.inbox_rows([tagged, contested])
    assert rows[0].tags == ("jade trucks", "rare_earths")
    assert rows[1].assignee == "Day desk"


def test_a_bulk_move_converges_and_lists_what_it_refused(newsroom: Newsroom) -> None:
    night, day = newsroom.night, newsroom.day
    published = newsroom.reports[0]
    desk_review.move(night, published, ReviewState.VERIFIED)
    desk_review.move(night, published, ReviewState.PUBLISHED)
    steps: list[tuple[int, int]] = []
    unknown = "01234567-89ab-7def-8123-456789abcdef"

    outcome = run_bulk(
        night,
        [*newsroom.reports, unknown],
        BulkAction(BulkKind.MOVE, ReviewState.REJECTED.value, "Duplicates of the 06:00 call"),
        progress=lambda done, total: steps.append((done, total)),
    )

    assert sorted(outcome.done) == sorted(newsroom.reports[1:])
    assert [(rid, e.reason, e.current) for rid, e in outcome.refused] == [
        (published, "move_not_allowed", ReviewState.PUBLISHED),
        (unknown, "unknown_report", None),
    ]
    assert steps == [(7, 7)]
    # One event per report; the reports travel in one envelope.
    assert ReviewRepository(night).unsent_count() == 3
    newsroom.pull(night, day)
    for report_id in newsroom.reports[1:]:
        assert ReviewRepository(day).state(report_id) is ReviewState.REJECTED
        history = ReviewRepository(day).history(report_id)
        assert [(e.to_state, e.note) for e in history] == [
            (ReviewState.REJECTED, "Duplicates of the 06:00 call")
        ]
    assert ReviewRepository(day).state(published) is ReviewState.PUBLISHED


def test_a_bulk_move_is_undone_on_both_desks_except_where_moved_since(
    newsroom: Newsroom,
) -> None:
    night, day = newsroom.night, newsroom.day
    kept_new, followed, overtaken, mine_since = newsroom.reports[:4]
    desk_review.move(night, followed, ReviewState.NEEDS_FOLLOW_UP, now=T0)
    moved = [kept_new, followed, overtaken, mine_since]
    outcome = run_bulk(night, moved, BulkAction(BulkKind.MOVE, ReviewState.REJECTED.value), now=T0)
    assert sorted(outcome.moves) == sorted(moved)
    newsroom.pull(night, day)
    # Since: the other desk moves one, this desk moves another on its own.
    desk_review.move(day, overtaken, ReviewState.VERIFIED, now=T0 + timedelta(minutes=1))
    desk_review.move(night, mine_since, ReviewState.VERIFIED, now=T0 + timedelta(minutes=1))
    newsroom.pull(day, night)
    steps: list[tuple[int, int]] = []

    undone = undo_bulk_moves(
        night,
        outcome.moves,
        progress=lambda done, total: steps.append((done, total)),
        now=T0 + timedelta(minutes=2),
    )

    assert sorted(undone.done) == sorted([kept_new, followed])
    assert sorted((rid, e.reason) for rid, e in undone.refused) == sorted(
        [(overtaken, "moved_since"), (mine_since, "moved_since")]
    )
    assert steps == [(4, 4)]
    newsroom.pull(night, day)
    for store in (night, day):
        reviews = ReviewRepository(store)
        assert reviews.state(kept_new) is ReviewState.NEW
        assert reviews.state(followed) is ReviewState.NEEDS_FOLLOW_UP
        assert reviews.state(overtaken) is ReviewState.VERIFIED
        assert reviews.state(mine_since) is ReviewState.VERIFIED
        # A new move, the history kept whole.
        assert [e.to_state for e in reviews.history(followed)] == [
            ReviewState.NEEDS_FOLLOW_UP,
            ReviewState.REJECTED,
            ReviewState.NEEDS_FOLLOW_UP,
        ]
    # Undone once, nothing is left to undo; and after ten minutes nothing is undone.
    again = undo_bulk_moves(night, outcome.moves, now=T0 + timedelta(minutes=3))
    assert again.done == []
    assert again.reasons() == {"moved_since": 4}
    late = run_bulk(night, [kept_new], BulkAction(BulkKind.MOVE, ReviewState.REJECTED.value))
    too_late = datetime.now(UTC) + timedelta(minutes=11)
    expired = undo_bulk_moves(night, late.moves, now=too_late)
    assert expired.reasons() == {"nothing_to_undo": 1}
    assert ReviewRepository(night).state(kept_new) is ReviewState.REJECTED


def test_bulk_assign_tag_and_note(newsroom: Newsroom) -> None:
    night = newsroom.night
    first, second = newsroom.reports[:2]
    desk_assign.tag(night, first, "refugees")
    outcome = run_bulk(night, [first, second], BulkAction(BulkKind.TAG, "Refugees"))
    assert outcome.done == [second]
    assert [(rid, e.reason) for rid, e in outcome.refused] == [(first, "unchanged")]
    assert outcome.reasons() == {"unchanged": 1}

    outcome = run_bulk(night, [first, second], BulkAction(BulkKind.TAKE))
    assert outcome.done == [first, second]
    assert assignee(night, second) == "Night desk"
    outcome = run_bulk(night, [first, second], BulkAction(BulkKind.ASSIGN, ""))
    assert outcome.done == [first, second]
    assert assignee(night, first) is None

    outcome = run_bulk(night, [first, second], BulkAction(BulkKind.NOTE, "Call the trader"))
    assert outcome.done == [first, second]
    assert [e.kind.value for e in ReviewRepository(night).history(second)] == ["note"]

    for bad in (BulkAction(BulkKind.ASSIGN, "Nobody's desk"), BulkAction(BulkKind.NOTE, " ")):
        with pytest.raises(ReviewError):
            run_bulk(night, [first], bad)
    with pytest.raises(ReviewError, match="tag"):
        run_bulk(night, [first], BulkAction(BulkKind.TAG, "\u200b"))


def test_duplicates_are_found_merged_and_split_on_both_desks(
    newsroom: Newsroom, clean_photos: list[tuple[str, bytes, int, int]]
) -> None:
    night, day = newsroom.night, newsroom.day
    world = newsroom.world
    gazetteer = default_gazetteer()
    body = dict(next(item.body for item in story("en") if not item.draft))
    body["gate"] = "kanpaiti"  # a crossing the story does not speak of
    told = []
    for number, minutes in enumerate((0, 50, 95)):
        correspondent = world.correspondent(f"witness{number}", f"Witness {number}")
        moment = datetime(2024, 10, 28, 8, 40, tzinfo=UTC) + timedelta(minutes=minutes)
        content = ReportContent.from_json({**body, "observed_at": moment.isoformat()})
        report = queue_with_photos(correspondent, Report.new(content), clean_photos[:1])
        world.sync_until_done(correspondent)
        told.append(report.id)
    newsroom.pull()
    for device in DeskRepository(night).devices():  # the witnesses' laptops, approved
        if device.label and device.label.startswith("Witness"):
            device_approval.approve(night, device.device_id)
    found = desk_duplicates.find_duplicates(night, gazetteer, now=datetime(2024, 11, 1, tzinfo=UTC))
    kanpaiti = [g for g in found.groups if g.gate == "kanpaiti"]
    assert [(g.report_ids, g.sources) for g in kanpaiti] == [(tuple(told), 3)]
    # The same photo, sent from three devices, is flagged across the reports.
    pairs = {frozenset({a[0], b[0]}) for a, b in found.same_photos}
    assert pairs >= {frozenset({told[0], told[1]}), frozenset({told[1], told[2]})}

    lead, *others = told
    desk_duplicates.merge(night, lead, others, now=T0)
    desk_duplicates.split(day, [others[1]], now=T0 + timedelta(seconds=5))
    newsroom.pull(night, day, night)
    for store in (night, day):
        assert MarksRepository(store).links() == {others[0]: lead}
        assert DeskRepository(store).report_ids().count(others[1]) == 1  # nothing deleted
        trail = ReviewRepository(store).audit_trail(others[1])
        assert [e.what for e in trail if e.what == "link"] == ["link", "link"]
    with pytest.raises(ReviewError):
        desk_duplicates.merge(night, lead, ["01234567-89ab-7def-8123-456789abcdef"])
