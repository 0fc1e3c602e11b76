"""The report model: what a correspondent says about a crossing, and its JSON form; the
validation behind `from_json` is report_reader.py's, the parts and limits report_values.py's.

Plain Python: no Qt, no SQL. `ReportContent.from_json` is the one gate every report passes
through, whether it comes from the form, the CLI, a file or the wire. It refuses unknown
keys, so a report can never carry a source's name, phone or any other identifier that the
model has no field for. docs/report-format.md documents every field and value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.field_reader import blank_unclean_chars
from desktop.domain.ids import new_report_id
from desktop.domain.report_reader import ReportReader
from desktop.domain.report_values import (
    MAX_AMOUNT,
    RECORD_KEYS,
    NewCrossing,
    Price,
    Source,
)
from desktop.domain.utc import format_utc, to_utc, utc_now
from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
    Controller,
    HowKnown,
    Shortage,
    SideStatus,
    TrafficKind,
    TrafficStatus,
)

# The model is defined here; the rest are re-exported from the modules that define them,
# where new code imports them.
__all__ = [
    "MAX_AMOUNT",
    "NewCrossing",
    "Price",
    "Report",
    "ReportContent",
    "Source",
    "blank_unclean_chars",
    "body_free_texts",
    "check_draft_keys",
    "format_utc",
    "to_utc",
]


_TRAFFIC_KINDS = tuple((kind, kind.value) for kind in TrafficKind)


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
        reader = ReportReader(now)
        content = reader.report(data, known_gate, ReportContent)
        if reader.errors or content is None:
            raise ReportValidationError(reader.errors)
        return content

    def to_json(self) -> dict[str, Any]:
        """The JSON form (docs/report-format.md), with every key present, times in UTC."""
        # `_value_` rather than `.value`: the property is slow, and the desk reads this
        # for every report it receives.
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
            "china_side": self.china_side._value_,
            "myanmar_side": self.myanmar_side._value_,
            "traffic": {key: self.traffic[kind]._value_ for kind, key in _TRAFFIC_KINDS},
            "civilian_passage": self.civilian_passage._value_,
            "controlled_by": self.controlled_by._value_,
            "barrier": [b._value_ for b in self.barrier],
            "shortages": [s._value_ for s in self.shortages],
            "prices": [
                {
                    "commodity": p.commodity,
                    "unit": p.unit._value_,
                    "amount": p.amount,
                    "currency": p.currency._value_,
                }
                for p in self.prices
            ],
            "people_stranded": self.people_stranded,
            "how_known": self.how_known._value_,
            "source": None
            if self.source is None
            else {
                "category": self.source.category._value_,
                "reliability": self.source.reliability._value_,
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
        created = utc_now() if now is None else to_utc(now)
        report_id = new_report_id(created)
        return cls(report_id, report_id, 1, None, created, content)

    def correct(self, content: ReportContent, *, now: datetime | None = None) -> Report:
        """A new revision that replaces this one. The old revision is left as it was."""
        created = utc_now() if now is None else to_utc(now)
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
        reader = ReportReader(now)
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
        body = dict(data)
        for key in RECORD_KEYS:
            body.pop(key, None)
        content = reader.report(body, known_gate, ReportContent)
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


def check_draft_keys(body: Mapping[str, Any]) -> None:
    """Refuse a draft holding a key no report has, at any level: top level, `new_crossing`,
    `traffic`, each of `prices` and `source` (where they are objects).

    Strict on keys, lenient on values: a draft may be incomplete or wrong in every value,
    but an unknown key could carry a source's name, so it is refused even in a draft.
    Raises `ReportValidationError` naming each unknown key (as `from_json` would).
    """
    reader = ReportReader()
    reader.draft_keys(body)
    if reader.errors:
        raise ReportValidationError(reader.errors)


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
