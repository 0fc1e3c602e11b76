"""Reports received at the desk: written from a pulled page with their search rows, board
aspects and photo references, photos reassembled once their chunks have all arrived, and
read back with their photos."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.store.database import Store
from desktop.store.desk.records import ReceivedReport
from desktop.store.search import desk_search_text


@dataclass(frozen=True)
class DeskAttachment:
    position: int
    media_type: str
    size: int
    sha256: str
    width: int | None
    height: int | None
    complete: bool
    problem: str | None


@dataclass(frozen=True)
class DeskReport:
    """A report at the desk: the record the device signed and where it came from."""

    id: str
    envelope_id: str
    device_id: str
    device_label: str | None
    received_at: str
    record: Mapping[str, Any]
    attachments: tuple[DeskAttachment, ...] = field(default=())


class ReceivedReports:
    """The reports held (a part of `DeskRepository`)."""

    _store: Store

    # -- reports ---------------------------------------------------------------------------

    def report_ids(self) -> list[str]:
        """Ids of stored reports, newest observation first."""
        rows = self._store.conn.execute(
            "SELECT id FROM desk_reports ORDER BY observed_at DESC, id DESC"
        ).fetchall()
        return [r[0] for r in rows]

    def reports(self, report_ids: Sequence[str] | None = None) -> list[DeskReport]:
        """The stored reports (all, newest observation first, or these ids in order)."""
        ids = self.report_ids() if report_ids is None else list(report_ids)
        return [r for r in (self._report(i) for i in ids) if r is not None]

    def attachment_data(self, report_id: str, position: int) -> bytes | None:
        """A whole, checked photo's bytes, or None (unknown, or not complete yet)."""
        row = self._store.conn.execute(
            "SELECT data FROM desk_attachments WHERE report_id = ? AND position = ?",
            (report_id, position),
        ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def _report(self, report_id: str) -> DeskReport | None:
        conn = self._store.conn
        row = conn.execute(
            "SELECT r.id, r.envelope_id, r.device_id, d.label, r.received_at, r.record"
            " FROM desk_reports AS r LEFT JOIN desk_devices AS d ON d.device_id = r.device_id"
            " WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            return None
        attachments = tuple(
            DeskAttachment(a[0], a[1], a[2], a[3], a[4], a[5], bool(a[6]), a[7])
            for a in conn.execute(
                "SELECT position, media_type, size, sha256, width, height, data IS NOT NULL,"
                " problem FROM desk_attachments WHERE report_id = ? ORDER BY position",
                (report_id,),
            ).fetchall()
        )
        return DeskReport(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), attachments)


def _answers(conn: Any, report_ids: Sequence[str]) -> dict[str, list[str]]:
    """The answers received about these reports (normally none: they are new), in the
    order they were asked."""
    answers: dict[str, list[str]] = {}
    for start in range(0, len(report_ids), 500):
        chunk = list(report_ids[start : start + 500])
        rows = conn.execute(
            "SELECT report_id, answer_text FROM desk_followups WHERE answer_text IS NOT NULL"
            f" AND report_id IN ({','.join('?' * len(chunk))}) ORDER BY report_id, asked_at",
            chunk,
        ).fetchall()
        for report_id, answer in rows:
            answers.setdefault(report_id, []).append(str(answer))
    return answers


def insert_reports(conn: Any, received: Sequence[ReceivedReport]) -> None:
    """Insert new reports (ids the desk does not hold) with their search rows, board
    aspects and photo references."""
    if not received:
        return
    rows = [r.finished_row() for r in received]
    answers = _answers(conn, [row.id for row in rows])
    conn.executemany(
        "INSERT INTO desk_reports (id, envelope_id, device_id, lineage_id, revision, gate,"
        " observed_at, received_at, record, source_category, reliability)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row.id,
                r.envelope.envelope_id,
                r.envelope.device_id,
                row.lineage_id,
                row.revision,
                row.gate,
                row.observed_at,
                r.envelope.received_at,
                row.record_json,
                row.source_category,
                row.reliability,
            )
            for r, row in zip(received, rows, strict=True)
        ],
    )
    conn.executemany(  # new ids: no search row to replace
        "INSERT INTO desk_reports_fts (report_id, text) VALUES (?, ?)",
        [
            (
                row.id,
                desk_search_text(r.record, answers[row.id])
                if row.id in answers
                else row.search_text,
            )
            for r, row in zip(received, rows, strict=True)
        ],
    )
    conn.executemany(
        "INSERT INTO desk_report_aspects (report_id, gate, aspect, observed_at)"
        " VALUES (?, ?, ?, ?)",
        [(row.id, row.gate, aspect, row.observed_at) for row in rows for aspect in row.aspects],
    )
    for r, row in zip(received, rows, strict=True):
        for a in r.attachments:
            chunks = [
                {"envelope_id": c.envelope_id, "sha256": c.sha256, "size": c.size} for c in a.chunks
            ]
            conn.execute(
                "INSERT INTO desk_attachments (report_id, position, media_type, size, sha256,"
                " width, height, chunks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.id,
                    a.position,
                    a.media_type,
                    a.size,
                    a.sha256,
                    a.width,
                    a.height,
                    json.dumps(chunks),
                ),
            )


def assemble(conn: Any) -> int:
    """Reassemble every photo whose chunks have all arrived; return how many were made
    whole. A chunk refused, from another device, or with other bytes than the report
    names marks the photo with a `problem` instead (it is never assembled wrong)."""
    waiting = conn.execute(
        "SELECT a.report_id, a.position, a.size, a.sha256, a.chunks, r.device_id"
        " FROM desk_attachments AS a JOIN desk_reports AS r ON r.id = a.report_id"
        " WHERE a.data IS NULL AND a.problem IS NULL"
    ).fetchall()
    completed = 0
    for report_id, position, size, sha256, chunks_json, device_id in waiting:
        chunks = json.loads(chunks_json)
        parts: list[bytes] = []
        problem: str | None = None
        for chunk in chunks:
            row = conn.execute(
                "SELECT device_id, kind, outcome, reason, payload FROM desk_envelopes"
                " WHERE envelope_id = ?",
                (chunk["envelope_id"],),
            ).fetchone()
            if row is None:
                break  # not arrived yet
            chunk_device, kind, outcome, reason, payload = row
            if outcome != "stored":
                problem = f"a chunk was refused ({reason})"
            elif kind != "attachment_chunk" or chunk_device != device_id:
                problem = "a chunk is not an attachment chunk of the same device"
            elif payload is None:
                problem = "a chunk was already used by another photo"
            elif hashlib.sha256(payload).hexdigest() != chunk["sha256"]:
                problem = "a chunk's bytes differ from what the report names"
            if problem is not None:
                break
            parts.append(bytes(payload))
        if problem is None and len(parts) < len(chunks):
            continue  # still waiting for chunks
        if problem is None:
            data = b"".join(parts)
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
                problem = "the reassembled photo differs from what the report names"
        if problem is not None:
            conn.execute(
                "UPDATE desk_attachments SET problem = ? WHERE report_id = ? AND position = ?",
                (problem, report_id, position),
            )
            continue
        conn.execute(
            "UPDATE desk_attachments SET data = ? WHERE report_id = ? AND position = ?",
            (data, report_id, position),
        )
        conn.executemany(
            "UPDATE desk_envelopes SET payload = NULL WHERE envelope_id = ?",
            [(c["envelope_id"],) for c in chunks],
        )
        completed += 1
    return completed
