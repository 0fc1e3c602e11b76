"""The gate status board, what changed since a time, and a gate's timeline, from the desk's
store. The rules are `desktop.domain.board`'s; this module only feeds it the reports.

Reports about a crossing not in the gazetteer (``new_crossing``) are not on the board: an
editor adds the crossing to the gazetteer first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from desktop.domain.board import (
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
    """One gate's bands (China and Myanmar side), report ticks and prices over [start, end]."""
    reports = ReviewRepository(store).board_reports(gate, until=end, oldest_first=True)
    return timeline(gate, reports, start=start, end=end)
