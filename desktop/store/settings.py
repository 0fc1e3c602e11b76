"""Settings kept inside the encrypted store (never in QSettings, which is plaintext)."""

from __future__ import annotations

import json
from typing import Any

from desktop.store.database import Store

MAX_SETTING_BYTES = 64 * 1024


class SettingsRepository:
    """Key → JSON value pairs. Keys are short dotted names like "lock.idle_minutes"."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value, or `default` when the key was never set."""
        row = self._store.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (key,)
        ).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value. Raises `ValueError` for a bad key or size."""
        if not key or len(key) > 100:
            raise ValueError("a setting key is 1 to 100 characters")
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        if len(text.encode()) > MAX_SETTING_BYTES:
            raise ValueError("the setting's value is too large")
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    def delete(self, key: str) -> None:
        """Forget a setting; its default applies again."""
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))
