"""Counts for ``gatewatch-server stats``, read across every table."""

from __future__ import annotations

from sync.server.database import Database
from sync.server.records import timestamp, utc_now


def stats(db: Database) -> dict[str, int]:
    """``envelopes`` and ``envelope_bytes`` as received (receipts included),
    ``envelopes_stored`` and ``bytes_stored`` still held, and the other tables' sizes."""
    with db.reading() as conn:

        def one(sql: str, *params: object) -> tuple[int, ...]:
            return tuple(int(v) for v in conn.execute(sql, params).fetchone())

        envelopes, stored_bytes = one("SELECT count(*), coalesce(sum(size), 0) FROM envelopes")
        devices, revoked = one(
            "SELECT count(*), coalesce(sum(revoked), 0) FROM devices WHERE enrolled = 1"
        )
        (invites,) = one(
            "SELECT count(*) FROM devices WHERE enrolled = 0 AND revoked = 0 "
            "AND invite_expires_at > ?",
            timestamp(utc_now()),
        )
        messages, messages_held = one(
            "SELECT count(*), count(*) FILTER (WHERE purged_at IS NULL) FROM messages"
        )
        (desk,) = one("SELECT count(*) FROM desk_tokens WHERE revoked = 0")
        (audit,) = one("SELECT count(*) FROM audit")
        (audit_counts,) = one("SELECT count(*) FROM audit_counts")
        held, held_bytes = one(
            "SELECT count(*), coalesce(sum(octet_length(body)), 0) FROM envelopes"
            " WHERE purged_at IS NULL"
        )
    return {
        "envelopes": envelopes,
        "envelope_bytes": stored_bytes,
        "envelopes_stored": held,
        "bytes_stored": held_bytes,
        "devices": devices,
        "devices_revoked": revoked,
        "invites_pending": invites,
        "messages": messages,
        "messages_stored": messages_held,
        "desk_tokens": desk,
        "audit_rows": audit,
        "audit_count_rows": audit_counts,
    }
