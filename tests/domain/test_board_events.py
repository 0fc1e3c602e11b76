"""What changed since: every status event in the window, in order, with the report behind
it — a gate that closed and reopened inside the window shows both — and unverified
claims listed without changing anything; the runs of the data tables' status changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop.domain.desk.board_events import in_force, status_events, status_runs
from desktop.domain.desk.board_report import CHINA_SIDE, BoardReport
from desktop.domain.desk.review import ReviewState
from desktop.domain.vocabulary import Reliability

NOW = datetime(2024, 12, 13, 9, 0, tzinfo=UTC)
V, P, N, F, R = (
    ReviewState.VERIFIED,
    ReviewState.PUBLISHED,
    ReviewState.NEW,
    ReviewState.NEEDS_FOLLOW_UP,
    ReviewState.REJECTED,
)


def said(name: str, hours: float, state: ReviewState, china: str) -> BoardReport:
    values = {} if china == "unknown" else {CHINA_SIDE: china}
    return BoardReport(name, "pang_war", NOW - timedelta(hours=hours), state, "d1", values)


# (name, before the window, in the window oldest first, events as (report, before, after))
CASES = [
    (
        "closed and reopened inside the window: both",
        [said("a", 30, V, "open")],
        [said("b", 10, V, "closed"), said("c", 2, P, "open")],
        [("b", "open", "closed"), ("c", "closed", "open")],
    ),
    ("nothing said: nothing changed", [said("a", 30, V, "open")], [], []),
    (
        "an agreeing report is no event",
        [said("a", 30, V, "open")],
        [said("b", 10, V, "open")],
        [],
    ),
    (
        "a first value is an event from unknown",
        [],
        [said("b", 10, V, "closed")],
        [("b", "unknown", "closed")],
    ),
    (
        "an unverified claim is listed and changes nothing",
        [said("a", 30, V, "open")],
        [said("b", 10, N, "closed"), said("c", 5, F, "closed"), said("d", 2, V, "open")],
        [("b", "open", "closed"), ("c", "open", "closed")],
    ),
    (
        "rejected and unknown say nothing",
        [said("a", 30, V, "open")],
        [said("b", 10, R, "closed"), said("c", 5, V, "unknown")],
        [],
    ),
    (
        "the value in force is the newest verified one before the window",
        [said("a2", 40, V, "closed"), said("a1", 50, V, "open"), said("a3", 35, N, "open")],
        [said("b", 10, V, "open")],
        [("b", "closed", "open")],
    ),
]


@pytest.mark.parametrize(
    ("before", "window", "events"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_status_events(
    before: list[BoardReport],
    window: list[BoardReport],
    events: list[tuple[str, str, str]],
) -> None:
    found = status_events("pang_war", before, window)
    assert [(e.report_id, e.before, e.after) for e in found] == events
    assert all(e.aspect == CHINA_SIDE and e.gate == "pang_war" for e in found)
    assert [e.at for e in found] == sorted(e.at for e in found)
    by_id = {r.report_id: r for r in window}
    assert all(e.verified == (by_id[e.report_id].state in (V, P)) for e in found)


def test_in_force_takes_the_newest_verified_word_per_aspect() -> None:
    assert in_force([said("a1", 50, V, "open"), said("a2", 40, V, "closed")]) == {
        CHINA_SIDE: "closed"
    }


def graded(
    name: str, hours: float, state: ReviewState, china: str, device: str, grade: str
) -> BoardReport:
    return BoardReport(
        name,
        "pang_war",
        NOW - timedelta(hours=hours),
        state,
        device,
        {CHINA_SIDE: china},
        reliability=Reliability(grade[0]),
        credibility=int(grade[1]),
    )


# (name, reports oldest first, runs as (value, from, to, basis, sources, grade))
RUNS = [
    (
        "closed then reopened: two runs, the first ending where the second starts",
        [
            graded("a", 30, V, "closed", "d1", "C3"),
            graded("b", 20, V, "closed", "d2", "B4"),
            graded("c", 10, P, "open", "d1", "D2"),
        ],
        [("closed", 30, 10, "a", 2, "B3"), ("open", 10, None, "c", 1, "D2")],
    ),
    (
        "unverified and rejected reports make no run",
        [graded("a", 30, N, "closed", "d1", "A1"), graded("b", 20, R, "open", "d1", "A1")],
        [],
    ),
    (
        "one source reporting twice is one source",
        [graded("a", 30, V, "open", "d1", "C3"), graded("b", 20, V, "open", "d1", "C3")],
        [("open", 30, None, "a", 1, "C3")],
    ),
]


@pytest.mark.parametrize(
    ("oldest_first", "runs"), [case[1:] for case in RUNS], ids=[case[0] for case in RUNS]
)
def test_status_runs(oldest_first: list[BoardReport], runs: list[tuple[Any, ...]]) -> None:
    found = status_runs("pang_war", oldest_first)
    assert [
        (
            r.value,
            r.valid_from,
            r.valid_to,
            r.basis,
            r.sources,
            f"{r.reliability}{r.credibility}",
        )
        for r in found
    ] == [
        (
            value,
            NOW - timedelta(hours=start),
            None if end is None else NOW - timedelta(hours=end),
            basis,
            sources,
            grade,
        )
        for value, start, end, basis, sources, grade in runs
    ]
