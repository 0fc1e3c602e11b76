"""The editor desk's side of the store: newsroom keys, the server, pulled envelopes, reports.

Schema v4 tables ``desk_*``. The newsroom private key lives only in ``desk_keys``, inside
the encrypted store; nothing here writes it anywhere else. Pulled envelopes are recorded
once each by envelope id (``desk_envelopes``), stored or refused with the reason, so
pulling a page again changes nothing. A page and the cursor move in one transaction
(`store_page`): after a crash the desk asks again from the last stored cursor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.domain.report import format_utc
from desktop.store.database import Store
from desktop.store.desk_chain import record_again, record_links
from desktop.store.desk_records import (
    AttachmentRef,
    ChainArrival,
    ChunkRef,
    EnvelopeRecord,
    ReceivedReport,
    ReportRow,
    report_row,
)
from desktop.store.review import apply_held_events
from desktop.store.search import desk_search_text

__all__ = [
    "AttachmentRef",
    "ChunkRef",
    "DeskAttachment",
    "DeskDevice",
    "DeskKey",
    "DeskKeyExistsError",
    "DeskReport",
    "DeskRepository",
    "DeskServer",
    "EnvelopeRecord",
    "PageResult",
    "ReceivedReport",
    "ReportRow",
    "report_row",
]


class DeskKeyExistsError(RuntimeError):
    """The desk already holds a newsroom key pair; a second one is never made silently."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(
            f"this desk already has a newsroom key (fingerprint {fingerprint}): nothing was "
            "changed. A new key would strand every enrolled device; use another --data-dir "
            "for a separate newsroom"
        )
        self.fingerprint = fingerprint


@dataclass(frozen=True)
class DeskKey:
    """A newsroom key pair as stored: raw private bytes (secret) and the public text form."""

    fingerprint: str
    kem: str
    private_key: bytes
    public_key: str
    created_at: datetime

    def __repr__(self) -> str:
        return f"DeskKey(fingerprint={self.fingerprint!r}, kem={self.kem!r})"


@dataclass(frozen=True)
class DeskServer:
    """Where the desk pulls from, with its desk token, and the cursor (last stored seq)."""

    server_url: str
    token: str
    tls_fingerprint: str | None
    proxy: str | None
    cursor: int
    connected_at: datetime
    last_pull_at: datetime | None

    def __repr__(self) -> str:
        return f"DeskServer(server_url={self.server_url!r}, cursor={self.cursor})"


@dataclass(frozen=True)
class DeskDevice:
    device_id: str
    label: str | None
    public_key: bytes | None
    enrolled: bool
    revoked: bool
    enrolled_at: str | None


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


@dataclass(frozen=True)
class PageResult:
    """What `store_page` did: reports newly stored, envelopes refused, photos made whole."""

    reports: int
    refused: int
    duplicates: int
    photos_completed: int


class DeskRepository:
    """The desk tables of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- keys ------------------------------------------------------------------------------

    def key(self) -> DeskKey | None:
        """The newsroom key pair, or None before `desk init`."""
        row = self._store.conn.execute(
            "SELECT fingerprint, kem, private_key, public_key, created_at FROM desk_keys"
            " ORDER BY created_at LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return DeskKey(row[0], row[1], bytes(row[2]), row[3], _time(row[4]))

    def keys(self) -> list[DeskKey]:
        """Every newsroom key pair held (more than one only after a rotation)."""
        rows = self._store.conn.execute(
            "SELECT fingerprint, kem, private_key, public_key, created_at FROM desk_keys"
            " ORDER BY created_at"
        ).fetchall()
        return [DeskKey(r[0], r[1], bytes(r[2]), r[3], _time(r[4])) for r in rows]

    def save_key(self, key: DeskKey) -> None:
        """Store the newsroom key pair. Raises `DeskKeyExistsError` if one is held."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT fingerprint FROM desk_keys LIMIT 1").fetchone()
            if row is not None:
                raise DeskKeyExistsError(row[0])
            conn.execute(
                "INSERT INTO desk_keys (fingerprint, kem, private_key, public_key, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (key.fingerprint, key.kem, key.private_key, key.public_key, _fmt(key.created_at)),
            )

    # -- server ----------------------------------------------------------------------------

    def server(self) -> DeskServer | None:
        row = self._store.conn.execute(
            "SELECT server_url, token, tls_fingerprint, proxy, cursor, connected_at,"
            " last_pull_at FROM desk_server WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return DeskServer(
            row[0], row[1], row[2], row[3], int(row[4]), _time(row[5]), _opt_time(row[6])
        )

    def connect(
        self,
        server_url: str,
        token: str,
        tls_fingerprint: str | None,
        proxy: str | None,
        now: datetime,
    ) -> None:
        """Remember the server and desk token. A different server address starts the
        cursor again at 0 (pulling again is harmless: envelopes are stored by id)."""
        with self._store.transaction() as conn:
            row = conn.execute("SELECT server_url FROM desk_server WHERE id = 1").fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO desk_server (id, server_url, token, tls_fingerprint, proxy,"
                    " cursor, connected_at) VALUES (1, ?, ?, ?, ?, 0, ?)",
                    (server_url, token, tls_fingerprint, proxy, _fmt(now)),
                )
                return
            conn.execute(
                "UPDATE desk_server SET server_url = ?, token = ?, tls_fingerprint = ?,"
                " proxy = ?, connected_at = ?,"
                " cursor = CASE WHEN server_url = ? THEN cursor ELSE 0 END WHERE id = 1",
                (server_url, token, tls_fingerprint, proxy, _fmt(now), server_url),
            )

    # -- devices ---------------------------------------------------------------------------

    def save_devices(
        self, devices: Sequence[DeskDevice], now: datetime
    ) -> list[tuple[str, str, str | None]]:
        """Upsert the server's device list. A known public key is never replaced by
        another one, nor a known label (a compromised server could swap the labels of two
        devices): the first seen are kept. Returns the labels the server now offers that
        differ from those kept, as (device id, kept label, offered label)."""
        refused: list[tuple[str, str, str | None]] = []
        with self._store.transaction() as conn:
            for d in devices:
                row = conn.execute(
                    "SELECT label FROM desk_devices WHERE device_id = ?", (d.device_id,)
                ).fetchone()
                if row is not None and row[0] is not None and row[0] != d.label:
                    refused.append((d.device_id, str(row[0]), d.label))
                conn.execute(
                    "INSERT INTO desk_devices (device_id, label, public_key, enrolled, revoked,"
                    " enrolled_at, updated_at, offered_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (device_id) DO UPDATE"
                    " SET label = coalesce(desk_devices.label, excluded.label),"
                    " offered_label = excluded.offered_label,"
                    " public_key = coalesce(desk_devices.public_key, excluded.public_key),"
                    " enrolled = excluded.enrolled, revoked = excluded.revoked,"
                    " enrolled_at = excluded.enrolled_at, updated_at = excluded.updated_at",
                    (
                        d.device_id,
                        d.label,
                        d.public_key,
                        int(d.enrolled),
                        int(d.revoked),
                        d.enrolled_at,
                        _fmt(now),
                        d.label,
                    ),
                )
        return refused

    def device_key(self, device_id: str) -> bytes | None:
        """The device's registered Ed25519 public key, or None."""
        row = self._store.conn.execute(
            "SELECT public_key FROM desk_devices WHERE device_id = ?", (device_id,)
        ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def devices(self) -> list[DeskDevice]:
        rows = self._store.conn.execute(
            "SELECT device_id, label, public_key, enrolled, revoked, enrolled_at"
            " FROM desk_devices ORDER BY device_id"
        ).fetchall()
        return [DeskDevice(r[0], r[1], _blob(r[2]), bool(r[3]), bool(r[4]), r[5]) for r in rows]

    # -- envelopes -------------------------------------------------------------------------

    def known_envelopes(self, envelope_ids: Sequence[str]) -> set[str]:
        """Which of these envelope ids the desk already recorded (stored or refused)."""
        known: set[str] = set()
        for start in range(0, len(envelope_ids), 500):
            chunk = list(envelope_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._store.conn.execute(
                f"SELECT envelope_id FROM desk_envelopes WHERE envelope_id IN ({marks})", chunk
            ).fetchall()
            known.update(r[0] for r in rows)
        return known

    def store_page(
        self,
        envelopes: Sequence[EnvelopeRecord],
        reports: Sequence[ReceivedReport],
        next_cursor: int | None,
        now: datetime,
    ) -> PageResult:
        """Store one pulled page and move the cursor to `next_cursor`, in one transaction.

        `envelopes` are the page's chunks, messages and refusals; `reports` its verified
        reports. An envelope id already recorded is skipped (a repeated page); a report
        whose id the desk already holds under another envelope is recorded as refused
        ("duplicate_report"). Then every photo whose chunks have all arrived is
        reassembled and checked (`photos_completed`). The cursor never moves back; with
        ``next_cursor`` None (envelopes that came by hand) it and the pull time stay.
        """
        new_reports = refused = duplicates = 0
        stored: list[ReceivedReport] = []
        links: list[ChainArrival] = []
        again: list[tuple[str, str]] = []
        with self._store.transaction() as conn:
            for record in envelopes:
                if _insert_envelope(conn, record, now):
                    refused += record.outcome == "refused"
                    if record.chain is not None:  # refused after its signature: arrived
                        links.append(record.chain)
                else:
                    duplicates += 1
                    again.append((record.device_id, record.envelope_id))
            # One look-up per page, then the rows in a few statements: a pull's page is
            # hundreds of reports.
            held_envelopes = _present(
                conn, "desk_envelopes", "envelope_id", [r.envelope.envelope_id for r in reports]
            )
            held_reports = _present(
                conn, "desk_reports", "id", [r.finished_row().id for r in reports]
            )
            envelope_rows: list[EnvelopeRecord] = []
            for received in reports:
                report_id = received.finished_row().id
                if received.envelope.envelope_id in held_envelopes:
                    duplicates += 1
                    again.append((received.envelope.device_id, received.envelope.envelope_id))
                    continue
                held_envelopes.add(received.envelope.envelope_id)
                if received.envelope.chain is not None:
                    links.append(received.envelope.chain)
                if report_id in held_reports:
                    envelope_rows.append(
                        received.envelope.refused(
                            "duplicate_report",
                            "another envelope already delivered this report revision",
                        )
                    )
                    refused += 1
                    continue
                held_reports.add(report_id)
                envelope_rows.append(received.envelope)
                stored.append(received)
                new_reports += 1
            _insert_envelopes(conn, envelope_rows, now)
            _insert_reports(conn, stored)
            record_links(conn, links, now)
            record_again(conn, again, now)
            completed = _assemble(conn)
            if stored:
                apply_held_events(conn, [r.finished_row().id for r in stored])
            if next_cursor is not None:
                conn.execute(
                    "UPDATE desk_server SET cursor = max(cursor, ?), last_pull_at = ? WHERE id = 1",
                    (next_cursor, _fmt(now)),
                )
        return PageResult(new_reports, refused, duplicates, completed)

    def refusals(self) -> list[EnvelopeRecord]:
        """Envelopes the desk refused, in server order, with reason and message."""
        rows = self._store.conn.execute(
            "SELECT envelope_id, seq, device_id, kind, size, received_at, outcome, reason,"
            " message FROM desk_envelopes WHERE outcome = 'refused' ORDER BY seq"
        ).fetchall()
        return [EnvelopeRecord(*r) for r in rows]

    def envelope_count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM desk_envelopes").fetchone()[0])

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


_INSERT_ENVELOPE = (
    "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size, received_at,"
    " pulled_at, outcome, reason, message, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (envelope_id) DO NOTHING"
)


def _envelope_params(record: EnvelopeRecord, pulled_at: str) -> tuple[Any, ...]:
    return (
        record.envelope_id,
        record.seq,
        record.device_id,
        record.kind,
        record.size,
        record.received_at,
        pulled_at,
        record.outcome,
        record.reason,
        record.message,
        record.payload,
    )


def _insert_envelope(conn: Any, record: EnvelopeRecord, now: datetime) -> bool:
    cursor = conn.execute(_INSERT_ENVELOPE, _envelope_params(record, _fmt(now)))
    return int(cursor.rowcount) == 1


def _insert_envelopes(conn: Any, records: Sequence[EnvelopeRecord], now: datetime) -> None:
    pulled_at = _fmt(now)
    conn.executemany(_INSERT_ENVELOPE, [_envelope_params(r, pulled_at) for r in records])


def _present(conn: Any, table: str, column: str, values: Sequence[Any]) -> set[Any]:
    """Which of ``values`` the table's (indexed) ``column`` holds."""
    found: set[Any] = set()
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk
            ).fetchall()
        )
    return found


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


def _insert_reports(conn: Any, received: Sequence[ReceivedReport]) -> None:
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


def _assemble(conn: Any) -> int:
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


def _blob(value: object) -> bytes | None:
    return None if value is None else bytes(value)  # type: ignore[call-overload]


def _fmt(moment: datetime) -> str:
    return format_utc(moment)


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _opt_time(text: str | None) -> datetime | None:
    return None if text is None else _time(text)
