"""The gate status board: what the reviewed reports say each crossing is like right now.

Rules (docs/desk.md explains them for editors):

- A board *aspect* is one thing a report can say about a gate: the China side, the Myanmar
  side, each kind of traffic, and whose civilians may pass. A report that says ``unknown``
  about an aspect says nothing about it.
- **Latest verified wins.** An aspect's current value is the value of the newest report, by
  observation time, that editors verified or published (its *basis*).
- **Reported change, unverified.** A newer report that is new or needs follow-up and says
  something else is shown beside the current value, not instead of it. Rejected reports
  count for nothing. The reported layer holds the newest such value with every unverified
  report newer than the basis that says the same within `CORROBORATION_WINDOW` of it, and
  their independent sources (counted as for corroboration), so an editor opens exactly the
  reports behind it.
- **Conflict.** A verified report observed within `CONFLICT_WINDOW` before the basis that
  says something else flags the aspect as a conflict, and both reports are shown.
- **Corroboration.** Per aspect (each side, each kind of traffic, civilians), never
  combined across aspects: the independent sources behind the current value: the verified reports
  that agree with it, from the basis back to the last verified report that disagreed, within
  `CORROBORATION_WINDOW` of the basis. A source is a pseudonym on one device; a report with
  no pseudonym is its correspondent's own (one source per device). Two devices never share a
  source: pseudonyms are made on each device. Alongside, the strongest reliability (A best)
  and credibility (1 best) among them.
- **Last change**: the observation time of the oldest report of that agreeing run.
- **Verified status holds.** Only a verified report changes a verified value: news (new or
  needing follow-up) is shown beside it, and time alone never turns it into unknown. Its
  age is kept (`confirmed_at`, the basis's observation time); a value older than the
  newsroom's threshold (`stale_after`, default `DEFAULT_STALE_AFTER`) is marked stale.

Reports come in newest first per gate; derivation stops reading as soon as every aspect is
settled. The store reads the recent reports whole (past the first `NARROW_AFTER`, only those
that mention an aspect still unsettled, when it can: `NarrowRecent`) and, for the aspects
still unsettled after them, only the older verified reports that mention one
(`OlderReports`), so a store with 100,000 reports is never read whole for an aspect that
reports rarely mention.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from desktop.domain.desk.board_report import (
    ASPECTS,
    CHINA_SIDE,
    MYANMAR_SIDE,
    SIDES,
    UNKNOWN,
    BoardReport,
)
from desktop.domain.desk.review import CONFIRMED_STATES, PENDING_STATES, ReviewState
from desktop.domain.vocabulary import Reliability, SideStatus

NARROW_AFTER = 64
"""Recent reports read whole before the rest are asked only for the unsettled aspects: most
aspects settle within a few days of reports, a rarely mentioned one not in months."""
CONFLICT_WINDOW = timedelta(hours=12)
CORROBORATION_WINDOW = timedelta(hours=72)
DEFAULT_STALE_AFTER = timedelta(days=14)


class Overall(StrEnum):
    """One word for a gate on the map: the more closed of its two sides."""

    OPEN = "open"
    RESTRICTED = "restricted"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    """A report as it bears on one aspect."""

    report_id: str
    value: str
    observed_at: datetime
    state: ReviewState
    source_category: str | None = None


@dataclass(frozen=True)
class AspectStatus:
    aspect: str
    value: str | None = None
    basis: Evidence | None = None
    since: datetime | None = None
    unverified_change: Evidence | None = None
    conflict: tuple[Evidence, ...] = ()
    sources: int = 0
    best_reliability: Reliability | None = None
    best_credibility: int | None = None
    age: timedelta | None = None
    stale: bool = False
    reported_reports: tuple[str, ...] = ()  # the unverified reports behind the change
    reported_sources: int = 0  # their independent sources

    @property
    def shown_value(self) -> str:
        return self.value or UNKNOWN

    @property
    def grade(self) -> str:
        """The strongest grades among its sources, e.g. ``B2`` (empty when none)."""
        return f"{self.best_reliability or ''}{self.best_credibility or ''}"

    @property
    def corroboration(self) -> str:
        """``2 · B2``: independent sources behind this aspect's value and their best grade
        (``0`` when it has none); never mixed with another aspect's."""
        return f"{self.sources} · {self.grade}" if self.grade else str(self.sources)

    @property
    def confirmed_at(self) -> datetime | None:
        """When the value was last confirmed: the basis's observation time."""
        return None if self.basis is None else self.basis.observed_at


@dataclass(frozen=True)
class GateStatus:
    gate: str
    aspects: Mapping[str, AspectStatus]
    last_report_at: datetime | None = None

    @property
    def stale(self) -> bool:
        """A side's value is older than the newsroom's threshold."""
        return any(self.aspects[a].stale for a in SIDES)

    @property
    def oldest_side_age(self) -> timedelta | None:
        ages = [self.aspects[a].age for a in SIDES if self.aspects[a].age is not None]
        return max(ages) if ages else None  # type: ignore[type-var]

    @property
    def overall(self) -> Overall:
        return overall_of(self.side(CHINA_SIDE), self.side(MYANMAR_SIDE))

    def side(self, aspect: str) -> str:
        return self.aspects[aspect].shown_value

    @property
    def has_conflict(self) -> bool:
        return any(a.conflict for a in self.aspects.values())

    @property
    def has_unverified_change(self) -> bool:
        return any(a.unverified_change is not None for a in self.aspects.values())

    @property
    def reported_report_ids(self) -> tuple[str, ...]:
        """Every unverified report behind a reported change of this gate, once each."""
        ids = (i for a in self.aspects.values() for i in a.reported_reports)
        return tuple(dict.fromkeys(ids))

    @property
    def conflict_report_ids(self) -> tuple[str, ...]:
        """The verified reports that disagree in a conflict of this gate, once each."""
        ids = (e.report_id for a in self.aspects.values() for e in a.conflict)
        return tuple(dict.fromkeys(ids))

    @property
    def last_change(self) -> datetime | None:
        times = [self.aspects[a].since for a in SIDES if self.aspects[a].since is not None]
        return max(times) if times else None  # type: ignore[type-var]


@dataclass(frozen=True)
class Board:
    gates: Mapping[str, GateStatus] = field(default_factory=dict)

    def __iter__(self) -> Iterator[GateStatus]:
        return iter(self.gates.values())


def overall_of(china: str, myanmar: str) -> Overall:
    known = [s for s in (china, myanmar) if s != UNKNOWN]
    if not known:
        return Overall.UNKNOWN
    if SideStatus.CLOSED in known:
        return Overall.CLOSED
    if known == [SideStatus.OPEN, SideStatus.OPEN]:
        return Overall.OPEN
    return Overall.RESTRICTED  # restricted, or one side open and the other not known


class _AspectReader:
    """Accumulates one aspect's status from reports fed newest first."""

    def __init__(self, aspect: str) -> None:
        self.aspect = aspect
        self.basis: Evidence | None = None
        self.pending: Evidence | None = None
        self.reported: list[str] = []  # unverified reports agreeing with `pending`
        self.reported_sources: set[str] = set()
        self.conflict: list[Evidence] = []
        self.run_open = True  # still inside the agreeing run behind the basis
        self.since: datetime | None = None
        self.sources: set[str] = set()
        self.reliability: Reliability | None = None
        self.credibility: int | None = None
        self.done = False

    def feed(self, report: BoardReport, value: str) -> None:
        evidence = Evidence(
            report.report_id, value, report.observed_at, report.state, report.source_category
        )
        if self.basis is None:
            if report.state in PENDING_STATES:
                if self.pending is None:
                    self.pending = evidence
                if (
                    value == self.pending.value
                    and self.pending.observed_at - report.observed_at <= CORROBORATION_WINDOW
                ):
                    self.reported.append(report.report_id)
                    self.reported_sources.add(report.source_key)
            elif report.state in CONFIRMED_STATES:
                self.basis = evidence
                self.since = report.observed_at
                self._count(report)
                if self.pending is not None and self.pending.value == value:
                    self.pending = None  # the newer unverified report agrees: no change
                    self.reported.clear()
                    self.reported_sources.clear()
            return
        if report.state not in CONFIRMED_STATES:
            return
        age = self.basis.observed_at - report.observed_at
        if value != self.basis.value:
            if age <= CONFLICT_WINDOW:
                self.conflict.append(evidence)
            self.run_open = False
        elif self.run_open and age <= CORROBORATION_WINDOW:
            self.since = report.observed_at
            self._count(report)
        if age > max(CONFLICT_WINDOW, CORROBORATION_WINDOW) or (
            not self.run_open and age > CONFLICT_WINDOW
        ):
            self.done = True

    def _count(self, report: BoardReport) -> None:
        self.sources.add(report.source_key)
        if report.reliability is not None and (
            self.reliability is None or report.reliability < self.reliability
        ):
            self.reliability = report.reliability
        if report.credibility is not None and (
            self.credibility is None or report.credibility < self.credibility
        ):
            self.credibility = report.credibility

    def status(self, moment: datetime, stale_after: timedelta) -> AspectStatus:
        reported = tuple(self.reported)
        if self.basis is None:
            return AspectStatus(
                self.aspect,
                unverified_change=self.pending,
                reported_reports=reported,
                reported_sources=len(self.reported_sources),
            )
        age = max(moment - self.basis.observed_at, timedelta(0))
        return AspectStatus(
            aspect=self.aspect,
            value=self.basis.value,
            basis=self.basis,
            since=self.since,
            unverified_change=self.pending,
            conflict=(self.basis, *self.conflict) if self.conflict else (),
            sources=len(self.sources),
            best_reliability=self.reliability,
            best_credibility=self.credibility,
            age=age,
            stale=age > stale_after,
            reported_reports=reported,
            reported_sources=len(self.reported_sources),
        )


OlderReports = Callable[[frozenset[str]], Iterable[BoardReport]]
"""The verified or published reports older than every report of the recent iterable,
newest first, that mention any of the given aspects (the store filters them in SQL)."""

NarrowRecent = Callable[[frozenset[str], BoardReport], Iterable[BoardReport]]
"""The recent reports after the given one (in the order the recent iterable gives them)
that mention any of the given aspects: a report that mentions none of the aspects still
unsettled changes nothing, and the store can skip it without reading it."""


def gate_status(
    gate: str,
    newest_first: Iterable[BoardReport],
    *,
    now: datetime | None = None,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
    older: OlderReports | None = None,
    narrow: NarrowRecent | None = None,
) -> GateStatus:
    """Derive one gate's status as of `now`; stops reading once every aspect is settled.

    `newest_first` holds the recent reports (in tests: all of them); past the first
    `NARROW_AFTER` of them, when `narrow` is given, the rest are asked of it for the aspects
    still unsettled; when they run out with aspects unsettled, `older` is asked for the
    older verified reports about them. Ages and staleness count from `now` (default: the
    current time)."""
    readers = {aspect: _AspectReader(aspect) for aspect in ASPECTS}
    last_report: datetime | None = None
    taken = 0  # reports read, and the last one: the rest is narrowed after it
    last_taken: BoardReport | None = None

    def unsettled() -> frozenset[str]:
        return frozenset(a for a, r in readers.items() if not r.done)

    def read(reports: Iterable[BoardReport]) -> bool:
        nonlocal last_report, taken, last_taken
        for report in reports:
            taken, last_taken = taken + 1, report
            if report.state is ReviewState.REJECTED:
                continue
            if last_report is None:
                last_report = report.observed_at
            for aspect, value in report.values.items():
                reader = readers.get(aspect)
                if reader is not None and not reader.done:
                    reader.feed(report, value)
            if all(r.done for r in readers.values()):
                return True
        return False

    settled = read(itertools.islice(newest_first, NARROW_AFTER) if narrow else newest_first)
    if not settled and narrow is not None and last_taken is not None and taken == NARROW_AFTER:
        settled = read(narrow(unsettled(), last_taken))
    if not settled and older is not None:
        read(older(unsettled()))
    moment = now or datetime.now(UTC)
    aspects = {a: r.status(moment, stale_after) for a, r in readers.items()}
    return GateStatus(gate, aspects, last_report)


def derive_board(
    gates: Sequence[str],
    reports_of: Mapping[str, Iterable[BoardReport]] | None = None,
    *,
    now: datetime | None = None,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
    older_of: Mapping[str, OlderReports] | None = None,
    narrow_of: Mapping[str, NarrowRecent] | None = None,
) -> Board:
    """The board for `gates` in order; `reports_of[gate]` yields that gate's recent reports
    newest first (a lazy iterable from the store, or a list in tests), `narrow_of[gate]`
    the rest of them about some aspects, and `older_of[gate]` the older verified ones on
    demand."""
    reports_of = reports_of or {}
    older_of = older_of or {}
    narrow_of = narrow_of or {}
    moment = now or datetime.now(UTC)
    return Board(
        {
            gate: gate_status(
                gate,
                reports_of.get(gate, ()),
                now=moment,
                stale_after=stale_after,
                older=older_of.get(gate),
                narrow=narrow_of.get(gate),
            )
            for gate in gates
        }
    )


# -- as it stood ---------------------------------------------------------------------------


def as_of(moment: datetime, newest_first: Iterable[BoardReport]) -> Iterator[BoardReport]:
    """The reports observed at or before `moment` (for the board as it stood then)."""
    return (r for r in newest_first if r.observed_at <= moment)


__all__ = [
    "CONFLICT_WINDOW",
    "CORROBORATION_WINDOW",
    "DEFAULT_STALE_AFTER",
    "NARROW_AFTER",
    "AspectStatus",
    "Board",
    "Evidence",
    "GateStatus",
    "NarrowRecent",
    "OlderReports",
    "Overall",
    "as_of",
    "derive_board",
    "gate_status",
    "overall_of",
]
