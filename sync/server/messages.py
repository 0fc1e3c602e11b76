"""Messages from the desks to one device: queued idempotently, paged to the device."""

from __future__ import annotations

import hashlib

from sync import protocol
from sync.server.database import LOCK_MESSAGES, Database
from sync.server.records import Conflict, timestamp, utc_now


class Messages:
    """The ``messages`` table (and each device's ``message_cursor``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def put(
        self, desk_token_id: int, device_id: str, message_id: str, data: bytes
    ) -> protocol.MessageReceipt | Conflict:
        """Queue an opaque message for a device; idempotent by ``message_id`` like uploads."""
        digest = hashlib.sha256(data).hexdigest()
        now = timestamp(utc_now())
        with self._db.transaction() as conn:
            self._db.serialize(conn, LOCK_MESSAGES)
            row = conn.execute(
                "INSERT INTO messages (message_id, device_id, desk_token_id, size, body, "
                "sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (message_id) DO NOTHING RETURNING seq",
                (message_id, device_id, desk_token_id, len(data), data, digest, now),
            ).fetchone()
            if row is not None:
                row = (row[0], device_id, digest, now)
            else:
                row = conn.execute(
                    "SELECT seq, device_id, sha256, created_at FROM messages WHERE message_id = ?",
                    (message_id,),
                ).fetchone()
        if str(row[1]) != device_id or str(row[2]) != digest:
            return Conflict(message_id)
        return protocol.MessageReceipt(
            message_id=message_id,
            device_id=device_id,
            seq=int(row[0]),
            created_at=str(row[3]),
            sha256=digest,
        )

    def page(
        self, device_id: str, after: int, limit: int, max_bytes: int
    ) -> tuple[list[protocol.StoredMessage], int, bool]:
        """Messages for ``device_id`` with ``seq > after``, ascending, bounded like
        :meth:`Envelopes.page`. Also records ``after`` as what the device has received."""
        out: list[protocol.StoredMessage] = []
        total = 0
        next_after = after
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE devices SET message_cursor = ? WHERE id = ? AND message_cursor < ?",
                (after, device_id, after),
            )
            rows = conn.execute(
                "SELECT seq, message_id, size, sha256, created_at, body FROM messages "
                "WHERE device_id = ? AND seq > ? AND purged_at IS NULL ORDER BY seq LIMIT ?",
                (device_id, after, limit),
            ).fetchall()
            for row in rows:
                size = int(row[2])
                if out and total + size > max_bytes:
                    break
                total += size
                next_after = int(row[0])
                out.append(
                    protocol.StoredMessage(
                        seq=int(row[0]),
                        message_id=str(row[1]),
                        size=size,
                        sha256=str(row[3]),
                        created_at=str(row[4]),
                        data=protocol.encode_base64(bytes(row[5])),
                    )
                )
            more = (
                conn.execute(
                    "SELECT 1 FROM messages WHERE device_id = ? AND seq > ? AND purged_at IS NULL"
                    " LIMIT 1",
                    (device_id, next_after),
                ).fetchone()
                is not None
            )
        return out, next_after, more
