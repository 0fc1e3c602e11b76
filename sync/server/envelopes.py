"""Envelopes: storing uploads idempotently, what a device has stored, pages for the desks."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from sync import protocol
from sync.envelope import DESK_SENDER_ID
from sync.server.database import LOCK_ENVELOPES, Database
from sync.server.page_json import PAGE_COLUMNS, envelope_page_json
from sync.server.records import Candidate, Conflict, timestamp, utc_now
from sync.server.tokens import reserve_desk_sender

_ID_CHUNK = 500  # ids per IN (...) list: far under either engine's limit on parameters


class Envelopes:
    """The ``envelopes`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def store(
        self, device_id: str, candidates: Sequence[Candidate]
    ) -> list[protocol.Receipt | Conflict]:
        """Store each new envelope; return one receipt or conflict per candidate, in order.

        All in one transaction: either every receipt returned is on disk, or an exception
        is raised and nothing was stored. An envelope already stored with the same bytes
        (sha256) from this device gets its original receipt again; any other body under an
        existing id is a :class:`Conflict` and stores nothing.
        """
        results: list[protocol.Receipt | Conflict] = []
        now = timestamp(utc_now())
        with self._db.transaction() as conn:
            self._db.serialize(conn, LOCK_ENVELOPES)
            if device_id == DESK_SENDER_ID:
                reserve_desk_sender(conn, now)
            for item in candidates:
                header = item.header
                row = conn.execute(
                    "INSERT INTO envelopes (envelope_id, device_id, kind, recipient_key_id,"
                    " kem, size, body, sha256, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (envelope_id) DO NOTHING RETURNING seq",
                    (
                        header.envelope_id,
                        device_id,
                        str(header.kind),
                        header.recipient_key_id,
                        header.kem,
                        len(item.data),
                        item.data,
                        item.sha256,
                        now,
                    ),
                ).fetchone()
                if row is not None:
                    row = (row[0], device_id, item.sha256, now)
                else:
                    row = conn.execute(
                        "SELECT seq, device_id, sha256, received_at FROM envelopes "
                        "WHERE envelope_id = ?",
                        (header.envelope_id,),
                    ).fetchone()
                same = str(row[1]) == device_id and hmac.compare_digest(str(row[2]), item.sha256)
                results.append(
                    protocol.Receipt(
                        envelope_id=header.envelope_id,
                        seq=int(row[0]),
                        received_at=str(row[3]),
                        sha256=item.sha256,
                    )
                    if same
                    else Conflict(header.envelope_id)
                )
        return results

    def missing(self, device_id: str, envelope_ids: Sequence[str]) -> list[str]:
        """The ids among ``envelope_ids`` this device has not stored, in the order asked."""
        have: set[str] = set()
        wanted = list(dict.fromkeys(envelope_ids))
        with self._db.reading() as conn:
            for start in range(0, len(wanted), _ID_CHUNK):
                chunk = wanted[start : start + _ID_CHUNK]
                marks = ", ".join("?" * len(chunk))
                have.update(
                    str(row[0])
                    for row in conn.execute(
                        "SELECT envelope_id FROM envelopes WHERE device_id = ? AND envelope_id"
                        f" IN ({marks})",  # placeholders only
                        (device_id, *chunk),
                    ).fetchall()
                )
        return [eid for eid in wanted if eid not in have]

    def page(
        self, after: int, limit: int, max_bytes: int
    ) -> tuple[list[protocol.StoredEnvelope], int, bool]:
        """Envelopes still held with ``seq > after`` ascending: at most ``limit`` of them and,
        past the first, at most ``max_bytes`` together. Returns ``(envelopes, next_after,
        more)``. Purged envelopes (retention.py) are skipped: their seqs are never reused."""
        rows, next_after, more = self._held(after, limit, max_bytes)
        envelopes = [
            protocol.StoredEnvelope(
                seq=int(row[0]),
                envelope_id=str(row[1]),
                device_id=str(row[2]),
                kind=str(row[3]),
                recipient_key_id=str(row[4]),
                kem=str(row[5]),
                size=int(row[6]),
                sha256=str(row[7]),
                received_at=str(row[8]),
                data=protocol.encode_base64(bytes(row[9])),
            )
            for row in rows
        ]
        return envelopes, next_after, more

    def page_json(self, after: int, limit: int, max_bytes: int) -> bytes:
        """The same page as :meth:`page`, as the JSON of ``protocol.EnvelopePage``
        (page_json.py): what ``GET /v1/envelopes`` sends, without a model per envelope."""
        rows, next_after, more = self._held(after, limit, max_bytes)
        return envelope_page_json(rows, next_after, more)

    def _held(self, after: int, limit: int, max_bytes: int) -> tuple[list[Any], int, bool]:
        """The rows (``PAGE_COLUMNS``) of the page, its ``next_after`` and ``more``. The
        bodies are encoded after the database is let go, so the page holds it no longer
        than the reads."""
        rows: list[Any] = []
        total = 0
        next_after = after
        with self._db.reading() as conn:
            cursor = conn.execute(
                f"SELECT {PAGE_COLUMNS} FROM envelopes WHERE seq > ? AND purged_at IS NULL "
                "ORDER BY seq LIMIT ?",
                (after, limit),
            )
            try:
                for row in cursor:
                    size = int(row[6])
                    if rows and total + size > max_bytes:
                        break
                    total += size
                    next_after = int(row[0])
                    rows.append(row)
            finally:
                cursor.close()
            more = (
                conn.execute(
                    "SELECT 1 FROM envelopes WHERE seq > ? AND purged_at IS NULL LIMIT 1",
                    (next_after,),
                ).fetchone()
                is not None
            )
        return rows, next_after, more
