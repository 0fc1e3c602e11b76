"""Prices and shortages at a crossing now, and how they changed since an earlier moment
(the previous briefing): docs/desk.md, "PDF briefing".

Only verified and published reports count, as on the board. A price is the newest one
quoted for a commodity in a unit and currency; the earlier one is the newest quoted at or
before the earlier moment. Shortages are those named by the reports observed in the
`SHORTAGE_WINDOW` up to a moment: a report that names none does not clear another's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.review import CONFIRMED_STATES

__all__ = ["SHORTAGE_WINDOW", "GateMarket", "PriceChange", "gate_market"]

SHORTAGE_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class PriceChange:
    """The latest price of a commodity (per unit, in a currency) and the earlier one."""

    commodity: str
    unit: str
    currency: str
    amount: float
    at: datetime
    previous: float | None  # None: not quoted by then

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.amount - self.previous


@dataclass(frozen=True)
class GateMarket:
    gate: str
    prices: tuple[PriceChange, ...]
    shortages: tuple[str, ...]  # named now, in the vocabulary's order of first mention
    new_shortages: tuple[str, ...]  # named now, not at the earlier moment
    ended_shortages: tuple[str, ...]  # named then, no longer

    @property
    def empty(self) -> bool:
        return not (self.prices or self.shortages or self.ended_shortages)


def gate_market(
    gate: str, oldest_first: Iterable[BoardReport], *, previous: datetime, now: datetime
) -> GateMarket:
    """The gate's prices and shortages at `now` against those at `previous`, from its
    reports observed up to `now`, oldest first."""
    latest: dict[tuple[str, str, str], tuple[str, float, datetime]] = {}
    earlier: dict[tuple[str, str, str], float] = {}
    shortages_now: dict[str, None] = {}
    shortages_then: dict[str, None] = {}
    for report in oldest_first:
        if report.state not in CONFIRMED_STATES or report.observed_at > now:
            continue
        for price in report.prices:
            key = (price.commodity.strip().casefold(), price.unit, price.currency)
            latest[key] = (price.commodity.strip(), price.amount, report.observed_at)
            if report.observed_at <= previous:
                earlier[key] = price.amount
        if report.observed_at > now - SHORTAGE_WINDOW:
            shortages_now.update(dict.fromkeys(report.shortages))
        if previous - SHORTAGE_WINDOW < report.observed_at <= previous:
            shortages_then.update(dict.fromkeys(report.shortages))
    prices = tuple(
        PriceChange(name, key[1], key[2], amount, at, earlier.get(key))
        for key, (name, amount, at) in sorted(latest.items())
    )
    return GateMarket(
        gate,
        prices,
        tuple(shortages_now),
        tuple(s for s in shortages_now if s not in shortages_then),
        tuple(s for s in shortages_then if s not in shortages_now),
    )
