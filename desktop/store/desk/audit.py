"""What the desk did with a report, for its audit trail: the exports recorded with the
reports they held, and the trail itself (received, moves, notes, marks, refused events,
exports)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import fixed_utc, parse_event_time
from desktop.store.desk.keys import DeskKeysRepository
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review_events import ReviewEvents


@dataclass(frozen=True)
class ExportRecord:
    export_id: str
    format: str
    filters: dict[str, Any]
    pseudonyms: bool
    reports: int
    at: datetime
    desk_label: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One line of a report's audit trail."""

    at: datetime
    what: str  # "received", "move", "note", "assign", "tag", "untag", "export", "refused"
    desk_label: str | None = None
    from_state: ReviewState | None = None
    to_state: ReviewState | None = None
    note: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


class ExportAudit(ReviewEvents):
    """Exports and the audit trail (a part of `ReviewRepository`), built on the events."""

    def audit_trail(self, report_id: str) -> list[AuditEntry]:
        """Received, every move and note, every export that included it, every review event
        refused (what it claimed and why); oldest first. Each desk goes by its latest label
        in every row (an event keeps the label its desk had then; a desk renamed since would
        otherwise show under two names)."""
        conn = self._store.conn
        marks = MarksRepository(self._store)
        labels = dict(marks.known_desks())
        me = conn.execute("SELECT desk_id FROM desk_identity WHERE id = 1").fetchone()
        entries: list[AuditEntry] = []
        row = conn.execute(
            "SELECT e.pulled_at, e.received_at, e.device_id FROM desk_reports r"
            " JOIN desk_envelopes e ON e.envelope_id = r.envelope_id WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if row is not None:
            entries.append(
                AuditEntry(
                    parse_event_time(row[0]),
                    "received",
                    detail={"server_received_at": row[1], "device_id": row[2]},
                )
            )
        for event in self.history(report_id):
            entries.append(
                AuditEntry(
                    event.at,
                    event.kind.value,
                    labels.get(event.desk_id) or event.desk_label,
                    event.from_state,
                    event.to_state,
                    event.note,
                )
            )
        for mark in marks.marks(report_id):
            entries.append(
                AuditEntry(
                    mark.at,
                    mark.kind.value,
                    labels.get(mark.desk_id) or mark.desk_label,
                    note=mark.note,
                    detail={"value": mark.value, "value_label": mark.value_label},
                )
            )
        for refused in DeskKeysRepository(self._store).refused_events(report_id):
            entries.append(
                AuditEntry(
                    refused.at,
                    "refused",
                    refused.desk_label,
                    refused.from_state,
                    refused.to_state,
                    refused.message,
                    detail={"envelope_id": refused.envelope_id, "kind": refused.kind},
                )
            )
        for export in self.exports_of(report_id):
            entries.append(
                AuditEntry(
                    export.at,
                    "export",
                    (labels.get(me[0]) if me else None) or export.desk_label,  # made here
                    detail={
                        "export_id": export.export_id,
                        "format": export.format,
                        "pseudonyms": export.pseudonyms,
                        "reports": export.reports,
                    },
                )
            )
        return sorted(entries, key=lambda e: e.at)

    # -- exports ---------------------------------------------------------------------------

    def record_export(self, export: ExportRecord, report_ids: Sequence[str]) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_exports (export_id, format, filters, pseudonyms, reports, at,"
                " desk_label) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    export.export_id,
                    export.format,
                    json.dumps(export.filters, sort_keys=True),
                    int(export.pseudonyms),
                    export.reports,
                    fixed_utc(export.at),
                    export.desk_label,
                ),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO desk_export_items (export_id, report_id) VALUES (?, ?)",
                [(export.export_id, rid) for rid in report_ids],
            )

    def exports_of(self, report_id: str) -> list[ExportRecord]:
        rows = self._store.conn.execute(
            "SELECT x.export_id, x.format, x.filters, x.pseudonyms, x.reports, x.at,"
            " x.desk_label FROM desk_export_items i JOIN desk_exports x"
            " ON x.export_id = i.export_id WHERE i.report_id = ? ORDER BY x.at",
            (report_id,),
        ).fetchall()
        return [_export(r) for r in rows]

    def latest_export_time(self, export_format: str) -> datetime | None:
        """When the newest export in `export_format` (``"pdf"``, …) was made, if any."""
        row = self._store.conn.execute(
            "SELECT max(at) FROM desk_exports WHERE format = ?", (export_format,)
        ).fetchone()
        return None if row[0] is None else parse_event_time(row[0])

    def exports(self) -> list[ExportRecord]:
        rows = self._store.conn.execute(
            "SELECT export_id, format, filters, pseudonyms, reports, at, desk_label"
            " FROM desk_exports ORDER BY at DESC"
        ).fetchall()
        return [_export(r) for r in rows]


# -- helpers -------------------------------------------------------------------------------


def _export(row: Sequence[Any]) -> ExportRecord:
    return ExportRecord(
        export_id=row[0],
        format=row[1],
        filters=json.loads(row[2]),
        pseudonyms=bool(row[3]),
        reports=int(row[4]),
        at=parse_event_time(row[5]),
        desk_label=row[6],
    )
