"""A report as the gate status board reads it: the aspects a report can speak to (each side,
each kind of traffic, whose civilians may pass) and what it says about each.

A report that says ``unknown`` about an aspect says nothing about it: `board_values` leaves it
out. `BoardReport` is what the board, the timeline, the market and duplicate detection need of
one report; the store builds it from the signed record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.vocabulary import Reliability, TrafficKind

UNKNOWN = "unknown"

CHINA_SIDE = "china_side"
MYANMAR_SIDE = "myanmar_side"
CIVILIAN_PASSAGE = "civilian_passage"
SIDES = (CHINA_SIDE, MYANMAR_SIDE)
ASPECTS: tuple[str, ...] = (
    CHINA_SIDE,
    MYANMAR_SIDE,
    *(f"traffic.{kind.value}" for kind in TrafficKind),
    CIVILIAN_PASSAGE,
)


@dataclass(frozen=True)
class Price:
    commodity: str
    unit: str
    currency: str
    amount: float


@dataclass(frozen=True)
class BoardReport:
    """What the board needs of one report (built by the store from the signed record)."""

    report_id: str
    gate: str
    observed_at: datetime
    state: ReviewState
    device_id: str
    values: Mapping[str, str]
    pseudonym: str | None = None
    reliability: Reliability | None = None
    credibility: int | None = None
    prices: tuple[Price, ...] = ()
    source_category: str | None = None  # "trader", "resident", … (who, never a name)
    shortages: tuple[str, ...] = ()

    @property
    def source_key(self) -> str:
        return f"{self.device_id}/{self.pseudonym or ''}"

    @classmethod
    def from_record(
        cls, record: Mapping[str, Any], *, state: ReviewState, device_id: str
    ) -> BoardReport:
        """From a report record (the JSON form the device signed, already validated)."""
        source = record.get("source") or {}
        return cls(
            report_id=str(record["id"]),
            gate=str(record.get("gate") or ""),
            observed_at=datetime.fromisoformat(str(record["observed_at"])),
            state=state,
            device_id=device_id,
            values=board_values(record),
            pseudonym=source.get("pseudonym"),
            reliability=Reliability(source["reliability"]) if source else None,
            credibility=int(source["credibility"]) if source else None,
            prices=tuple(
                Price(p["commodity"], p["unit"], p["currency"], float(p["amount"]))
                for p in record.get("prices") or ()
            ),
            source_category=source.get("category"),
            shortages=tuple(str(s) for s in record.get("shortages") or ()),
        )


def board_values(record: Mapping[str, Any]) -> dict[str, str]:
    """What a report record says about each board aspect, aspects it calls unknown left out."""
    traffic = record.get("traffic") or {}
    values = {
        CHINA_SIDE: str(record.get("china_side") or UNKNOWN),
        MYANMAR_SIDE: str(record.get("myanmar_side") or UNKNOWN),
        CIVILIAN_PASSAGE: str(record.get("civilian_passage") or UNKNOWN),
        **{f"traffic.{kind}": str(value) for kind, value in traffic.items()},
    }
    return {k: v for k, v in values.items() if v != UNKNOWN}


__all__ = [
    "ASPECTS",
    "CHINA_SIDE",
    "CIVILIAN_PASSAGE",
    "MYANMAR_SIDE",
    "SIDES",
    "UNKNOWN",
    "BoardReport",
    "Price",
    "board_values",
]
