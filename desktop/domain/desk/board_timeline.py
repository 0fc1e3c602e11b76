"""A gate's timeline: what verified reports said of each aspect over a period, as bands of
one value, with every report as a tick and each reported price as a series."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.desk.board_report import SIDES, BoardReport
from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState


@dataclass(frozen=True)
class Band:
    """A stretch of time during which verified reports gave one aspect one value."""

    start: datetime
    end: datetime
    value: str


@dataclass(frozen=True)
class Tick:
    report_id: str
    observed_at: datetime
    state: ReviewState


@dataclass(frozen=True)
class Timeline:
    gate: str
    start: datetime
    end: datetime
    bands: Mapping[str, tuple[Band, ...]]
    ticks: tuple[Tick, ...]
    prices: Mapping[tuple[str, str, str], tuple[tuple[datetime, float], ...]]
    fitted: bool = False  # moved to the gate's newest reports: the period asked was empty


def timeline(
    gate: str,
    oldest_first: Iterable[BoardReport],
    *,
    start: datetime,
    end: datetime,
    aspects: Sequence[str] = SIDES,
) -> Timeline:
    """Status per aspect over [start, end] as bands (verified reports only), every report as
    a tick, and each reported price series. A band starts at the report that set its value
    (or at `start`, for the value in force then) and runs to the next change or `end`."""
    open_bands: dict[str, tuple[datetime, str]] = {}
    bands: dict[str, list[Band]] = {a: [] for a in aspects}
    ticks: list[Tick] = []
    prices: dict[tuple[str, str, str], list[tuple[datetime, float]]] = {}
    for report in oldest_first:
        if report.observed_at > end:
            break
        in_range = report.observed_at >= start
        if in_range:
            ticks.append(Tick(report.report_id, report.observed_at, report.state))
            for price in report.prices:
                key = (price.commodity, price.unit, price.currency)
                prices.setdefault(key, []).append((report.observed_at, price.amount))
        if report.state not in CONFIRMED_STATES:
            continue
        moment = max(report.observed_at, start)
        for aspect in aspects:
            value = report.values.get(aspect)
            if value is None:
                continue
            current = open_bands.get(aspect)
            if current is None:
                open_bands[aspect] = (moment, value)
            elif current[1] != value:
                if moment > current[0]:
                    bands[aspect].append(Band(current[0], moment, current[1]))
                open_bands[aspect] = (moment, value)
    for aspect, (since, value) in open_bands.items():
        if end > since:
            bands[aspect].append(Band(since, end, value))
    return Timeline(
        gate,
        start,
        end,
        {a: tuple(b) for a, b in bands.items()},
        tuple(ticks),
        {k: tuple(v) for k, v in prices.items()},
    )


__all__ = ["Band", "Tick", "Timeline", "timeline"]
