"""A report as the form edits it: typed, possibly incomplete, convertible to and from the
report's JSON body (docs/report-format.md) without changing what is stored.

`ReportDraft.from_body` accepts any stored body, however incomplete or wrong (a draft may
be anything the form once held), and falls back to the form's defaults for what it cannot
read; `to_body` writes every key, in the order the form always wrote them. Validation is
the report validator's job (desktop/domain/report.py), run when a draft is queued.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.vocabulary import TrafficKind

__all__ = ["NewCrossingDraft", "PriceDraft", "ReportDraft", "SourceDraft"]


@dataclass(frozen=True)
class NewCrossingDraft:
    """A crossing that is not in the gazetteer, named by the correspondent."""

    name: str = ""
    description: str = ""


@dataclass(frozen=True)
class PriceDraft:
    """One price row: commodity (a vocabulary code or free text), unit, amount, currency."""

    commodity: str = ""
    unit: str = "litre"
    amount: float = 0.0
    currency: str = "MMK"


@dataclass(frozen=True)
class SourceDraft:
    """Who told the correspondent, as a category and grades; never a name."""

    category: str
    reliability: str = "F"
    credibility: int = 6
    pseudonym: str = ""


def _traffic_unknown() -> tuple[tuple[str, str], ...]:
    return tuple((kind.value, "unknown") for kind in TrafficKind)


@dataclass(frozen=True)
class ReportDraft:
    """Everything the form shows, with the form's defaults for a new report."""

    gate: str | None = None
    new_crossing: NewCrossingDraft | None = None
    observed_at: datetime | None = None  # None: leave the form's moment as it is
    china_side: str = "unknown"
    myanmar_side: str = "unknown"
    traffic: tuple[tuple[str, str], ...] = field(default_factory=_traffic_unknown)
    civilian_passage: str = "unknown"
    controlled_by: str = "unknown"
    barrier: tuple[str, ...] = ()
    shortages: tuple[str, ...] = ()
    prices: tuple[PriceDraft, ...] = ()
    people_stranded: int | None = None
    how_known: str = "witnessed"
    source: SourceDraft | None = None
    narrative: str = ""

    def traffic_status(self, kind: str) -> str:
        return dict(self.traffic).get(kind, "unknown")

    @classmethod
    def from_body(cls, body: Mapping[str, Any]) -> ReportDraft:
        """The draft a stored body describes; what cannot be read takes its default."""
        crossing = body.get("new_crossing")
        new_crossing = None
        if isinstance(crossing, Mapping):
            new_crossing = NewCrossingDraft(
                str(crossing.get("name") or ""), str(crossing.get("description") or "")
            )
        gate = body.get("gate")
        traffic_body = body.get("traffic")
        traffic = _traffic_unknown()
        if isinstance(traffic_body, Mapping) and traffic_body:
            traffic = tuple(
                (kind.value, str(traffic_body.get(kind.value, "unknown"))) for kind in TrafficKind
            )
        people = body.get("people_stranded")
        source_body = body.get("source")
        source = None
        if isinstance(source_body, Mapping):
            credibility = source_body.get("credibility", 6)
            source = SourceDraft(
                str(source_body.get("category")),
                str(source_body.get("reliability", "F")),
                credibility if isinstance(credibility, int) else 6,
                str(source_body.get("pseudonym") or ""),
            )
        narrative = body.get("narrative")
        return cls(
            gate=gate if isinstance(gate, str) else None,
            new_crossing=new_crossing,
            observed_at=_moment(body.get("observed_at")),
            china_side=str(body.get("china_side", "unknown")),
            myanmar_side=str(body.get("myanmar_side", "unknown")),
            traffic=traffic,
            civilian_passage=str(body.get("civilian_passage", "unknown")),
            controlled_by=str(body.get("controlled_by", "unknown")),
            barrier=_strings(body.get("barrier")),
            shortages=_strings(body.get("shortages")),
            prices=tuple(_price(p) for p in body.get("prices") or [] if isinstance(p, Mapping)),
            people_stranded=people if isinstance(people, int) and people >= 0 else None,
            how_known=str(body.get("how_known", "witnessed")),
            source=source,
            narrative=narrative if isinstance(narrative, str) else "",
        )

    def to_body(self) -> dict[str, Any]:
        """The report body: the JSON form, possibly incomplete (a draft)."""
        body: dict[str, Any] = {}
        if self.new_crossing is not None:
            body["gate"] = None
            crossing: dict[str, Any] = {"name": self.new_crossing.name.strip()}
            if self.new_crossing.description.strip():
                crossing["description"] = self.new_crossing.description.strip()
            body["new_crossing"] = crossing
        else:
            body["gate"] = self.gate
            body["new_crossing"] = None
        body["observed_at"] = None if self.observed_at is None else self.observed_at.isoformat()
        body["china_side"] = self.china_side
        body["myanmar_side"] = self.myanmar_side
        body["traffic"] = dict(self.traffic)
        body["civilian_passage"] = self.civilian_passage
        body["controlled_by"] = self.controlled_by
        body["barrier"] = list(self.barrier)
        body["shortages"] = list(self.shortages)
        body["prices"] = [
            {
                "commodity": price.commodity.strip(),
                "unit": price.unit,
                "amount": int(price.amount) if float(price.amount).is_integer() else price.amount,
                "currency": price.currency,
            }
            for price in self.prices
        ]
        body["people_stranded"] = self.people_stranded
        body["how_known"] = self.how_known
        body["source"] = (
            None
            if self.source is None
            else {
                "category": self.source.category,
                "reliability": self.source.reliability,
                "credibility": self.source.credibility,
                "pseudonym": self.source.pseudonym or None,
            }
        )
        body["narrative"] = self.narrative
        return body


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _price(price: Mapping[str, Any]) -> PriceDraft:
    raw = price.get("amount")
    return PriceDraft(
        str(price.get("commodity") or ""),
        str(price.get("unit", "litre")),
        float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else 0.0,
        str(price.get("currency", "MMK")),
    )
