"""The report model: what a correspondent says about a crossing, and its JSON form.

Plain Python: no Qt, no SQL. `ReportContent.from_json` is the one gate every report passes
through, whether it comes from the form, the CLI, a file or the wire. It refuses unknown
keys, so a report can never carry a source's name, phone or any other identifier that the
model has no field for. docs/report-format.md documents every field and value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeVar

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.ids import is_report_id, new_report_id
from desktop.domain.myanmar import canonical_text
from desktop.domain.pseudonym import is_pseudonym
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

E = TypeVar("E", bound=StrEnum)


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


def _all_unknown_traffic() -> Mapping[TrafficKind, TrafficStatus]:
    return MappingProxyType({kind: TrafficStatus.UNKNOWN for kind in TrafficKind})


@dataclass(frozen=True)
class ReportContent:
    """What a report says. Immutable; build a changed copy with `dataclasses.replace`.

    Invariants (kept by `from_json`, assumed elsewhere): exactly one of `gate` and
    `new_crossing` is set; `observed_at` is timezone-aware and in UTC; `traffic` has every
    `TrafficKind`; texts are NFC-normalised with Burmese signs in one order
    (`desktop.domain.myanmar.canonical_text`).
    """

    observed_at: datetime
    china_side: SideStatus
    myanmar_side: SideStatus
    how_known: HowKnown
    gate: str | None = None
    new_crossing: NewCrossing | None = None
    traffic: Mapping[TrafficKind, TrafficStatus] = field(default_factory=_all_unknown_traffic)
    civilian_passage: CivilianPassage = CivilianPassage.UNKNOWN
    controlled_by: Controller = Controller.UNKNOWN
    barrier: tuple[Barrier, ...] = ()
    shortages: tuple[Shortage, ...] = ()
    prices: tuple[Price, ...] = ()
    people_stranded: int | None = None
    source: Source | None = None
    narrative: str = ""

    @classmethod
    def from_json(
        cls,
        data: object,
        *,
        known_gate: Callable[[str], bool] | None = None,
        now: datetime | None = None,
    ) -> ReportContent:
        """Validate a JSON object (as parsed by `json.loads`) and build the content.

        `known_gate`, when given, decides whether a `gate` id exists (normally the
        gazetteer's `__contains__`). `now` (default: the clock) is what `observed_at` may
        not be more than MAX_FUTURE ahead of. Raises `ReportValidationError` listing every
        problem, each naming its field and the allowed values. Never returns a partial
        report.
        """
        reader = _Reader(now)
        content = reader.report(data, known_gate)
        if reader.errors or content is None:
            raise ReportValidationError(reader.errors)
        return content

    def to_json(self) -> dict[str, Any]:
        """The JSON form (docs/report-format.md), with every key present, times in UTC."""
        return {
            "gate": self.gate,
            "new_crossing": None
            if self.new_crossing is None
            else {
                "name": self.new_crossing.name,
                "lat": self.new_crossing.lat,
                "lon": self.new_crossing.lon,
                "description": self.new_crossing.description,
            },
            "observed_at": format_utc(self.observed_at),
            "china_side": self.china_side.value,
            "myanmar_side": self.myanmar_side.value,
            "traffic": {kind.value: self.traffic[kind].value for kind in TrafficKind},
            "civilian_passage": self.civilian_passage.value,
            "controlled_by": self.controlled_by.value,
            "barrier": [b.value for b in self.barrier],
            "shortages": [s.value for s in self.shortages],
            "prices": [
                {
                    "commodity": p.commodity,
                    "unit": p.unit.value,
                    "amount": p.amount,
                    "currency": p.currency.value,
                }
                for p in self.prices
            ],
            "people_stranded": self.people_stranded,
            "how_known": self.how_known.value,
            "source": None
            if self.source is None
            else {
                "category": self.source.category.value,
                "reliability": self.source.reliability.value,
                "credibility": self.source.credibility,
                "pseudonym": self.source.pseudonym,
            },
            "narrative": self.narrative,
        }

    def free_texts(self) -> Iterator[str]:
        """Every text a person typed: what full-text search indexes and the PII guard scans."""
        if self.narrative:
            yield self.narrative
        if self.new_crossing is not None:
            yield self.new_crossing.name
            if self.new_crossing.description:
                yield self.new_crossing.description
        for price in self.prices:
            yield price.commodity


@dataclass(frozen=True)
class Report:
    """One revision of a report: its content plus identity.

    `id` names this revision; `lineage_id` is the id of the first revision, shared by all its
    corrections; `replaces` is the id of the revision this one corrects.
    """

    id: str
    lineage_id: str
    revision: int
    replaces: str | None
    created_at: datetime
    content: ReportContent

    @classmethod
    def new(cls, content: ReportContent, *, now: datetime | None = None) -> Report:
        """A first revision with a fresh sortable id."""
        created = _utc_now() if now is None else to_utc(now)
        report_id = new_report_id(created)
        return cls(report_id, report_id, 1, None, created, content)

    def correct(self, content: ReportContent, *, now: datetime | None = None) -> Report:
        """A new revision that replaces this one. The old revision is left as it was."""
        created = _utc_now() if now is None else to_utc(now)
        return replace(
            self,
            id=new_report_id(created),
            revision=self.revision + 1,
            replaces=self.id,
            created_at=created,
            content=content,
        )

    def to_json(self) -> dict[str, Any]:
        """The record form: identity keys followed by the content's JSON form."""
        return {
            "id": self.id,
            "lineage_id": self.lineage_id,
            "revision": self.revision,
            "replaces": self.replaces,
            "created_at": format_utc(self.created_at),
            **self.content.to_json(),
        }

    @classmethod
    def from_json(
        cls,
        data: object,
        *,
        known_gate: Callable[[str], bool] | None = None,
        now: datetime | None = None,
    ) -> Report:
        """Parse the record form; raises `ReportValidationError` like `ReportContent`."""
        if not isinstance(data, Mapping):
            raise ReportValidationError([FieldError("", "must be a JSON object")])
        reader = _Reader(now)
        report_id = reader.report_id(data.get("id"), "id")
        lineage_id = reader.report_id(data.get("lineage_id"), "lineage_id")
        revision = reader.integer(data.get("revision"), "revision", 1, 10_000)
        replaces_raw = data.get("replaces")
        replaces = None if replaces_raw is None else reader.report_id(replaces_raw, "replaces")
        created_at = reader.timestamp(data.get("created_at"), "created_at")
        if revision == 1 and replaces is not None:
            reader.fail("replaces", "must be null for revision 1")
        if revision is not None and revision > 1 and replaces is None:
            reader.fail("replaces", "must name the corrected revision when revision > 1")
        body = {k: v for k, v in data.items() if k not in RECORD_KEYS}
        content = reader.report(body, known_gate)
        if (
            reader.errors
            or content is None
            or report_id is None
            or lineage_id is None
            or revision is None
            or created_at is None
        ):
            raise ReportValidationError(reader.errors)
        return cls(report_id, lineage_id, revision, replaces, created_at, content)


# C0 and C1 controls (Unicode category Cc) except tab and newline, and lone surrogates (Cs).
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def is_clean_text(text: str) -> bool:
    """False if `text` holds a C0 or C1 control character other than newline and tab
    (NUL, escape sequences, carriage returns…) or a lone surrogate (not encodable as UTF-8).

    Format characters (Cf) such as the zero-width space and (non-)joiners are kept:
    Burmese and other scripts need them.
    """
    return _FORBIDDEN_CHARS.search(text) is None


def blank_unclean_chars(text: str) -> str:
    """`text` with every character `is_clean_text` refuses replaced by a space."""
    return _FORBIDDEN_CHARS.sub(" ", text)


def check_draft_keys(body: Mapping[str, Any]) -> None:
    """Refuse a draft holding a key no report has, at any level: top level, `new_crossing`,
    `traffic`, each of `prices` and `source` (where they are objects).

    Strict on keys, lenient on values: a draft may be incomplete or wrong in every value,
    but an unknown key could carry a source's name, so it is refused even in a draft.
    Raises `ReportValidationError` naming each unknown key (as `from_json` would).
    """
    reader = _Reader()
    reader.draft_keys(body)
    if reader.errors:
        raise ReportValidationError(reader.errors)


def to_utc(moment: datetime) -> datetime:
    """The same instant in UTC. Raises ValueError for a naive datetime."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without a zone is ambiguous")
    return moment.astimezone(UTC)


def format_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z, to the second unless sub-second parts exist."""
    text = to_utc(moment).isoformat()
    return text.removesuffix("+00:00") + "Z"


def _utc_now() -> datetime:
    return datetime.now(UTC)


_NOTHING = object()


def _describe(value: object) -> str:
    """What `FieldError.got` shows: repr (control characters escaped), at most 40 chars."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Reader:
    """Walks untrusted JSON, collecting every error with its field path."""

    def __init__(self, now: datetime | None = None) -> None:
        self.errors: list[FieldError] = []
        self._now = now

    def fail(self, path: str, message: str, got: object = _NOTHING) -> None:
        """Record a problem. `message` must not quote the value: pass it as `got`."""
        description = None if got is _NOTHING else _describe(got)
        self.errors.append(FieldError(path, message, description))

    def report(
        self, data: object, known_gate: Callable[[str], bool] | None
    ) -> ReportContent | None:
        if not isinstance(data, Mapping):
            self.fail("", "a report must be a JSON object")
            return None
        if not self._known_keys(data, REPORT_KEYS, ""):
            return None
        for key in sorted(REQUIRED_KEYS - data.keys()):
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
        return ReportContent(
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

    def _known_keys(self, data: Mapping[Any, Any], allowed: tuple[str, ...], path: str) -> bool:
        unknown = sorted(str(k) for k in data if k not in allowed)
        for key in unknown:
            # A key shaped like a field name is named in the path; any other key may be
            # content typed in the wrong place, so it goes to `got` only.
            named = key if FIELD_NAME_PATTERN.fullmatch(key) else "(unknown key)"
            self.fail(
                _join(path, named),
                "is not a report field (reports hold no names or other identifiers); "
                f"allowed: {', '.join(allowed)}",
                key,
            )
        return not unknown

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

    def _coordinate(self, value: object, path: str, bound: int) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number", value)
            return None
        if not math.isfinite(value):
            self.fail(path, "must be a finite number (not NaN or Infinity)")
            return None
        if not -bound <= value <= bound:
            self.fail(path, f"must be between -{bound} and {bound}")
            return None
        return float(value)

    def _observed_at(self, value: object) -> datetime | None:
        moment = self.timestamp(value, "observed_at")
        now = _utc_now() if self._now is None else to_utc(self._now)
        if moment is not None and moment > now + MAX_FUTURE:
            self.fail(
                "observed_at",
                "is more than 24 hours in the future: check the date, the year and the zone",
            )
            return None
        return moment

    def timestamp(self, value: object, path: str) -> datetime | None:
        if not isinstance(value, str) or len(value) > 40:
            self.fail(path, "must be an ISO 8601 time with a zone, e.g. 2024-11-12T09:30:00+06:30")
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(path, "is not an ISO 8601 time, e.g. 2024-11-12T09:30:00+06:30", value)
            return None
        if moment.tzinfo is None or moment.utcoffset() is None:
            self.fail(path, "must carry a zone, e.g. +06:30 for Myanmar time or Z for UTC")
            return None
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # e.g. 9999-12-31T23:59:59-23:59 is past the year 9999 in UTC
            self.fail(path, "is out of range: check the date and the zone", value)
            return None
        if moment < EARLIEST_OBSERVATION:
            self.fail(path, "is before 2000: check the date")
            return None
        return moment

    def choice(self, value: object, path: str, kind: type[E]) -> E | None:
        member = kind._value2member_map_.get(value) if isinstance(value, str) else None
        if member is not None:
            return member  # type: ignore[return-value]
        allowed = [member.value for member in kind]
        self.fail(path, f"must be one of {', '.join(allowed)}", value)
        return None

    def _choices(self, value: object, path: str, kind: type[E]) -> tuple[E, ...] | None:
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return None
        picked: list[E] = []
        for index, item in enumerate(value):
            member = self.choice(item, f"{path}[{index}]", kind)
            if member is not None and member not in picked:
                picked.append(member)
        return tuple(picked)

    def _traffic(self, value: object) -> Mapping[TrafficKind, TrafficStatus] | None:
        if not isinstance(value, Mapping):
            self.fail("traffic", "must be an object of traffic kinds")
            return None
        if not self._known_keys(value, TRAFFIC_KEYS, "traffic"):
            return None
        statuses: dict[TrafficKind, TrafficStatus] = {}
        for kind in TrafficKind:
            status = self.choice(value.get(kind.value, "unknown"), f"traffic.{kind}", TrafficStatus)
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

    def _amount(self, value: object, path: str) -> int | float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, "must be a number", value)
            return None
        if not math.isfinite(value):
            self.fail(path, "must be a finite number (not NaN or Infinity)")
            return None
        if not 0 <= value <= MAX_AMOUNT:
            self.fail(path, f"must be between 0 and {MAX_AMOUNT:,}")
            return None
        return value

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

    def integer(self, value: object, path: str, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"must be a whole number from {low} to {high}", value)
            return None
        if not low <= value <= high:
            self.fail(path, f"must be from {low} to {high}", value)
            return None
        return value

    def text(self, value: object, path: str, limit: int, may_be_empty: bool) -> str | None:
        if not isinstance(value, str):
            self.fail(path, "must be text", value)
            return None
        # Windows line ends become "\n" rather than a refusal: a pasted paragraph is fine.
        unified = value.replace("\r\n", "\n").replace("\r", "\n")
        normalised = canonical_text(unified)
        if not may_be_empty and not normalised.strip():
            self.fail(path, "must not be empty")
            return None
        if len(normalised) > limit:
            self.fail(path, f"is too long: at most {limit:,} characters")
            return None
        if not is_clean_text(normalised):
            self.fail(
                path,
                "must not contain control characters (line breaks and tabs are fine) "
                "or broken characters",
            )
            return None
        return normalised

    def report_id(self, value: object, path: str) -> str | None:
        if isinstance(value, str) and is_report_id(value):
            return value
        self.fail(path, "must be a report id (a UUID)", value)
        return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def body_free_texts(body: Mapping[str, Any]) -> Iterator[str]:
    """`ReportContent.free_texts` of a JSON body that may not validate (a draft, a received
    record): the same fields, where they hold text. What full-text search indexes."""
    if isinstance(body.get("narrative"), str) and body["narrative"]:
        yield body["narrative"]
    crossing = body.get("new_crossing")
    if isinstance(crossing, Mapping):
        yield from (
            crossing[k] for k in ("name", "description") if isinstance(crossing.get(k), str)
        )
    prices = body.get("prices")
    if isinstance(prices, list):
        for price in prices:
            if isinstance(price, Mapping) and isinstance(price.get("commodity"), str):
                yield price["commodity"]
