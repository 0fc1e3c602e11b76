"""Exports from the editor desk: CSV and JSON of the reports, GeoJSON of the board.

Formats, columns and filters are documented for editors in docs/desk.md ("Exports").

- Files are written whole or not at all: a temp file in the target's folder, fsynced, then
  renamed over the target. Any failure (a read-only folder, a full disk) removes the temp
  file and raises `ExportWriteError`; the target is never left half written.
- Reports are read in chunks of `CHUNK` and written as they come, so 100,000 reports never
  sit in memory at once; `progress(done, total)` is called after every chunk.
- Source pseudonyms leave the desk only with ``include_pseudonyms=True``: the CSV then gains
  a ``source_pseudonym`` column; in JSON ``source.pseudonym`` is null otherwise.
- Every export is recorded in the audit trail with the ids of the reports it included
  (`ReviewRepository.record_export`), after the file is in place; if recording fails, the
  file is removed again, so no export leaves the desk unrecorded.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Literal

from desktop.domain.desk.board import Board, OlderReports, derive_board
from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc
from desktop.services.desk import board as desk_board
from desktop.services.desk.core import report_json
from desktop.services.desk.export_csv import CSV_COLUMNS, PSEUDONYM_COLUMN, CsvWriter
from desktop.services.desk.export_geojson import geojson_document
from desktop.services.desk.export_profile import Profile, Redactor
from desktop.services.desk.export_tables import write_tables
from desktop.services.desk.review import desk_identity
from desktop.store.database import Store
from desktop.store.desk.core import DeskReport, DeskRepository
from desktop.store.desk.review import ExportRecord, InboxFilter, InboxRow, ReviewRepository

__all__ = [
    "CSV_COLUMNS",
    "JSON_FORMAT",
    "PSEUDONYM_COLUMN",
    "BoardSnapshot",
    "ExportError",
    "ExportResult",
    "ExportWriteError",
    "Profile",
    "Progress",
    "atomic_output",
    "board_snapshot",
    "export_reports",
    "record_export",
]

CHUNK = 500
JSON_FORMAT = "gatewatch-desk-export-1"
Format = Literal["csv", "geojson", "json", "tables"]
Progress = Callable[[int, int], None]


class ExportError(RuntimeError):
    """An export that cannot be made; the message says why and what to do."""


class ExportWriteError(ExportError):
    """The file could not be written (``reason``: ``no_space``, ``not_writable``,
    ``other``); nothing was left at the target."""

    def __init__(self, path: Path, reason: str, detail: str) -> None:
        advice = {
            "no_space": "the disk is full: free some space or choose another place",
            "not_writable": "that folder cannot be written to: choose another place",
        }.get(reason, detail)
        super().__init__(f"cannot write {path}: {advice}; nothing was written")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class ExportResult:
    path: Path
    reports: int
    export_id: str


@dataclass(frozen=True)
class BoardSnapshot:
    """A board and the reports it read, per gate (what a GeoJSON or PDF export includes)."""

    board: Board
    read: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def report_ids(self) -> list[str]:
        return [rid for ids in self.read.values() for rid in ids]


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
        _record_or_remove(store, out, fmt, filters, False, ids, export_id)
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
        _record_or_remove(store, out, fmt, filters, False, tables, export_id)
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
    _record_or_remove(store, out, fmt, filters, include_pseudonyms, included, export_id)
    return ExportResult(out, len(included), export_id)


def _redact_geojson(document: dict[str, Any], redactor: Redactor) -> None:
    """Times to the hour and new crossings' ids unrelated to their reports'."""
    for feature in document["features"]:
        props = feature["properties"]
        if props["new_crossing"]:
            feature["id"] = redactor.id(feature["id"])
        for key in ("last_change", "last_confirmed"):
            props[key] = redactor.hour(props[key])


def board_snapshot(
    store: Store,
    gazetteer: Gazetteer,
    *,
    states: Collection[ReviewState] = (),
    since: datetime | None = None,
    now: datetime | None = None,
) -> BoardSnapshot:
    """The board from the reports observed at or after `since` and in `states` (any when
    empty), read as `desktop.services.desk.board.board` reads them, with the ids of the
    reports the derivation read for each gate."""
    reviews = ReviewRepository(store)
    moment = now or datetime.now(UTC)
    read: dict[str, list[str]] = {}

    def kept(gate: str, reports: Iterable[BoardReport]) -> Iterator[BoardReport]:
        seen = read.setdefault(gate, [])
        for report in reports:
            if since is not None and report.observed_at < since:
                return  # newest first: every later one is older still
            if not states or report.state in states:
                seen.append(report.report_id)
                yield report

    windows = {gate: desk_board.recent_start(reviews, gate, moment) for gate in gazetteer.ids()}

    def older(gate: str) -> OlderReports:
        from_store = desk_board.older_reports(reviews, gate, windows[gate])
        if states and not set(states) & CONFIRMED_STATES:
            return lambda aspects: ()  # the older reports read are verified ones only
        return lambda aspects: kept(gate, from_store(aspects))

    gates = gazetteer.ids()
    board = derive_board(
        gates,
        {
            gate: kept(gate, desk_board.recent_reports(reviews, gate, windows[gate]))
            for gate in gates
        },
        now=moment,
        stale_after=desk_board.stale_after(store),
        older_of={gate: older(gate) for gate in gates},
    )
    return BoardSnapshot(board, {gate: tuple(ids) for gate, ids in read.items()})


def record_export(
    store: Store,
    fmt: str,
    filters: Mapping[str, Any],
    pseudonyms: bool,
    report_ids: list[str],
    export_id: str | None = None,
) -> str:
    """Record an export in the audit trail (by this desk's label); returns its id (a new
    one unless `export_id`, the id already written into the file, is given)."""
    export_id = export_id or str(uuid.uuid4())
    ReviewRepository(store).record_export(
        ExportRecord(
            export_id=export_id,
            format=fmt,
            filters=dict(filters),
            pseudonyms=pseudonyms,
            reports=len(report_ids),
            at=datetime.now(UTC),
            desk_label=desk_identity(store).label,
        ),
        report_ids,
    )
    return export_id


@contextlib.contextmanager
def atomic_output(out: Path, *, bom: bool = False, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream to a temp file beside `out` that becomes `out` when the block ends well.

    On any exception the temp file is removed and `out` is left as it was; an `OSError`
    becomes `ExportWriteError`. The file is private (0600) like every file the desk writes.
    """
    out = Path(out)
    temp = out.with_name(f".{out.name}.tmp-{secrets.token_hex(6)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise _write_error(out, error) from error
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else ("utf-8-sig" if bom else "utf-8")
        with os.fdopen(fd, mode, encoding=encoding, newline="" if not binary else None) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _write_error(out, error) from error
        raise


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


def _record_or_remove(
    store: Store,
    out: Path,
    fmt: str,
    filters: Mapping[str, Any],
    pseudonyms: bool,
    report_ids: list[str],
    export_id: str,
) -> str:
    try:
        return record_export(store, fmt, filters, pseudonyms, report_ids, export_id)
    except BaseException:
        with contextlib.suppress(OSError):
            out.unlink()  # an export the audit trail does not know of must not stay
        raise


def _write_error(out: Path, error: OSError) -> ExportWriteError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason = "no_space"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR):
        reason = "not_writable"
    else:
        reason = "other"
    return ExportWriteError(out, reason, error.strerror or type(error).__name__)


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
