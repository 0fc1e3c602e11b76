"""Prices and shortages for the briefing, from the desk's store (rules in
desktop.domain.desk.market), and when the previous briefing was made."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.desk.market import GateMarket, gate_market
from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.board import RECENT
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository

__all__ = ["market", "previous_briefing"]


def previous_briefing(store: Store) -> datetime | None:
    """When this desk last made a PDF briefing (the audit trail's newest "pdf" export)."""
    return ReviewRepository(store).latest_export_time("pdf")


def market(
    store: Store, gazetteer: Gazetteer, *, previous: datetime, now: datetime
) -> list[GateMarket]:
    """Each crossing's prices and shortages at `now` against `previous`, in gazetteer
    order, from reports observed within `RECENT` (90 days) before the earlier of the two."""
    reviews = ReviewRepository(store)
    start = min(previous, now) - RECENT
    return [
        gate_market(
            gate,
            reviews.board_reports(gate, since=start, until=now, oldest_first=True),
            previous=previous,
            now=now,
        )
        for gate in gazetteer.ids()
    ]
