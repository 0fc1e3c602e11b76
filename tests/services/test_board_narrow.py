"""Past its first reports, the board asks the store for the rest of a gate's recent reports
only about the aspects still unsettled: the board is the one the rules give on every
report of the gate, and a report about none of those aspects is never read."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from desktop.domain.desk.board import NARROW_AFTER, as_of, derive_board
from desktop.domain.desk.board_report import CIVILIAN_PASSAGE, BoardReport
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.vocabulary import CivilianPassage, HowKnown, SideStatus, TrafficStatus
from desktop.services.desk import board as desk_board
from desktop.store.database import Store
from desktop.store.desk import board_rows
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review import ReviewRepository
from tests.helpers.approved_devices import approve_devices
from tests.helpers.desk_story import DEVICE, NOW, desk_store, traffic  # noqa: F401

GATE = "laiza"
SIDES = (SideStatus.OPEN, SideStatus.CLOSED, SideStatus.RESTRICTED)


def flow(store: Store, count: int) -> dict[str, str]:
    """`count` reports about the gate, one every 2 hours back from `NOW` (five of them in
    the same second, around where the board narrows), most of them saying what the China
    side and the cargo trucks are like; deep in the window one unverified report about
    humanitarian traffic and one verified about civilian passage, and states mixed."""
    rng = random.Random(7)  # noqa: S311 - a fixed mix of values, not a secret
    received = []
    states = []
    marks: dict[str, str] = {}
    for n in range(count):
        at = NOW - timedelta(hours=2 * n)
        if NARROW_AFTER - 2 <= n <= NARROW_AFTER + 2:
            at = NOW - timedelta(hours=2 * (NARROW_AFTER - 2))  # a tie across the boundary
        content = ReportContent(
            observed_at=at,
            china_side=rng.choice(SIDES),
            myanmar_side=SideStatus.UNKNOWN,
            how_known=HowKnown.WITNESSED,
            gate=GATE,
            traffic=traffic(
                cargo_trucks=rng.choice((TrafficStatus.ALLOWED, TrafficStatus.BLOCKED))
            ),
        )
        state = rng.choice(("new", "verified", "verified", "needs_follow_up", "rejected"))
        if n == count - 20:
            content = _only(at, traffic=traffic(humanitarian=TrafficStatus.ALLOWED))
            state = "new"
        if n == count - 10:
            content = _only(at, civilian_passage=CivilianPassage.CHINESE_CITIZENS_ONLY)
            state = "verified"
        record = Report.new(content, now=at).to_json()
        envelope = EnvelopeRecord(
            str(uuid.uuid4()), n + 1, DEVICE, "report", 1000, "2024-12-13T08:00:00Z", "stored"
        )
        received.append(ReceivedReport(envelope, record))
        states.append((state, str(record["id"])))
        if n in (count - 20, count - 10):
            marks["humanitarian" if n == count - 20 else "civilian"] = str(record["id"])
    approve_devices(store, [DEVICE])
    DeskRepository(store).store_page([], received, count, NOW)
    with store.transaction() as conn:  # the board reads only the state column
        conn.executemany("UPDATE desk_reports SET state = ? WHERE id = ?", states)
    return marks


def every_report(store: Store, at: datetime | None = None) -> dict[str, list[BoardReport]]:
    """Each gate's reports, all of them, newest first (as of `at` when given)."""
    reviews = ReviewRepository(store)
    found = {gate: list(reviews.board_reports(gate)) for gate in default_gazetteer().ids()}
    return found if at is None else {g: list(as_of(at, r)) for g, r in found.items()}


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the reports the store builds for the board, as it builds them."""
    built: list[str] = []
    build: Callable[[Any], BoardReport] = board_rows._board_report

    def spy(row: Any) -> BoardReport:
        built.append(str(row[0]))
        return build(row)

    monkeypatch.setattr(board_rows, "_board_report", spy)
    return built


def test_the_narrowed_board_is_the_board_of_every_report_and_reads_few(
    desk_store: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = NARROW_AFTER * 3
    marks = flow(desk_store, count)
    gazetteer = default_gazetteer()
    stale = desk_board.stale_after(desk_store)

    built = counting_reads(monkeypatch)
    board = desk_board.board(desk_store, gazetteer, now=NOW)
    read = list(built)
    reference = derive_board(gazetteer.ids(), every_report(desk_store), now=NOW, stale_after=stale)
    assert board == reference
    laiza = board.gates[GATE]
    assert laiza.aspects["traffic.humanitarian"].reported_reports == (marks["humanitarian"],)
    assert laiza.aspects[CIVILIAN_PASSAGE].basis is not None
    assert laiza.aspects[CIVILIAN_PASSAGE].basis.report_id == marks["civilian"]
    # The first reports, then only the two about aspects nothing else mentions.
    assert marks["humanitarian"] in read
    assert marks["civilian"] in read
    assert len(read) <= NARROW_AFTER + 2 < count

    moment = NOW - timedelta(hours=2 * (NARROW_AFTER - 2))  # the tie's second
    built.clear()
    then = desk_board.board(desk_store, gazetteer, at=moment, now=NOW)
    read_then = len(built)
    reference_then = derive_board(
        gazetteer.ids(), every_report(desk_store, moment), now=moment, stale_after=stale
    )
    assert then == reference_then
    assert read_then <= NARROW_AFTER + 2


def test_the_rest_of_a_tie_is_read_once_in_id_order(
    desk_store: Store,  # noqa: F811
) -> None:
    flow(desk_store, NARROW_AFTER * 2)
    reviews = ReviewRepository(desk_store)
    whole = list(reviews.board_reports(GATE))
    start = whole[-1].observed_at - timedelta(seconds=1)
    rest = desk_board.narrow_recent(reviews, GATE, start)
    for index in range(NARROW_AFTER - 4, NARROW_AFTER + 4):  # through the tied second
        last = whole[index]
        about = frozenset({"china_side", "traffic.cargo_trucks"})
        expected = [r for r in whole[index + 1 :] if about & r.values.keys()]
        assert [r.report_id for r in rest(about, last)] == [r.report_id for r in expected]


def _only(at: datetime, **about: Any) -> ReportContent:
    """A report about `at` that says nothing of either side, only `about`."""
    return ReportContent(
        observed_at=at,
        china_side=SideStatus.UNKNOWN,
        myanmar_side=SideStatus.UNKNOWN,
        how_known=HowKnown.WITNESSED,
        gate=GATE,
        **about,
    )
