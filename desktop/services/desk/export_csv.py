"""The spreadsheet CSV of a desk export: one row per report revision, quoted per RFC 4180,
formula-like cells neutralised (docs/desk.md, "CSV")."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import IO, Any

from desktop.domain.desk.board_report import CHINA_SIDE, CIVILIAN_PASSAGE, MYANMAR_SIDE
from desktop.domain.desk.tags import is_newsroom_tag
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import TrafficKind
from desktop.services.desk.export_profile import Redactor
from desktop.store.desk.core import DeskReport
from desktop.store.desk.review import InboxRow

__all__ = [
    "CSV_COLUMNS",
    "EXTERNAL_CSV_COLUMNS",
    "FORMULA_STARTS",
    "MYANMAR_TIME",
    "PSEUDONYM_COLUMN",
    "CsvWriter",
]

MYANMAR_TIME = timezone(timedelta(hours=6, minutes=30), "MMT")
"""The CSV's local-time columns: Myanmar keeps UTC+06:30 all year (no daylight saving)."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula: such cells get a
leading apostrophe (OWASP's advice for CSV injection)."""

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "lineage_id",
    "revision",
    "current_revision",
    "superseded_by",
    "gate",
    "gate_name",
    "new_crossing",
    "latitude",
    "longitude",
    "observed_at",
    "observed_at_local",
    "received_at",
    "received_at_local",
    "review_state",
    "tags",
    CHINA_SIDE,
    MYANMAR_SIDE,
    *(f"traffic_{kind.value}" for kind in TrafficKind),
    CIVILIAN_PASSAGE,
    "controlled_by",
    "barrier",
    "shortages",
    "prices",
    "people_stranded",
    "how_known",
    "source_category",
    "source_reliability",
    "source_credibility",
    "device_label",
    "narrative",
)
PSEUDONYM_COLUMN = "source_pseudonym"
EXTERNAL_CSV_COLUMNS: tuple[str, ...] = (
    "export_id",
    *(c for c in CSV_COLUMNS if c != "device_label"),
)
"""The external profile's columns: no device label; the export's id on every row."""


class CsvWriter:
    """Writes the header, then a row per report. With a `redactor` (the external profile)
    ids are replaced, times rounded to the hour and the device label left out."""

    def __init__(
        self,
        stream: IO[str],
        pseudonyms: bool,
        gazetteer: Gazetteer,
        redactor: Redactor | None = None,
        export_id: str = "",
    ) -> None:
        self._writer = csv.writer(stream)
        self._pseudonyms = pseudonyms
        self._gazetteer = gazetteer
        self._redactor = redactor
        self._export_id = export_id
        columns = list(CSV_COLUMNS if redactor is None else EXTERNAL_CSV_COLUMNS)
        if pseudonyms:
            columns.insert(columns.index("source_credibility") + 1, PSEUDONYM_COLUMN)
        self._writer.writerow(columns)

    def write(self, report: DeskReport, row: InboxRow, latest: str) -> None:
        record = report.record
        gate = record.get("gate")
        crossing = self._gazetteer.get(gate) if isinstance(gate, str) else None
        traffic = record.get("traffic") or {}
        source = record.get("source") or {}
        new_crossing = record.get("new_crossing") or {}
        redact = self._redactor
        ident: Any = (lambda v: v) if redact is None else redact.id
        when: Any = (lambda v: v) if redact is None else redact.hour
        observed, received = when(record.get("observed_at")), when(report.received_at)
        cells: list[object] = [] if redact is None else [self._export_id]
        cells += [
            ident(record.get("id")),
            ident(record.get("lineage_id")),
            record.get("revision"),
            "true" if latest == report.id else "false",
            "" if latest == report.id else ident(latest),
            gate,
            crossing.name("en") if crossing is not None else "",
            new_crossing.get("name"),
            crossing.lat if crossing is not None else new_crossing.get("lat"),
            crossing.lon if crossing is not None else new_crossing.get("lon"),
            observed,
            _local(observed),
            received,
            _local(received),
            row.state.value,
            ";".join(row.tags if redact is None else [t for t in row.tags if is_newsroom_tag(t)]),
            record.get(CHINA_SIDE),
            record.get(MYANMAR_SIDE),
            *(traffic.get(kind.value, "unknown") for kind in TrafficKind),
            record.get(CIVILIAN_PASSAGE),
            record.get("controlled_by"),
            ";".join(record.get("barrier") or ()),
            ";".join(record.get("shortages") or ()),
            "; ".join(_price_text(p) for p in record.get("prices") or ()),
            record.get("people_stranded"),
            record.get("how_known"),
            source.get("category"),
            source.get("reliability"),
            source.get("credibility"),
        ]
        if self._pseudonyms:
            cells.append(source.get("pseudonym"))
        if redact is None:
            cells.append(report.device_label or report.device_id)
        cells.append(record.get("narrative"))
        self._writer.writerow([_cell(c) for c in cells])


def _local(utc: object) -> str:
    """A UTC time as Myanmar wall-clock time, ``2024-11-12 09:30:00`` (a form spreadsheets
    read as a date and time), or empty."""
    if not isinstance(utc, str) or not utc:
        return ""
    try:
        moment = datetime.fromisoformat(utc)
    except ValueError:
        return ""
    return moment.astimezone(MYANMAR_TIME).strftime("%Y-%m-%d %H:%M:%S")


def _price_text(price: Mapping[str, Any]) -> str:
    """``diesel 4500 MMK/litre``: compact, and the same in every language."""
    return f"{price['commodity']} {price['amount']} {price['currency']}/{price['unit']}"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
