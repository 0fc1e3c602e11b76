"""What the server forgets: delivered envelopes and messages, undelivered ones past retention.

Every desk token has an acknowledgement cursor (``desk_tokens.ack_cursor``): the desk
acknowledges (``POST /v1/envelopes/ack``) the highest seq it has stored. An envelope's bytes
are deleted once every desk token that existed (and is not revoked) when the envelope
arrived has acknowledged it, and at least one desk has: the row stays, without its body
(``purged_at`` set), as the receipt that keeps a device's retry idempotent. Envelopes no
desk acknowledged within ``undelivered_days`` are deleted the same way. A message to a
device goes once the device asks for its messages after it (``GET /v1/messages?after=``:
the device stores what it received before asking on), or after the same retention.

Deleting leaves no copy behind in SQLite: ``secure_delete`` zeroes the freed pages, a
truncating WAL checkpoint right after drops the WAL frames that still held the bytes, and
VACUUM (on the housekeeper's schedule) shrinks the file. PostgreSQL keeps a deleted value
in its old row version until VACUUM (autovacuum, and the housekeeper's) reclaims it, and in
its write-ahead log and any backups and replicas: docs/server.md says what that means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.server.database import Database
from sync.server.records import timestamp, utc_now
from sync.server.settings import Settings

SETTING_AUDIT_DAYS = "retention_audit_days"
SETTING_UNDELIVERED_DAYS = "retention_undelivered_days"
DEFAULT_AUDIT_DAYS = 30
DEFAULT_UNDELIVERED_DAYS = 180
MAX_DAYS = 3650

_DELIVERED = """
    UPDATE envelopes SET body = ?, purged_at = ?
    WHERE purged_at IS NULL AND seq <= ?
      AND EXISTS (SELECT 1 FROM desk_tokens t WHERE t.revoked = 0 AND t.ack_cursor >= envelopes.seq)
      AND NOT EXISTS (
        SELECT 1 FROM desk_tokens t
        WHERE t.revoked = 0 AND t.created_at <= envelopes.received_at
          AND t.ack_cursor < envelopes.seq)
"""


@dataclass(frozen=True)
class RetentionPolicy:
    """Days the audit log and undelivered envelopes are kept."""

    audit_days: int = DEFAULT_AUDIT_DAYS
    undelivered_days: int = DEFAULT_UNDELIVERED_DAYS


class Retention:
    """Acknowledgements and purges."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def policy(self) -> RetentionPolicy:
        rows = Settings(self._db).get_many(SETTING_AUDIT_DAYS, SETTING_UNDELIVERED_DAYS)
        return RetentionPolicy(
            audit_days=int(rows.get(SETTING_AUDIT_DAYS, DEFAULT_AUDIT_DAYS)),
            undelivered_days=int(rows.get(SETTING_UNDELIVERED_DAYS, DEFAULT_UNDELIVERED_DAYS)),
        )

    def set_policy(
        self, *, audit_days: int | None = None, undelivered_days: int | None = None
    ) -> RetentionPolicy:
        changes = [(SETTING_AUDIT_DAYS, audit_days), (SETTING_UNDELIVERED_DAYS, undelivered_days)]
        for _, days in changes:
            if days is not None and not 1 <= days <= MAX_DAYS:
                raise ValueError(f"a retention is 1 to {MAX_DAYS} days")
        Settings(self._db).put({key: str(days) for key, days in changes if days is not None})
        return self.policy()

    def acknowledge(self, desk_token_id: int, through: int) -> tuple[int, int]:
        """Record that desk ``desk_token_id`` has stored every envelope up to ``through``
        (capped at the newest seq: no desk acknowledges what has not arrived yet); delete
        the bytes that every desk due them now has. Returns ``(ack_cursor, purged)``."""
        now = timestamp(utc_now())
        with self._db.transaction() as conn:
            newest = conn.execute("SELECT coalesce(max(seq), 0) FROM envelopes").fetchone()[0]
            upto = min(through, int(newest))
            conn.execute(
                "UPDATE desk_tokens SET ack_cursor = ? WHERE id = ? AND ack_cursor < ?",
                (upto, desk_token_id, upto),
            )
            row = conn.execute(
                "SELECT ack_cursor FROM desk_tokens WHERE id = ?", (desk_token_id,)
            ).fetchone()
            cursor = 0 if row is None else int(row[0])
            purged = int(conn.execute(_DELIVERED, (b"", now, cursor)).rowcount)
        if purged:
            self.checkpoint()
        return cursor, purged

    def messages_received(self, device_id: str, through: int) -> int:
        """A device asked for its messages after ``through``: it has stored every one up to
        it, so their bytes go (the rows stay: a desk's retry gets its receipt). Returns
        how many were purged."""
        with self._db.transaction() as conn:
            purged = int(
                conn.execute(
                    "UPDATE messages SET body = ?, purged_at = ?"
                    " WHERE device_id = ? AND seq <= ? AND purged_at IS NULL",
                    (b"", timestamp(utc_now()), device_id, through),
                ).rowcount
            )
        if purged:
            self.checkpoint()
        return purged

    def purge_delivered(self) -> int:
        """Delete every envelope all its desks have acknowledged (e.g. after a desk token
        that held them back was revoked)."""
        with self._db.transaction() as conn:
            now = timestamp(utc_now())
            return int(conn.execute(_DELIVERED, (b"", now, 2**63 - 1)).rowcount)

    def purge_undelivered(self, days: int, now: datetime | None = None) -> int:
        """Delete the bytes of envelopes received, and messages posted, more than ``days``
        ago, delivered or not."""
        moment = now or utc_now()
        cutoff = timestamp(moment - timedelta(days=days))
        with self._db.transaction() as conn:
            return sum(
                int(
                    conn.execute(
                        f"UPDATE {table} SET body = ?, purged_at = ?"  # fixed names
                        f" WHERE purged_at IS NULL AND {column} < ?",
                        (b"", timestamp(moment), cutoff),
                    ).rowcount
                )
                for table, column in (("envelopes", "received_at"), ("messages", "created_at"))
            )

    def checkpoint(self) -> None:
        """Drop the copies of deleted bytes the engine keeps beside the data."""
        self._db.checkpoint()

    def vacuum(self) -> None:
        """Give the space of deleted rows back (and the bytes they held)."""
        self._db.vacuum()
