"""Keys the server keeps for others: each device's follow-up encryption key and the desks'
signing key. Each is registered once; the same key again is a no-op, another one refused.

Both are single conditional statements, so two server processes registering at once
cannot both win.
"""

from __future__ import annotations

import hmac

from sync.server.database import Database

SETTING_DESK_SIGNING_KEY = "desk_signing_key"


class Keys:
    """``devices.encryption_key``, ``devices.public_key`` and the desk signing key setting."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def set_encryption_key(self, device_id: str, key_text: str, signature: bytes) -> bool:
        """Register the encryption key of an enrolled device, once.

        Returns True when it is now the device's key (newly set, or the same key again:
        idempotent), False when a different key is already registered (nothing changed).
        """
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE devices SET encryption_key = ?, encryption_key_signature = ?"
                " WHERE id = ? AND encryption_key IS NULL",
                (key_text, signature, device_id),
            )
            row = conn.execute(
                "SELECT encryption_key FROM devices WHERE id = ?", (device_id,)
            ).fetchone()
        return row is not None and hmac.compare_digest(str(row[0]), key_text)

    def device_public_key(self, device_id: str) -> bytes | None:
        """The enrolled signing key of ``device_id``, or None."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT public_key FROM devices WHERE id = ? AND enrolled = 1", (device_id,)
            ).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def desk_signing_key(self) -> bytes | None:
        """The desks' Ed25519 public key (32 bytes), or None until a desk registered it."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (SETTING_DESK_SIGNING_KEY,)
            ).fetchone()
        return None if row is None else bytes.fromhex(str(row[0]))

    def set_desk_signing_key(self, public_key: bytes) -> bool:
        """Register the desks' signing key, once: True when it is now the key (new or the
        same again), False when another one is registered (nothing changed)."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (SETTING_DESK_SIGNING_KEY, public_key.hex()),
            )
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (SETTING_DESK_SIGNING_KEY,)
            ).fetchone()
        return hmac.compare_digest(str(row[0]), public_key.hex())
