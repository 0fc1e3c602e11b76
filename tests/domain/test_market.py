"""Prices and shortages against an earlier moment (the previous briefing): only verified
reports count, the earlier price is the newest quoted by then, shortages come from the
reports of the last week and a report naming none clears nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.desk.board_report import BoardReport, Price
from desktop.domain.desk.market import gate_market
from desktop.domain.desk.review import ReviewState

NOW = datetime(2024, 12, 13, 9, 0, tzinfo=UTC)
PREVIOUS = NOW - timedelta(days=1)
V, N = ReviewState.VERIFIED, ReviewState.NEW


def report(
    hours_ago: float,
    state: ReviewState = V,
    diesel: float | None = None,
    shortages: tuple[str, ...] = (),
) -> BoardReport:
    prices = () if diesel is None else (Price("diesel", "litre", "MMK", diesel),)
    return BoardReport(
        f"r{hours_ago}",
        "laiza",
        NOW - timedelta(hours=hours_ago),
        state,
        "d1",
        {},
        prices=prices,
        shortages=shortages,
    )


@pytest.mark.parametrize(
    ("reports", "amount", "previous"),
    [
        # Rising: 3,500 before the previous briefing, 4,500 since.
        ([report(48, diesel=3500), report(2, diesel=4500)], 4500, 3500),
        # The newest price by the previous briefing, not the oldest.
        ([report(60, diesel=3000), report(30, diesel=3500), report(2, diesel=4500)], 4500, 3500),
        # First quoted after the previous briefing: no earlier price.
        ([report(2, diesel=4500)], 4500, None),
        # An unverified price is not news.
        ([report(48, diesel=3500), report(2, N, diesel=9000)], 3500, 3500),
    ],
)
def test_the_price_and_the_one_at_the_previous_briefing(
    reports: list[BoardReport], amount: float, previous: float | None
) -> None:
    market = gate_market("laiza", reports, previous=PREVIOUS, now=NOW)
    [price] = market.prices
    assert (price.amount, price.previous) == (amount, previous)
    assert price.change == (None if previous is None else amount - previous)


def test_shortages_new_and_ended_since_the_previous_briefing() -> None:
    reports = [
        report(30, shortages=("fuel", "medicine")),
        report(5, shortages=("fuel", "rice")),
        report(1, diesel=4500),  # names no shortage: clears none
        report(0.5, N, shortages=("cash",)),  # unverified: not counted
    ]
    market = gate_market("laiza", reports, previous=PREVIOUS, now=NOW)
    # Medicine, named 30 hours ago, is still within the week.
    assert market.shortages == ("fuel", "medicine", "rice")
    assert market.new_shortages == ("rice",)
    assert market.ended_shortages == ()


def test_a_shortage_older_than_a_week_is_no_longer_reported() -> None:
    reports = [report(24 * 7, shortages=("medicine",)), report(2, shortages=("fuel",))]
    market = gate_market("laiza", reports, previous=PREVIOUS, now=NOW)
    assert market.shortages == ("fuel",)
    assert market.ended_shortages == ("medicine",)
    assert market.new_shortages == ("fuel",)
