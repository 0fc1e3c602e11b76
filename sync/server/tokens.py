"""Devices and desk tokens: invites, enrolment, revocation, and who a token belongs to.

Tokens are stored only as SHA-256 hashes; a token is shown once, when it is made.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from sync.envelope import DESK_SENDER_ID
from sync.server.database import Connection, Database
from sync.server.records import DeviceRow, TokenRecord, new_token, timestamp, token_hash, utc_now


def reserve_desk_sender(conn: Connection, now: str) -> None:
    """The devices row the desks' review envelopes hang on (envelopes name a device).

    Revoked from birth with a token hash no token has (random bytes), it can never
    authenticate or receive messages; `devices` leaves it out of every listing.
    """
    conn.execute(
        "INSERT INTO devices (id, label, token_hash, enrolled, revoked, created_at,"
        " invite_expires_at, revoked_at) VALUES (?, 'newsroom desks', ?, 0, 1, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (DESK_SENDER_ID, secrets.token_bytes(32), now, now, now),
    )


class Tokens:
    """The ``devices`` and ``desk_tokens`` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def create_invite(self, label: str | None, valid_days: int) -> tuple[str, str, str]:
        """A new device awaiting enrolment; return ``(device_id, token, expires_at)``."""
        token = new_token()
        device_id = "gw-" + secrets.token_hex(10)
        now = utc_now()
        expires = timestamp(now + timedelta(days=valid_days))
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO devices (id, label, token_hash, created_at, invite_expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (device_id, label, token_hash(token), timestamp(now), expires),
            )
        return device_id, token, expires

    def create_desk_token(self, label: str | None) -> tuple[int, str]:
        """A new desk token; return ``(id, token)``."""
        token = new_token()
        with self._db.transaction() as conn:
            row = conn.execute(
                "INSERT INTO desk_tokens (label, token_hash, created_at) VALUES (?, ?, ?)"
                " RETURNING id",
                (label, token_hash(token), timestamp(utc_now())),
            ).fetchone()
        return int(row[0]), token

    def lookup_token(self, digest: bytes) -> TokenRecord | None:
        """Who holds the token whose hash is ``digest``; ``None`` for nobody.

        The row is found by its hash (an index) and then compared in constant time.
        """
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT id, token_hash, enrolled, revoked, invite_expires_at FROM devices "
                "WHERE token_hash = ?",
                (digest,),
            ).fetchone()
            if row is not None and hmac.compare_digest(bytes(row[1]), digest):
                if row[2]:
                    return TokenRecord("device", str(row[0]), bool(row[3]))
                expired = str(row[4]) <= timestamp(utc_now())
                return TokenRecord("invite", str(row[0]), bool(row[3]), expired)
            row = conn.execute(
                "SELECT id, token_hash, revoked FROM desk_tokens WHERE token_hash = ?", (digest,)
            ).fetchone()
            if row is not None and hmac.compare_digest(bytes(row[1]), digest):
                return TokenRecord("desk", str(row[0]), bool(row[2]))
        return None

    def enroll(
        self,
        device_id: str,
        public_key: bytes,
        label: str | None,
        device_token_hash: bytes | None = None,
    ) -> bool:
        """Register the signing key of an invited device, once; with ``device_token_hash``
        the device's token replaces the invite's, which is dead from then on.

        Returns False (and changes nothing) when the device is already enrolled, revoked
        or unknown.
        """
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET public_key = ?, enrolled = 1, enrolled_at = ?, "
                "label = coalesce(label, ?), token_hash = coalesce(?, token_hash) "
                "WHERE id = ? AND enrolled = 0 AND revoked = 0",
                (public_key, timestamp(utc_now()), label, device_token_hash, device_id),
            )
            return int(cursor.rowcount) == 1

    def revoke_device(self, device_id: str) -> bool:
        """Revoke a device (or an unused invite); False when no such device. Idempotent."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET revoked = 1, revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
                (timestamp(utc_now()), device_id),
            )
            return int(cursor.rowcount) == 1

    def revoke_desk_token(self, token_id: int) -> bool:
        with self._db.transaction() as conn:
            cursor = conn.execute("UPDATE desk_tokens SET revoked = 1 WHERE id = ?", (token_id,))
            return int(cursor.rowcount) == 1

    def device_state(self, device_id: str) -> TokenRecord | None:
        """Whether ``device_id`` exists, is enrolled and is revoked; ``None`` if unknown."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT enrolled, revoked FROM devices WHERE id = ?", (device_id,)
            ).fetchone()
        if row is None:
            return None
        return TokenRecord("device" if row[0] else "invite", device_id, bool(row[1]))

    def devices(self) -> list[DeviceRow]:
        """Every device, invited or enrolled, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT d.id, d.label, d.public_key, d.enrolled, d.revoked, d.created_at, "
                "d.enrolled_at, d.invite_expires_at, count(e.seq), max(e.received_at), "
                "d.encryption_key, d.encryption_key_signature "
                "FROM devices d LEFT JOIN envelopes e ON e.device_id = d.id "
                "WHERE d.id != ? GROUP BY d.id ORDER BY d.created_at, d.id",
                (DESK_SENDER_ID,),
            ).fetchall()
        return [
            DeviceRow(
                device_id=str(r[0]),
                label=None if r[1] is None else str(r[1]),
                public_key=None if r[2] is None else bytes(r[2]),
                enrolled=bool(r[3]),
                revoked=bool(r[4]),
                created_at=str(r[5]),
                enrolled_at=None if r[6] is None else str(r[6]),
                invite_expires_at=str(r[7]),
                envelopes=int(r[8]),
                last_upload_at=None if r[9] is None else str(r[9]),
                encryption_key=None if r[10] is None else str(r[10]),
                encryption_key_signature=None if r[11] is None else bytes(r[11]),
            )
            for r in rows
        ]
