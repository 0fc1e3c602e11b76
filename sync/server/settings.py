"""The ``settings`` table: the newsroom key, the TLS certificate path, retention days,
release keys (releases.py) — one text value per key."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sync.server.database import Database

SETTING_NEWSROOM_KEY = "newsroom_public_key"
SETTING_NEWSROOM_FINGERPRINT = "newsroom_fingerprint"
SETTING_TLS_CERT = "tls_cert_path"

_PUT = (
    "INSERT INTO settings (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


class Settings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        """One value, or None."""
        with self._db.reading() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get_many(self, *keys: str) -> dict[str, str]:
        """The values of those ``keys`` that are set."""
        with self._db.reading() as conn:
            return {
                str(k): str(v)
                for k, v in conn.execute(
                    f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(keys))})",
                    keys,
                ).fetchall()
            }

    def put(self, values: Mapping[str, str]) -> None:
        """Write these settings together, in one transaction."""
        with self._db.transaction() as conn:
            conn.executemany(_PUT, list(values.items()))

    def delete(self, key: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    def tls_cert_path(self) -> Path | None:
        value = self.get(SETTING_TLS_CERT)
        return None if value is None else Path(value)

    def set_tls_cert_path(self, path: Path | None) -> None:
        if path is None:
            self.delete(SETTING_TLS_CERT)
        else:
            self.put({SETTING_TLS_CERT: str(path)})
