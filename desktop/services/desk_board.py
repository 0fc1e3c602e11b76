"""The gate status board, what changed since a time, and a gate's timeline, from the desk's
store. The rules are `desktop.domain.board`'s; this module only feeds it the reports.

Reports about a crossing not in the gazetteer (``new_crossing``) are not on the board: an
editor adds the crossing to the gazetteer first.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime

from desktop.domain.board import (
    BOARD_LOOKBACK,
    SIDES,
    Board,
    BoardReport,
    GateChange,
    Timeline,
    as_of,
    changes_between,
    derive_board,
    timeline,
)
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.review import CONFIRMED_STATES
from desktop.store.database import Store
from desktop.store.review import ReviewRepository

__all__ = ["board", "changes_since", "gate_timeline"]


def board(store: Store, gazetteer: Gazetteer, *, at: datetime | None = None) -> Board:
    """The board now, or as it stood at `at` (reports observed up to then, reviewed as now)."""
    reviews = ReviewRepository(store)
    gates = gazetteer.ids()
    return derive_board(gates, {gate: _reports(reviews, gate, at) for gate in gates})


def _reports(reviews: ReviewRepository, gate: str, at: datetime | None) -> Iterator[BoardReport]:
    newest_first = reviews.board_reports(gate, until=at)
    return newest_first if at is None else as_of(at, newest_first)


def changes_since(store: Store, gazetteer: Gazetteer, since: datetime) -> list[GateChange]:
    """Gates whose status differs between the board at `since` and the board now."""
    return changes_between(board(store, gazetteer, at=since), board(store, gazetteer))


def gate_timeline(store: Store, gate: str, start: datetime, end: datetime) -> Timeline:
    """One gate's bands (China and Myanmar side), report ticks and prices over [start, end].

    Reads the reports in the range, and before it only back to the verified values in
    force at `start` (within the board's look-back), not the gate's whole history."""
    reviews = ReviewRepository(store)
    before = _in_force(reviews.board_reports(gate, until=start), start)
    in_range = reviews.board_reports(gate, since=start, until=end, oldest_first=True)
    return timeline(gate, itertools.chain(reversed(before), in_range), start=start, end=end)


def _in_force(newest_first: Iterator[BoardReport], start: datetime) -> list[BoardReport]:
    """The verified reports before `start`, newest first, until each side has a value."""
    found: list[BoardReport] = []
    missing = set(SIDES)
    for report in newest_first:
        if report.observed_at >= start:
            continue  # in the range: read by the second query
        if report.observed_at < start - BOARD_LOOKBACK:
            break
        if report.state in CONFIRMED_STATES and missing & report.values.keys():
            found.append(report)
            missing -= report.values.keys()
            if not missing:
                break
    return found
