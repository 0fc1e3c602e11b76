"""The briefing's prices and shortages in words, with the change since the previous
briefing (desktop.domain.desk.market)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.market import GateMarket, PriceChange
from desktop.domain.vocabulary import PriceUnit, Shortage
from desktop.ui.desk.briefing_text import myanmar_time
from desktop.ui.labels import commodity_label, label

__all__ = ["market_lines", "market_title"]


def market_title(previous: datetime, is_briefing: bool) -> str:
    """What the changes are counted from: the previous briefing, or (when the desk has
    made none) the start of the period covered."""
    if is_briefing:
        return QCoreApplication.translate(
            "Briefing", "Changes since the previous briefing, made {time}."
        ).format(time=myanmar_time(previous))
    return QCoreApplication.translate(
        "Briefing", "No earlier briefing: changes since the start of the period, {time}."
    ).format(time=myanmar_time(previous))


def market_lines(market: GateMarket) -> list[str]:
    lines = [_price_line(p) for p in market.prices]

    if market.shortages:
        lines.append(
            QCoreApplication.translate("Briefing", "Shortages: {list}").format(
                list=_shortages(market.shortages)
            )
        )
    if market.new_shortages:
        lines.append(
            QCoreApplication.translate("Briefing", "New shortages: {list}").format(
                list=_shortages(market.new_shortages)
            )
        )
    if market.ended_shortages:
        lines.append(
            QCoreApplication.translate("Briefing", "No longer reported short: {list}").format(
                list=_shortages(market.ended_shortages)
            )
        )
    return lines


def _price_line(price: PriceChange) -> str:

    change = price.change
    if change is None:
        trend = QCoreApplication.translate("Briefing", "new since then")
    elif change > 0:
        trend = QCoreApplication.translate("Briefing", "up {delta} from {before}").format(
            delta=_amount(change), before=_amount(price.previous or 0)
        )
    elif change < 0:
        trend = QCoreApplication.translate("Briefing", "down {delta} from {before}").format(
            delta=_amount(-change), before=_amount(price.previous or 0)
        )
    else:
        trend = QCoreApplication.translate("Briefing", "unchanged")
    return QCoreApplication.translate(
        "Briefing", "{commodity}: {amount} {currency}/{unit} ({time}), {trend}"
    ).format(
        commodity=commodity_label(price.commodity),
        amount=_amount(price.amount),
        currency=price.currency,
        unit=_unit(price.unit),
        time=myanmar_time(price.at),
        trend=trend,
    )


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _unit(unit: str) -> str:
    try:
        return label(PriceUnit(unit))
    except ValueError:
        return unit


def _shortages(values: tuple[str, ...]) -> str:
    names = []
    for value in values:
        try:
            names.append(label(Shortage(value)))
        except ValueError:
            names.append(value)
    return ", ".join(names)
