"""The parts of a report and what its JSON form allows: a new crossing, a price, a source;
the limits on each value and the keys at every level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.domain.vocabulary import (
    Currency,
    PriceUnit,
    Reliability,
    SourceCategory,
    TrafficKind,
)

MAX_NARRATIVE_CHARS = 20_000
MAX_SHORT_TEXT_CHARS = 120
MAX_DESCRIPTION_CHARS = 2_000
MAX_PRICES = 50
MAX_AMOUNT = 10**12
MAX_PEOPLE = 10**7
GATE_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{1,40}")
FIELD_NAME_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
EARLIEST_OBSERVATION = datetime(2000, 1, 1, tzinfo=UTC)
# How far ahead of the clock `observed_at` may be: zones and a badly set laptop clock.
MAX_FUTURE = timedelta(hours=24)

REPORT_KEYS = (
    "gate",
    "new_crossing",
    "observed_at",
    "china_side",
    "myanmar_side",
    "traffic",
    "civilian_passage",
    "controlled_by",
    "barrier",
    "shortages",
    "prices",
    "people_stranded",
    "how_known",
    "source",
    "narrative",
)
NEW_CROSSING_KEYS = ("name", "lat", "lon", "description")
PRICE_KEYS = ("commodity", "unit", "amount", "currency")
SOURCE_KEYS = ("category", "reliability", "credibility", "pseudonym")
TRAFFIC_KEYS = tuple(kind.value for kind in TrafficKind)
REQUIRED_KEYS = frozenset({"observed_at", "china_side", "myanmar_side", "how_known"})
RECORD_KEYS = ("id", "lineage_id", "revision", "replaces", "created_at")


@dataclass(frozen=True)
class NewCrossing:
    """A crossing that is not (yet) in the gazetteer."""

    name: str
    lat: float | None = None
    lon: float | None = None
    description: str | None = None


@dataclass(frozen=True)
class Price:
    """One quoted price: `amount` `currency` per `unit` of `commodity`."""

    commodity: str
    unit: PriceUnit
    amount: int | float
    currency: Currency


@dataclass(frozen=True)
class Source:
    """Who told the correspondent, as a category only, with the editors' A–F / 1–6 grades."""

    category: SourceCategory
    reliability: Reliability = Reliability.F
    credibility: int = 6
    pseudonym: str | None = None
