"""The gate status board, what changed since a time, and a gate's timeline, from the desk's
store. The rules are `desktop.domain.desk.board`'s; this module only feeds it the reports.

Reports about a crossing not in the gazetteer (``new_crossing``) are not on the board: an
editor adds the crossing to the gazetteer first.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from desktop.domain.desk.board import (
    DEFAULT_STALE_AFTER,
    Board,
    NarrowRecent,
    OlderReports,
    as_of,
    derive_board,
)
from desktop.domain.desk.board_events import StatusEvent, status_events
from desktop.domain.desk.board_report import ASPECTS, SIDES, BoardReport
from desktop.domain.desk.board_timeline import Timeline, timeline
from desktop.domain.gazetteer import Gazetteer
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository
from desktop.store.settings import SettingsRepository

__all__ = [
    "board",
    "changes_since",
    "gate_timeline",
    "narrow_recent",
    "older_reports",
    "recent_reports",
    "recent_start",
    "set_stale_after",
    "stale_after",
]


RECENT = timedelta(days=90)
"""Reports observed within this of a gate's newest report are read whole; older ones only
when an aspect is still unsettled, and then only the verified ones that mention it (the
verified status holds whatever its age: this bounds reading, and keeps an unreviewed
report from months before out of the news)."""
FUTURE_ALLOWANCE = timedelta(days=1)
"""A report dated further ahead of the board's moment (a laptop's wrong clock) does not
set the window, so it hides no news."""
STALE_AFTER_SETTING = "board.stale_after_days"


def stale_after(store: Store) -> timedelta:
    """The newsroom's threshold past which a verified status is marked stale."""
    days = SettingsRepository(store).get(STALE_AFTER_SETTING)
    return DEFAULT_STALE_AFTER if days is None else timedelta(days=float(days))


def set_stale_after(store: Store, days: float) -> None:
    if not 0 < days <= 3650:
        raise ValueError("the stale threshold is between 1 hour and 3650 days")
    SettingsRepository(store).set(STALE_AFTER_SETTING, days)


def board(
    store: Store,
    gazetteer: Gazetteer,
    *,
    at: datetime | None = None,
    now: datetime | None = None,
) -> Board:
    """The board now, or as it stood at `at` (reports observed up to then, reviewed as now).
    Ages count from `at`, else from `now` (default: the current time)."""
    reviews = ReviewRepository(store)
    moment = at or now or datetime.now(UTC)
    gates = gazetteer.ids()
    windows = {gate: recent_start(reviews, gate, moment) for gate in gates}
    return derive_board(
        gates,
        {gate: recent_reports(reviews, gate, windows[gate], at) for gate in gates},
        now=moment,
        stale_after=stale_after(store),
        older_of={gate: older_reports(reviews, gate, windows[gate]) for gate in gates},
        narrow_of={gate: narrow_recent(reviews, gate, windows[gate]) for gate in gates},
    )


def recent_start(reviews: ReviewRepository, gate: str, moment: datetime) -> datetime:
    """Where the gate's recent window starts: `RECENT` before its newest report up to
    `moment` (give or take a wrong clock), or before `moment` when it has none."""
    newest = reviews.newest_board_time(gate, until=moment + FUTURE_ALLOWANCE)
    return (newest or moment) - RECENT


def recent_reports(
    reviews: ReviewRepository, gate: str, start: datetime, at: datetime | None = None
) -> Iterator[BoardReport]:
    """The gate's reports observed from `start` on (up to `at` when given), newest first."""
    newest_first = reviews.board_reports(gate, since=start, until=at)
    return newest_first if at is None else as_of(at, newest_first)


def narrow_recent(reviews: ReviewRepository, gate: str, start: datetime) -> NarrowRecent:
    """The rest of `recent_reports` after a report read (observed no later, so within any
    `at`), only those about some aspects."""

    def rest(aspects: frozenset[str], last: BoardReport) -> Iterator[BoardReport]:
        found = reviews.board_reports(gate, since=start, until=last.observed_at, mentioning=aspects)
        for report in found:  # those at `last`'s time came before it down to its id
            if report.observed_at < last.observed_at or report.report_id < last.report_id:
                yield report

    return rest


def older_reports(reviews: ReviewRepository, gate: str, start: datetime) -> OlderReports:
    """The verified reports from before `start`, for the aspects still unsettled."""
    return lambda aspects: reviews.confirmed_board_reports(gate, before=start, aspects=aspects)


def changes_since(
    store: Store, gazetteer: Gazetteer, since: datetime, until: datetime | None = None
) -> list[StatusEvent]:
    """Every status event (and unverified claim) observed in [since, until], oldest first
    (ties in gazetteer and aspect order), with the report behind each."""
    reviews = ReviewRepository(store)
    events: list[StatusEvent] = []
    for gate in gazetteer.ids():
        before = reviews.confirmed_board_reports(gate, before=since, aspects=ASPECTS, per_aspect=1)
        window = reviews.board_reports(gate, since=since, until=until, oldest_first=True)
        events += status_events(gate, before, window)
    gates = {gate: index for index, gate in enumerate(gazetteer.ids())}
    aspects = {aspect: index for index, aspect in enumerate(ASPECTS)}
    return sorted(events, key=lambda e: (e.at, gates[e.gate], aspects[e.aspect]))


def gate_timeline(
    store: Store, gate: str, start: datetime, end: datetime, *, fit: bool = False
) -> Timeline:
    """One gate's bands (China and Myanmar side), report ticks and prices over [start, end].

    Reads the reports in the range, and before it only the verified values in force at
    `start` (whatever their age), not the gate's whole history. With `fit`, a range that
    holds none of the gate's reports moves back to end just after its newest one (same
    length), marked `fitted`, so a quiet gate still shows its last news."""
    found = _timeline(store, gate, start, end)
    if found.ticks or not fit:
        return found
    newest = ReviewRepository(store).newest_board_time(gate, until=start)
    if newest is None:
        return found
    span = end - start
    moved_end = newest + span / 10
    return dataclasses.replace(_timeline(store, gate, moved_end - span, moved_end), fitted=True)


def _timeline(store: Store, gate: str, start: datetime, end: datetime) -> Timeline:
    reviews = ReviewRepository(store)
    before = _in_force(reviews.confirmed_board_reports(gate, before=start, aspects=SIDES))
    in_range = reviews.board_reports(gate, since=start, until=end, oldest_first=True)
    return timeline(gate, itertools.chain(reversed(before), in_range), start=start, end=end)


def _in_force(newest_first: Iterator[BoardReport]) -> list[BoardReport]:
    """The verified reports before the range, newest first, until each side has a value."""
    found: list[BoardReport] = []
    missing = set(SIDES)
    for report in newest_first:
        if missing & report.values.keys():
            found.append(report)
            missing -= report.values.keys()
            if not missing:
                break
    return found
