"""Exports from the editor desk: CSV and JSON of the reports, GeoJSON of the board, data
tables.

Formats, columns and filters are documented for editors in docs/desk.md ("Exports").

- Files are written whole or not at all and every export is recorded in the audit trail
  with the ids of the reports it included (`desktop.services.desk.export_output`).
- Reports are read in chunks of `CHUNK` and written as they come, so 100,000 reports never
  sit in memory at once; `progress(done, total)` is called after every chunk.
- Source pseudonyms leave the desk only with ``include_pseudonyms=True``: the CSV then gains
  a ``source_pseudonym`` column; in JSON ``source.pseudonym`` is null otherwise.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc
from desktop.services.desk.board_snapshot import board_snapshot
from desktop.services.desk.core import report_json
from desktop.services.desk.export_csv import CsvWriter
from desktop.services.desk.export_geojson import geojson_document
from desktop.services.desk.export_output import (
    ExportError,
    ExportResult,
    Progress,
    atomic_output,
    record_or_remove,
)
from desktop.services.desk.export_profile import Profile, Redactor
from desktop.services.desk.export_tables import write_tables
from desktop.store.database import Store
from desktop.store.desk.core import DeskReport, DeskRepository
from desktop.store.desk.review import InboxFilter, InboxRow, ReviewRepository

__all__ = ["CHUNK", "JSON_FORMAT", "Format", "export_reports"]

CHUNK = 500
JSON_FORMAT = "gatewatch-desk-export-1"
Format = Literal["csv", "geojson", "json", "tables"]


def export_reports(
    store: Store,
    gazetteer: Gazetteer,
    fmt: Format,
    out: Path,
    *,
    states: Collection[ReviewState] = (),
    since: datetime | None = None,
    include_pseudonyms: bool = False,
    profile: Profile = Profile.INTERNAL,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the reports (``csv``, ``json``) or the board (``geojson``) to `out`.

    `states` (any when empty) and `since` (observation time, inclusive) choose the
    reports; for GeoJSON they choose the reports the board considers. The external
    `profile` keeps only verified and published reports and leaves out what identifies
    (`desktop.services.desk.export_profile`). Raises `ExportWriteError` when the file cannot be
    written (nothing is left behind), `ExportError` for an unknown format, a `since`
    without a time zone, pseudonyms asked of GeoJSON or of an external export, or states
    an external export cannot hold.
    """
    if since is not None and since.tzinfo is None:
        raise ExportError("the --since time needs a zone, e.g. +06:30 for Myanmar time")
    if include_pseudonyms and fmt in ("geojson", "tables"):
        what = "GeoJSON" if fmt == "geojson" else "data tables"
        raise ExportError(f"--include-pseudonyms does not apply to {what}: they hold none")
    states = frozenset(states)
    if profile is Profile.EXTERNAL:
        if include_pseudonyms:
            raise ExportError("an external export never holds pseudonyms")
        if states - CONFIRMED_STATES:
            raise ExportError("an external export holds only verified and published reports")
        states = states or CONFIRMED_STATES
    filters = {**_filters(states, since), "profile": profile.value}
    export_id = str(uuid.uuid4())
    exported_at = datetime.now(UTC)
    redactor = Redactor(export_id) if profile is Profile.EXTERNAL else None
    meta = {
        "export_id": export_id,
        "exported_at": format_utc(exported_at) if redactor is None else redactor.hour(exported_at),
        "filters": filters,
    }
    if fmt == "geojson":
        snapshot = board_snapshot(store, gazetteer, states=states, since=since, now=exported_at)
        reviews = ReviewRepository(store)
        places = [
            (report, place)
            for report, place in reviews.new_crossing_reports()
            if (not states or report.state in states)
            and (since is None or report.observed_at >= since)
        ]
        document = geojson_document(
            snapshot.board, snapshot.read, gazetteer, places, meta, exported_at
        )
        if redactor is not None:
            _redact_geojson(document, redactor)
        with atomic_output(out) as stream:
            json.dump(document, stream, ensure_ascii=False, indent=1, allow_nan=False)
            stream.write("\n")
        ids = snapshot.report_ids + [report.report_id for report, _ in places]
        if progress is not None:
            progress(len(ids), len(ids))
        record_or_remove(store, out, fmt, filters, False, ids, export_id)
        return ExportResult(out, len(ids), export_id)
    if fmt == "tables":
        snapshot = board_snapshot(store, gazetteer, states=states, since=since, now=exported_at)
        with atomic_output(out, binary=True) as stream:
            tables = write_tables(
                stream,
                store,
                gazetteer,
                snapshot.board,
                _selected(store, states, since, progress),
                meta,
                since=since,
                redactor=redactor,
            )
        record_or_remove(store, out, fmt, filters, False, tables, export_id)
        return ExportResult(out, len(tables), export_id)
    if fmt not in ("csv", "json"):
        raise ExportError(f"unknown export format {fmt!r}: use csv, geojson, json, tables or pdf")
    included: list[str] = []
    with atomic_output(out, bom=fmt == "csv") as stream:
        writer = (
            CsvWriter(stream, include_pseudonyms, gazetteer, redactor, export_id)
            if fmt == "csv"
            else None
        )
        if writer is None:
            stream.write(_json_head(meta, include_pseudonyms))
        for report, row, latest in _selected(store, states, since, progress):
            if writer is not None:
                writer.write(report, row, latest)
            else:
                entry = _json_entry(store, report, row, include_pseudonyms)
                entry["current_revision"] = latest == report.id
                entry["superseded_by"] = None if latest == report.id else latest
                if redactor is not None:
                    entry = redactor.entry(entry)
                stream.write(",\n" if included else "\n")
                stream.write(json.dumps(entry, ensure_ascii=False, allow_nan=False))
            included.append(report.id)
        if writer is None:
            stream.write("\n]}\n")
    record_or_remove(store, out, fmt, filters, include_pseudonyms, included, export_id)
    return ExportResult(out, len(included), export_id)


def _redact_geojson(document: dict[str, Any], redactor: Redactor) -> None:
    """Times to the hour and new crossings' ids unrelated to their reports'."""
    for feature in document["features"]:
        props = feature["properties"]
        if props["new_crossing"]:
            feature["id"] = redactor.id(feature["id"])
        for key in ("last_change", "last_confirmed"):
            props[key] = redactor.hour(props[key])


# -- selection -----------------------------------------------------------------------------


def _selected(
    store: Store,
    states: Collection[ReviewState],
    since: datetime | None,
    progress: Progress | None,
) -> Iterator[tuple[DeskReport, InboxRow, str]]:
    """The chosen reports, oldest observation first, read `CHUNK` at a time, each with the
    id of its lineage's latest revision."""
    reviews = ReviewRepository(store)
    desk = DeskRepository(store)
    ids = reviews.inbox_ids(
        InboxFilter(
            states=frozenset(states),
            # The inbox filters by UTC day: a superset, narrowed to the moment below.
            since=None if since is None else since.astimezone(UTC).date(),
            oldest_first=True,
        )
    )
    total = len(ids)
    if progress is not None:
        progress(0, total)
    for start in range(0, total, CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = {row.report_id: row for row in reviews.inbox_rows(chunk)}
        latest = reviews.latest_revisions(chunk)
        for report in desk.reports(chunk):
            row = rows[report.id]
            if since is None or row.observed_at >= since:
                yield report, row, latest.get(report.id, report.id)
        if progress is not None:
            progress(min(start + CHUNK, total), total)


def _filters(states: Collection[ReviewState], since: datetime | None) -> dict[str, Any]:
    return {
        "state": sorted(s.value for s in states) or None,
        "since": None if since is None else format_utc(since.astimezone(UTC)),
    }


# -- JSON ----------------------------------------------------------------------------------


def _json_head(meta: Mapping[str, Any], pseudonyms: bool) -> str:
    head = {
        "format": JSON_FORMAT,
        "profile": meta["filters"]["profile"],
        "export_id": meta["export_id"],
        "exported_at": meta["exported_at"],
        "filters": dict(meta["filters"]),
        "pseudonyms_included": pseudonyms,
    }
    # The reports follow as the last member, one per line, written as they are read.
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "reports": ['


def _json_entry(
    store: Store, report: DeskReport, row: InboxRow, pseudonyms: bool
) -> dict[str, Any]:
    entry = report_json(report)
    source = entry.get("source")
    if isinstance(source, dict) and not pseudonyms:
        entry["source"] = {**source, "pseudonym": None}
    entry["review_state"] = row.state.value
    entry["tags"] = list(row.tags)
    entry["review_history"] = [e.to_json() for e in ReviewRepository(store).history(report.id)]
    return entry
