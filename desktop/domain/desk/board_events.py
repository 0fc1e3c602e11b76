"""What changed since a time: every status event in a window, in order, with the report
behind each (docs/desk.md, "What changed since").

Comparing the board then with the board now would hide a gate that closed and reopened
inside the window; replaying the reports does not. The rule is the board's: a verified
(or published) report that says something other than the value in force changes it (a
*status* event); a new or needing-follow-up report that does so is a *claim*, listed but
changing nothing. Rejected reports, and aspects a report calls unknown, say nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.desk.board_report import ASPECTS, UNKNOWN, BoardReport
from desktop.domain.desk.review import CONFIRMED_STATES, PENDING_STATES, ReviewState

__all__ = ["StatusEvent", "StatusRun", "in_force", "status_events", "status_runs"]


@dataclass(frozen=True)
class StatusEvent:
    """One aspect of one gate said to change, at the report's observation time."""

    gate: str
    aspect: str
    at: datetime
    before: str
    after: str
    report_id: str
    state: ReviewState
    source_category: str | None = None  # the report's source, as a category

    @property
    def verified(self) -> bool:
        """A status change; otherwise an unverified claim, shown but changing nothing."""
        return self.state in CONFIRMED_STATES


def in_force(before_window: Iterable[BoardReport]) -> dict[str, str]:
    """Each aspect's value when the window opens: that of the newest verified report
    before it that mentions the aspect (`before_window` in any order)."""
    newest: dict[str, BoardReport] = {}
    for report in before_window:
        if report.state not in CONFIRMED_STATES:
            continue
        for aspect in report.values:
            held = newest.get(aspect)
            if held is None or (report.observed_at, report.report_id) > (
                held.observed_at,
                held.report_id,
            ):
                newest[aspect] = report
    return {aspect: report.values[aspect] for aspect, report in newest.items()}


def status_events(
    gate: str,
    before_window: Iterable[BoardReport],
    window_oldest_first: Iterable[BoardReport],
) -> list[StatusEvent]:
    """The gate's events in the window, oldest first: `before_window` gives the values in
    force when it opens, `window_oldest_first` every report observed in it."""
    current = in_force(before_window)
    events: list[StatusEvent] = []
    for report in window_oldest_first:
        if report.state not in CONFIRMED_STATES and report.state not in PENDING_STATES:
            continue
        for aspect in ASPECTS:
            value = report.values.get(aspect)
            before = current.get(aspect, UNKNOWN)
            if value is None or value == before:
                continue
            events.append(
                StatusEvent(
                    gate,
                    aspect,
                    report.observed_at,
                    before,
                    value,
                    report.report_id,
                    report.state,
                    report.source_category,
                )
            )
            if report.state in CONFIRMED_STATES:
                current[aspect] = value
    return events


@dataclass(frozen=True)
class StatusRun:
    """A stretch during which verified reports gave one aspect one value: from the report
    that set it (`basis`) to the next verified report that said otherwise (`valid_to`,
    None while it holds), with the independent sources among the verified reports of the
    run and their strongest grades."""

    gate: str
    aspect: str
    value: str
    valid_from: datetime
    valid_to: datetime | None
    basis: str
    state: ReviewState
    sources: int
    reliability: str | None
    credibility: int | None


def status_runs(gate: str, oldest_first: Iterable[BoardReport]) -> list[StatusRun]:
    """Every run of every aspect of the gate, in order of start (ties: aspect order)."""
    runs: list[StatusRun] = []
    open_runs: dict[str, tuple[BoardReport, str, set[str], list[BoardReport]]] = {}

    def close(aspect: str, until: datetime | None) -> None:
        basis, value, sources, members = open_runs.pop(aspect)
        grades = [r.reliability for r in members if r.reliability is not None]
        credibilities = [r.credibility for r in members if r.credibility is not None]
        runs.append(
            StatusRun(
                gate,
                aspect,
                value,
                basis.observed_at,
                until,
                basis.report_id,
                basis.state,
                len(sources),
                min(grades).value if grades else None,
                min(credibilities) if credibilities else None,
            )
        )

    for report in oldest_first:
        if report.state not in CONFIRMED_STATES:
            continue
        for aspect in ASPECTS:
            value = report.values.get(aspect)
            if value is None:
                continue
            current = open_runs.get(aspect)
            if current is not None and current[1] == value:
                current[2].add(report.source_key)
                current[3].append(report)
                continue
            if current is not None:
                close(aspect, report.observed_at)
            open_runs[aspect] = (report, value, {report.source_key}, [report])
    for aspect in [a for a in ASPECTS if a in open_runs]:
        close(aspect, None)
    order = {aspect: index for index, aspect in enumerate(ASPECTS)}
    return sorted(runs, key=lambda r: (r.valid_from, order[r.aspect]))
