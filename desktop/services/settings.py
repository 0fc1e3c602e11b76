"""The window's settings in the store (language, auto-lock, photo size, the desk's time
zone…), written as the Settings dialog or the first run chose them. The two the unlock
screen needs before the store is open are also kept beside it (desktop/services/unlock.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.store.database import Store
from desktop.store.settings import SettingsRepository


def write_settings(store: Store, values: Mapping[str, Any]) -> None:
    """Keep each of `values` (JSON values by their dotted keys) in the store."""
    settings = SettingsRepository(store)
    for key, value in values.items():
        settings.set(key, value)
