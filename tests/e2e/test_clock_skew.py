"""Desks with wrong clocks converge: a move dated ahead of this desk's clock is held, not
refused, and applied once its time is plausible or when an editor accepts it; the pull
measures this desk's clock against the server's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.store.desk.review import ReviewRepository
from desktop.store.reports import ReportRepository
from tests.e2e.conftest import World, fast_client
from tests.e2e.other_desk import endorsed_desk, newsroom_pair, upload_review
from tests.helpers.reports import example

AHEAD = timedelta(days=3)


def world_with_a_report(world_factory: Callable[..., World]) -> tuple[World, str]:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    world.connect_desk()
    world.pull()
    return world, report.id


def move_from_a_fast_desk(world: World, report_id: str, at: datetime) -> str:
    """Another desk, whose clock runs three days ahead, verifies the report."""
    event = ReviewEvent.move(
        report_id,
        ReviewState.NEW,
        ReviewState.VERIFIED,
        desk_id="desk-" + "f" * 16,
        desk_label="Night desk",
        at=at,
    )
    signer = endorsed_desk(newsroom_pair(world), "desk-" + "f" * 16, "Night desk")
    return upload_review(world, [event.to_json()], signer)


def test_a_move_dated_ahead_is_held_then_applied_when_its_time_comes(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    start = datetime.now(UTC)
    eid = move_from_a_fast_desk(world, report_id, start + AHEAD)

    desk.pull(world.desk_store, client_factory=fast_client, now=start)

    reviews = ReviewRepository(world.desk_store)
    assert reviews.state(report_id) == ReviewState.NEW
    assert [held for held, _ in desk_review.held_reviews(world.desk_store)] == [eid]
    assert eid not in {r.envelope_id for r in desk.DeskRepository(world.desk_store).refusals()}

    # Three days later by this desk's clock, the move is plausible and applies.
    desk.pull(world.desk_store, client_factory=fast_client, now=start + AHEAD)
    assert reviews.state(report_id) == ReviewState.VERIFIED
    assert desk_review.held_reviews(world.desk_store) == []
    assert [e.desk_label for e in reviews.history(report_id)] == ["Night desk"]


def test_an_editor_accepts_a_held_move_at_once(world_factory: Callable[..., World]) -> None:
    world, report_id = world_with_a_report(world_factory)
    eid = move_from_a_fast_desk(world, report_id, datetime.now(UTC) + AHEAD)
    world.pull()
    [(held, why)] = desk_review.held_reviews(world.desk_store)
    assert held == eid
    assert "Night desk" in why

    assert desk_review.accept_held_reviews(world.desk_store) == 1

    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.VERIFIED
    assert desk_review.held_reviews(world.desk_store) == []
    world.pull()  # and a later pull changes nothing
    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.VERIFIED


def test_the_pull_measures_this_desk_s_clock_against_the_server_s(
    world_factory: Callable[..., World],
) -> None:
    world, _ = world_with_a_report(world_factory)
    right = world.pull()
    assert right.clock_skew is not None
    assert abs(right.clock_skew) < desk.CLOCK_SKEW_SHOWN
    fast = desk.pull(
        world.desk_store, client_factory=fast_client, now=datetime.now(UTC) + timedelta(hours=2)
    )
    assert fast.clock_skew is not None
    assert abs(fast.clock_skew - 7200) < 60
