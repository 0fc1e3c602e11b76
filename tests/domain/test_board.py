"""Board derivation from crafted report sets: latest verified wins, unverified change,
conflict, corroboration by source, rejected and unknown ignored, verified status held
whatever its age (and marked stale), the board as it stood, and timeline bands; a property test:
news never changes a verified status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.desk.board import DEFAULT_STALE_AFTER, Overall, as_of, derive_board, gate_status
from desktop.domain.desk.board_report import ASPECTS, CHINA_SIDE, MYANMAR_SIDE, BoardReport, Price
from desktop.domain.desk.board_timeline import Band, timeline
from desktop.domain.desk.review import ReviewState
from desktop.domain.vocabulary import Reliability

NOW = datetime(2024, 11, 12, 9, 0, tzinfo=UTC)
V, P, N, F, R = (
    ReviewState.VERIFIED,
    ReviewState.PUBLISHED,
    ReviewState.NEW,
    ReviewState.NEEDS_FOLLOW_UP,
    ReviewState.REJECTED,
)


@dataclass(frozen=True)
class Say:
    """One report in a table row: hours before NOW, state, China side value, source."""

    hours: float
    state: ReviewState
    china: str
    device: str = "d1"
    pseudonym: str | None = None
    reliability: Reliability = Reliability.C
    credibility: int = 3


def reports(*says: Say) -> list[BoardReport]:
    """Newest first, as the store gives them."""
    built = [
        BoardReport(
            report_id=f"r{index}",
            gate="laiza",
            observed_at=NOW - timedelta(hours=say.hours),
            state=say.state,
            device_id=say.device,
            values={} if say.china == "unknown" else {CHINA_SIDE: say.china},
            pseudonym=say.pseudonym,
            reliability=say.reliability,
            credibility=say.credibility,
        )
        for index, say in enumerate(says)
    ]
    return sorted(built, key=lambda r: r.observed_at, reverse=True)


# (name, reports, value, unverified change, conflict values, sources)
CASES = [
    ("nothing known", [], None, None, (), 0),
    ("latest verified wins", [Say(1, V, "open"), Say(20, V, "closed")], "open", None, (), 1),
    ("published counts as verified", [Say(2, P, "closed")], "closed", None, (), 1),
    (
        "newer unverified is a reported change",
        [Say(1, N, "open"), Say(30, V, "closed")],
        "closed",
        "open",
        (),
        1,
    ),
    (
        "needs follow-up too",
        [Say(1, F, "restricted"), Say(30, V, "closed")],
        "closed",
        "restricted",
        (),
        1,
    ),
    (
        "newer unverified that agrees",
        [Say(1, N, "closed"), Say(3, V, "closed")],
        "closed",
        None,
        (),
        1,
    ),
    (
        "older unverified is no change",
        [Say(1, V, "closed"), Say(3, N, "open")],
        "closed",
        None,
        (),
        1,
    ),
    ("only unverified", [Say(1, N, "open")], None, "open", (), 0),
    ("rejected ignored", [Say(1, R, "open"), Say(4, V, "closed")], "closed", None, (), 1),
    ("unknown says nothing", [Say(1, V, "unknown"), Say(4, V, "closed")], "closed", None, (), 1),
    (
        "conflict within 12 hours shows both",
        [Say(1, V, "open"), Say(6, V, "closed", device="d2")],
        "open",
        None,
        ("open", "closed"),
        1,
    ),
    (
        "no conflict beyond 12 hours",
        [Say(1, V, "open"), Say(20, V, "closed", device="d2")],
        "open",
        None,
        (),
        1,
    ),
    (
        "corroboration counts sources, not reports",
        [
            Say(1, V, "closed", "d1", "amber-heron-42"),
            Say(2, V, "closed", "d1", "amber-heron-42"),
            Say(3, V, "closed", "d1", "amber-heron-42"),
            Say(4, V, "closed", "d1", "jade-crane-7"),
            Say(5, V, "closed", "d2"),
            Say(6, V, "closed", "d2"),
        ],
        "closed",
        None,
        (),
        3,
    ),
    (
        "the same pseudonym on two devices is two sources",
        [Say(1, V, "closed", "d1", "amber-heron-42"), Say(2, V, "closed", "d2", "amber-heron-42")],
        "closed",
        None,
        (),
        2,
    ),
    (
        "corroboration stops at the last disagreement",
        [Say(1, V, "closed", "d1"), Say(20, V, "open", "d2"), Say(30, V, "closed", "d3")],
        "closed",
        None,
        (),
        1,
    ),
    (
        "corroboration only within 72 hours",
        [Say(1, V, "closed", "d1"), Say(80, V, "closed", "d2")],
        "closed",
        None,
        (),
        1,
    ),
    (
        "unverified sources are not corroboration",
        [Say(1, V, "closed", "d1"), Say(2, N, "closed", "d2")],
        "closed",
        None,
        (),
        1,
    ),
]


@pytest.mark.parametrize(
    ("says", "value", "change", "conflict", "sources"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_china_side_derivation(
    says: list[Say],
    value: str | None,
    change: str | None,
    conflict: tuple[str, ...],
    sources: int,
) -> None:
    status = gate_status("laiza", reports(*says)).aspects[CHINA_SIDE]
    assert status.value == value
    assert (status.unverified_change.value if status.unverified_change else None) == change
    assert tuple(e.value for e in status.conflict) == conflict
    assert status.sources == sources


def test_best_grades_and_last_change_come_from_the_agreeing_run() -> None:
    status = gate_status(
        "laiza",
        reports(
            Say(1, V, "closed", "d1", reliability=Reliability.C, credibility=2),
            Say(5, V, "closed", "d2", reliability=Reliability.A, credibility=4),
            Say(30, V, "open", "d3", reliability=Reliability.A, credibility=1),
        ),
    ).aspects[CHINA_SIDE]
    assert (status.best_reliability, status.best_credibility) == (Reliability.A, 2)
    assert status.since == NOW - timedelta(hours=5)


DAY = 24.0

# (name, reports, stale_after, value, unverified change, age in days, stale)
HOLDING = [
    (
        "a much newer unverified report does not erase it",
        [Say(2, N, "open"), Say(100 * DAY, V, "closed")],
        DEFAULT_STALE_AFTER,
        "closed",
        "open",
        100,
        True,
    ),
    (
        "a newer verified report silent on the side does not erase it",
        [Say(1, V, "unknown"), Say(100 * DAY, V, "closed")],
        DEFAULT_STALE_AFTER,
        "closed",
        None,
        100,
        True,
    ),
    (
        "a newer rejected report neither",
        [Say(1, R, "open"), Say(120 * DAY, P, "open")],
        DEFAULT_STALE_AFTER,
        "open",
        None,
        120,
        True,
    ),
    (
        "the age is the last confirmation's",
        [Say(9 * DAY, V, "open"), Say(12 * DAY, V, "open", device="d2")],
        DEFAULT_STALE_AFTER,
        "open",
        None,
        9,
        False,
    ),
    (
        "the newsroom's threshold marks it stale",
        [Say(9 * DAY, V, "open")],
        timedelta(days=7),
        "open",
        None,
        9,
        True,
    ),
    (
        "only a verified report changes it",
        [Say(3, N, "closed"), Say(2 * DAY, V, "restricted"), Say(200 * DAY, V, "open")],
        DEFAULT_STALE_AFTER,
        "restricted",
        "closed",
        2,
        False,
    ),
]


@pytest.mark.parametrize(
    ("says", "stale_after", "value", "change", "age_days", "stale"),
    [case[1:] for case in HOLDING],
    ids=[case[0] for case in HOLDING],
)
def test_verified_status_holds_and_ages(
    says: list[Say],
    stale_after: timedelta,
    value: str,
    change: str | None,
    age_days: float,
    stale: bool,
) -> None:
    gate = gate_status("laiza", reports(*says), now=NOW, stale_after=stale_after)
    status = gate.aspects[CHINA_SIDE]
    assert status.value == value
    assert (status.unverified_change.value if status.unverified_change else None) == change
    assert status.age == timedelta(days=age_days)
    assert status.confirmed_at == NOW - timedelta(days=age_days)
    assert status.stale is stale
    assert gate.stale is stale


def test_older_reports_are_asked_only_for_the_unsettled_aspects() -> None:
    recent = [
        BoardReport("r2", "laiza", NOW - timedelta(hours=1), V, "d1", {CHINA_SIDE: "open"}),
    ]
    older = [
        BoardReport(
            "r1",
            "laiza",
            NOW - timedelta(days=300),
            V,
            "d2",
            {CHINA_SIDE: "closed", MYANMAR_SIDE: "closed"},
        ),
    ]
    asked: list[frozenset[str]] = []

    def ask(aspects: frozenset[str]) -> list[BoardReport]:
        asked.append(aspects)
        return older

    gate = gate_status("laiza", recent, now=NOW, older=ask)
    assert (gate.side(CHINA_SIDE), gate.side(MYANMAR_SIDE)) == ("open", "closed")
    assert asked == [frozenset(ASPECTS)]  # China's run may still reach back 72 hours
    assert gate.aspects[MYANMAR_SIDE].stale
    assert not gate.aspects[CHINA_SIDE].stale


STATES = st.sampled_from([V, P, N, F, R])
VALUES = st.sampled_from(["open", "closed", "restricted", "unknown"])
SAYS = st.builds(
    Say,
    hours=st.floats(min_value=-30, max_value=400 * DAY, allow_nan=False),
    state=STATES,
    china=VALUES,
    device=st.sampled_from(["d1", "d2", "d3"]),
    pseudonym=st.sampled_from([None, "amber-heron-42"]),
    reliability=st.sampled_from(list(Reliability)),
    credibility=st.integers(1, 6),
)


def _verified_view(status: Any) -> tuple[object, ...]:
    return (
        status.value,
        status.basis,
        status.since,
        status.conflict,
        status.sources,
        status.best_reliability,
        status.best_credibility,
        status.age,
        status.stale,
    )


@given(
    says=st.lists(SAYS, max_size=12),
    news=st.builds(
        Say,
        hours=st.floats(min_value=-30, max_value=400 * DAY, allow_nan=False),
        state=st.sampled_from([N, F]),
        china=VALUES,
        device=st.sampled_from(["d1", "d4"]),
    ),
)
def test_an_unverified_report_never_changes_a_verified_status(says: list[Say], news: Say) -> None:
    before = gate_status("laiza", reports(*says), now=NOW)
    after = gate_status("laiza", reports(*says, news), now=NOW)
    for aspect in ASPECTS:
        assert _verified_view(after.aspects[aspect]) == _verified_view(before.aspects[aspect])
    assert after.overall is before.overall


def test_an_unreviewed_far_future_report_hides_nothing() -> None:
    wrong_clock = Say(-24 * 365 * 5, N, "open")  # five years ahead, not yet reviewed
    status = gate_status("laiza", reports(wrong_clock, Say(2, V, "closed")))
    china = status.aspects[CHINA_SIDE]
    assert china.value == "closed"
    assert china.unverified_change is not None  # shown beside it, as any new report


@pytest.mark.parametrize(
    ("china", "myanmar", "overall"),
    [
        ("open", "open", Overall.OPEN),
        ("open", "closed", Overall.CLOSED),
        ("restricted", "open", Overall.RESTRICTED),
        ("open", "unknown", Overall.RESTRICTED),
        ("unknown", "unknown", Overall.UNKNOWN),
    ],
)
def test_overall_is_the_more_closed_side(china: str, myanmar: str, overall: Overall) -> None:
    values = {k: v for k, v in ((CHINA_SIDE, china), (MYANMAR_SIDE, myanmar)) if v != "unknown"}
    report = BoardReport("r1", "laiza", NOW, V, "d1", values)
    assert gate_status("laiza", [report]).overall is overall


def test_flags_and_gates_without_reports() -> None:
    board = derive_board(
        ["laiza", "hpimaw"],
        {"laiza": reports(Say(1, N, "open"), Say(2, V, "closed"), Say(4, V, "open"))},
    )
    laiza, hpimaw = board.gates["laiza"], board.gates["hpimaw"]
    assert laiza.has_unverified_change
    assert laiza.has_conflict
    assert laiza.overall is Overall.CLOSED  # one side closed is enough
    assert hpimaw.overall is Overall.UNKNOWN
    assert not hpimaw.has_conflict


# (name, reports, reported value, reports behind it by index, their sources)
REPORTED_CASES = [
    ("nothing reported", [Say(1, V, "closed")], None, (), 0),
    (
        "after a pull: only unverified, two sources agree",
        [Say(1, N, "open", "d1"), Say(2, F, "open", "d2"), Say(3, N, "open", "d1")],
        "open",
        (0, 1, 2),
        2,
    ),
    (
        "an older unverified report that disagrees is not behind it",
        [Say(1, N, "open", "d1"), Say(2, N, "closed", "d2")],
        "open",
        (0,),
        1,
    ),
    (
        "only the reports newer than the verified value",
        [Say(1, N, "open", "d1"), Say(2, V, "closed"), Say(3, N, "open", "d2")],
        "open",
        (0,),
        1,
    ),
    (
        "an agreeing verified value leaves nothing reported",
        [Say(1, N, "closed", "d2"), Say(2, V, "closed")],
        None,
        (),
        0,
    ),
    (
        "only within 72 hours of the newest",
        [Say(1, N, "open", "d1"), Say(80, N, "open", "d2")],
        "open",
        (0,),
        1,
    ),
]


@pytest.mark.parametrize(
    ("says", "value", "behind", "sources"),
    [case[1:] for case in REPORTED_CASES],
    ids=[case[0] for case in REPORTED_CASES],
)
def test_the_reported_layer_names_its_reports_and_sources(
    says: list[Say], value: str | None, behind: tuple[int, ...], sources: int
) -> None:
    status = gate_status("laiza", reports(*says), now=NOW)
    china = status.aspects[CHINA_SIDE]
    assert (china.unverified_change.value if china.unverified_change else None) == value
    assert set(china.reported_reports) == {f"r{i}" for i in behind}
    assert china.reported_sources == sources
    assert set(status.reported_report_ids) == {f"r{i}" for i in behind}


def test_conflict_report_ids_name_both_sides_of_a_conflict() -> None:
    status = gate_status("laiza", reports(Say(1, V, "open"), Say(6, V, "closed", device="d2")))
    assert set(status.conflict_report_ids) == {"r0", "r1"}


def test_the_board_as_it_stood() -> None:
    newest_first = reports(Say(2, V, "closed"), Say(30, V, "open"))
    then = derive_board(["laiza"], {"laiza": list(as_of(NOW - timedelta(hours=12), newest_first))})
    now = derive_board(["laiza"], {"laiza": newest_first})
    assert then.gates["laiza"].side(CHINA_SIDE) == "open"
    assert now.gates["laiza"].side(CHINA_SIDE) == "closed"


def test_timeline_bands_ticks_and_prices() -> None:
    start, end = NOW - timedelta(days=3), NOW
    oldest_first = list(
        reversed(
            [
                BoardReport("r4", "laiza", NOW - timedelta(hours=2), N, "d1", {CHINA_SIDE: "open"}),
                BoardReport(
                    "r3",
                    "laiza",
                    NOW - timedelta(hours=24),
                    V,
                    "d1",
                    {CHINA_SIDE: "closed", MYANMAR_SIDE: "closed"},
                    prices=(Price("diesel", "litre", "MMK", 4500),),
                ),
                BoardReport(
                    "r2",
                    "laiza",
                    NOW - timedelta(hours=48),
                    V,
                    "d1",
                    {CHINA_SIDE: "closed"},
                    prices=(Price("diesel", "litre", "MMK", 3500),),
                ),
                BoardReport("r1", "laiza", NOW - timedelta(days=5), V, "d1", {CHINA_SIDE: "open"}),
            ]
        )
    )
    result = timeline("laiza", oldest_first, start=start, end=end)
    assert result.bands[CHINA_SIDE] == (
        Band(start, NOW - timedelta(hours=48), "open"),  # in force when the range starts
        Band(NOW - timedelta(hours=48), end, "closed"),  # r3 agrees: the band runs on
    )
    assert result.bands[MYANMAR_SIDE] == (Band(NOW - timedelta(hours=24), end, "closed"),)
    assert [t.report_id for t in result.ticks] == ["r2", "r3", "r4"]  # r1 is before start
    assert result.prices == {
        ("diesel", "litre", "MMK"): (
            (NOW - timedelta(hours=48), 3500.0),
            (NOW - timedelta(hours=24), 4500.0),
        )
    }


# (name, China reports, Myanmar reports, China corroboration, Myanmar corroboration)
PER_SIDE = [
    (
        "each side its own count and grade",
        [("d1", Reliability.C, 3), ("d2", Reliability.D, 4)],
        [("d3", Reliability.A, 1)],
        "2 · C3",
        "1 · A1",
    ),
    ("a side without sources", [("d1", Reliability.B, 2)], [], "1 · B2", "0"),
]


@pytest.mark.parametrize(
    ("china", "myanmar", "china_shown", "myanmar_shown"),
    [case[1:] for case in PER_SIDE],
    ids=[case[0] for case in PER_SIDE],
)
def test_sources_and_grades_are_per_side_never_mixed(
    china: list[tuple[str, Reliability, int]],
    myanmar: list[tuple[str, Reliability, int]],
    china_shown: str,
    myanmar_shown: str,
) -> None:
    built = [
        BoardReport(
            f"{aspect}{index}",
            "laiza",
            NOW - timedelta(hours=index + 1),
            V,
            device,
            {aspect: "open"},
            reliability=reliability,
            credibility=credibility,
        )
        for aspect, said in ((CHINA_SIDE, china), (MYANMAR_SIDE, myanmar))
        for index, (device, reliability, credibility) in enumerate(said)
    ]
    built.sort(key=lambda r: r.observed_at, reverse=True)
    gate = gate_status("laiza", built, now=NOW)
    assert gate.aspects[CHINA_SIDE].corroboration == china_shown
    assert gate.aspects[MYANMAR_SIDE].corroboration == myanmar_shown
    assert not hasattr(gate, "sources")  # no count across sides to pair with a grade
