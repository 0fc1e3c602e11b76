"""Validating a report's JSON form: every key known, every value within its rules, and
the rules that tie fields together (a gate or a new crossing; a source when the account is
a source's). The model (report.py) builds on it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, TypeVar

from desktop.domain.field_reader import FieldReader
from desktop.domain.pseudonym import is_pseudonym
from desktop.domain.report_values import (
    GATE_ID_PATTERN,
    MAX_DESCRIPTION_CHARS,
    MAX_FUTURE,
    MAX_NARRATIVE_CHARS,
    MAX_PEOPLE,
    MAX_PRICES,
    MAX_SHORT_TEXT_CHARS,
    NEW_CROSSING_KEYS,
    PRICE_KEYS,
    REPORT_KEYS,
    REQUIRED_KEYS,
    SOURCE_KEYS,
    TRAFFIC_KEYS,
    NewCrossing,
    Price,
    Source,
)
from desktop.domain.utc import to_utc, utc_now
from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
    Controller,
    Currency,
    HowKnown,
    PriceUnit,
    Reliability,
    Shortage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
)

C = TypeVar("C")
# Each kind of traffic with its key and its path in errors (enum iteration and f-strings
# of members are slow, and every received report reads them).
_TRAFFIC_FIELDS = tuple((kind, kind.value, f"traffic.{kind}") for kind in TrafficKind)


class ReportReader(FieldReader):
    """A `FieldReader` that knows a report's fields."""

    def report(
        self, data: object, known_gate: Callable[[str], bool] | None, build: Callable[..., C]
    ) -> C | None:
        """The report's content built by `build` (the model's class) from the validated
        fields, or None with `errors` saying why."""
        if not isinstance(data, Mapping):
            self.fail("", "a report must be a JSON object")
            return None
        if not self._known_keys(data, REPORT_KEYS, ""):
            return None
        if missing := REQUIRED_KEYS - data.keys():
            for key in sorted(missing):
                self.fail(key, "is required")

        gate = self._gate(data.get("gate"), known_gate)
        new_crossing = self._new_crossing(data.get("new_crossing"))
        if (data.get("gate") is None) == (data.get("new_crossing") is None):
            self.fail("gate", "give either a gazetteer gate id or new_crossing, not both or none")
        observed_at = self._observed_at(data.get("observed_at"))
        china_side = self.choice(data.get("china_side"), "china_side", SideStatus)
        myanmar_side = self.choice(data.get("myanmar_side"), "myanmar_side", SideStatus)
        traffic = self._traffic(data.get("traffic", {}))
        civilian_passage = self.choice(
            data.get("civilian_passage", "unknown"), "civilian_passage", CivilianPassage
        )
        controlled_by = self.choice(
            data.get("controlled_by", "unknown"), "controlled_by", Controller
        )
        barrier = self._choices(data.get("barrier", []), "barrier", Barrier)
        shortages = self._choices(data.get("shortages", []), "shortages", Shortage)
        prices = self._prices(data.get("prices", []))
        people_raw = data.get("people_stranded")
        people = (
            None
            if people_raw is None
            else self.integer(people_raw, "people_stranded", 0, MAX_PEOPLE)
        )
        how_known = self.choice(data.get("how_known"), "how_known", HowKnown)
        source = self._source(data.get("source"))
        narrative = self.text(data.get("narrative", ""), "narrative", MAX_NARRATIVE_CHARS, True)

        if how_known is HowKnown.SOURCE_ACCOUNT and source is None and not self.errors:
            self.fail("source", "is required when how_known is source_account")

        if (
            self.errors
            or observed_at is None
            or china_side is None
            or myanmar_side is None
            or how_known is None
            or traffic is None
            or civilian_passage is None
            or controlled_by is None
            or barrier is None
            or shortages is None
            or prices is None
            or narrative is None
        ):
            return None
        return build(
            observed_at=observed_at,
            china_side=china_side,
            myanmar_side=myanmar_side,
            how_known=how_known,
            gate=gate,
            new_crossing=new_crossing,
            traffic=traffic,
            civilian_passage=civilian_passage,
            controlled_by=controlled_by,
            barrier=barrier,
            shortages=shortages,
            prices=prices,
            people_stranded=people,
            source=source,
            narrative=narrative,
        )

    def draft_keys(self, body: Mapping[str, Any]) -> None:
        self._known_keys(body, REPORT_KEYS, "")
        for key, allowed in (
            ("new_crossing", NEW_CROSSING_KEYS),
            ("traffic", TRAFFIC_KEYS),
            ("source", SOURCE_KEYS),
        ):
            value = body.get(key)
            if isinstance(value, Mapping):
                self._known_keys(value, allowed, key)
        prices = body.get("prices")
        if isinstance(prices, list):
            for index, price in enumerate(prices):
                if isinstance(price, Mapping):
                    self._known_keys(price, PRICE_KEYS, f"prices[{index}]")

    def _gate(self, value: object, known_gate: Callable[[str], bool] | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not GATE_ID_PATTERN.fullmatch(value):
            self.fail("gate", "must be a gazetteer id like 'laiza'", value)
            return None
        if known_gate is not None and not known_gate(value):
            self.fail(
                "gate", "is not in the gazetteer: see `gatewatch gates`, or use new_crossing", value
            )
            return None
        return value

    def _new_crossing(self, value: object) -> NewCrossing | None:
        if value is None:
            return None
        path = "new_crossing"
        if not isinstance(value, Mapping):
            self.fail(path, "must be an object {name, lat?, lon?, description?} or null")
            return None
        if not self._known_keys(value, NEW_CROSSING_KEYS, path):
            return None
        name = self.text(value.get("name"), f"{path}.name", MAX_SHORT_TEXT_CHARS, False)
        lat = self._coordinate(value.get("lat"), f"{path}.lat", 90)
        lon = self._coordinate(value.get("lon"), f"{path}.lon", 180)
        description_raw = value.get("description")
        description = (
            None
            if description_raw is None
            else self.text(description_raw, f"{path}.description", MAX_DESCRIPTION_CHARS, True)
        )
        if (value.get("lat") is None) != (value.get("lon") is None):
            self.fail(f"{path}.lat", "give both lat and lon, or neither")
        if name is None:
            return None
        return NewCrossing(name, lat, lon, description or None)

    def _observed_at(self, value: object) -> datetime | None:
        moment = self.timestamp(value, "observed_at")
        now = utc_now() if self._now is None else to_utc(self._now)
        if moment is not None and moment > now + MAX_FUTURE:
            self.fail(
                "observed_at",
                "is more than 24 hours in the future: check the date, the year and the zone",
            )
            return None
        return moment

    def _traffic(self, value: object) -> Mapping[TrafficKind, TrafficStatus] | None:
        if not isinstance(value, Mapping):
            self.fail("traffic", "must be an object of traffic kinds")
            return None
        if not self._known_keys(value, TRAFFIC_KEYS, "traffic"):
            return None
        statuses: dict[TrafficKind, TrafficStatus] = {}
        for kind, key, path in _TRAFFIC_FIELDS:
            status = self.choice(value.get(key, "unknown"), path, TrafficStatus)
            statuses[kind] = TrafficStatus.UNKNOWN if status is None else status
        return MappingProxyType(statuses)

    def _prices(self, value: object) -> tuple[Price, ...] | None:
        if not isinstance(value, list):
            self.fail("prices", "must be a list")
            return None
        if len(value) > MAX_PRICES:
            self.fail("prices", f"at most {MAX_PRICES} prices in one report")
            return None
        prices: list[Price] = []
        for index, item in enumerate(value):
            path = f"prices[{index}]"
            if not isinstance(item, Mapping):
                self.fail(path, "must be an object {commodity, unit, amount, currency}")
                continue
            if not self._known_keys(item, PRICE_KEYS, path):
                continue
            commodity = self.text(
                item.get("commodity"), f"{path}.commodity", MAX_SHORT_TEXT_CHARS, False
            )
            unit = self.choice(item.get("unit"), f"{path}.unit", PriceUnit)
            amount = self._amount(item.get("amount"), f"{path}.amount")
            currency = self.choice(item.get("currency"), f"{path}.currency", Currency)
            if commodity is not None and unit and amount is not None and currency:
                prices.append(Price(commodity, unit, amount, currency))
        return tuple(prices)

    def _source(self, value: object) -> Source | None:
        if value is None:
            return None
        path = "source"
        if not isinstance(value, Mapping):
            self.fail(path, "must be an object {category, reliability, credibility, pseudonym}")
            return None
        if not self._known_keys(value, SOURCE_KEYS, path):
            return None
        category = self.choice(value.get("category"), f"{path}.category", SourceCategory)
        reliability = self.choice(value.get("reliability", "F"), f"{path}.reliability", Reliability)
        credibility = self.integer(value.get("credibility", 6), f"{path}.credibility", 1, 6)
        pseudonym = value.get("pseudonym")
        # Pseudonyms are generated by the app from fixed word lists, never typed: no room
        # for a real name.
        if pseudonym is not None and (
            not isinstance(pseudonym, str) or not is_pseudonym(pseudonym)
        ):
            self.fail(
                f"{path}.pseudonym",
                "must be a pseudonym the app generated, like 'amber-heron-42', or null",
            )
            return None
        if category is None or reliability is None or credibility is None:
            return None
        return Source(category, reliability, credibility, pseudonym)
