"""Opened lists from the desks to one device (sync/payloads/opened.py): kept as received, paged to
the device, and forgotten once the device has asked past them."""

from __future__ import annotations

import hashlib

from sync import protocol
from sync.server.database import LOCK_OPENED, Database
from sync.server.records import timestamp, utc_now


class OpenedLists:
    """The ``opened`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, desk_token_id: int, device_id: str, data: bytes) -> int:
        """Keep a list for a device; the same bytes again keep their first number."""
        digest = hashlib.sha256(data).hexdigest()
        with self._db.transaction() as conn:
            self._db.serialize(conn, LOCK_OPENED)
            row = conn.execute(
                "INSERT INTO opened (device_id, desk_token_id, body, sha256, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING RETURNING seq",
                (device_id, desk_token_id, data, digest, timestamp(utc_now())),
            ).fetchone()
            if row is None:
                row = conn.execute("SELECT seq FROM opened WHERE sha256 = ?", (digest,)).fetchone()
        return int(row[0])

    def page(
        self, device_id: str, after: int, limit: int, max_bytes: int
    ) -> tuple[list[protocol.StoredOpened], int, bool]:
        """Lists for ``device_id`` with ``seq > after``, ascending and bounded; those up to
        ``after`` the device has read, so they are deleted."""
        out: list[protocol.StoredOpened] = []
        total = 0
        next_after = after
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM opened WHERE device_id = ? AND seq <= ?", (device_id, after))
            rows = conn.execute(
                "SELECT seq, body FROM opened WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                (device_id, after, limit),
            ).fetchall()
            for seq, body in rows:
                if out and total + len(body) > max_bytes:
                    break
                total += len(body)
                next_after = int(seq)
                out.append(
                    protocol.StoredOpened(seq=int(seq), data=protocol.encode_base64(bytes(body)))
                )
            more = (
                conn.execute(
                    "SELECT 1 FROM opened WHERE device_id = ? AND seq > ? LIMIT 1",
                    (device_id, next_after),
                ).fetchone()
                is not None
            )
        return out, next_after, more
