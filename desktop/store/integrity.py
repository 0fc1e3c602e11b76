"""Is the store whole? SQLCipher's page check, then SQLite's own structure check.

Two checks, both read-only, both over the whole database file:

- ``PRAGMA cipher_integrity_check``: every page's HMAC, against the key. A page that was
  damaged on disk (a bad sector, a torn copy, a byte flipped) fails here even if nothing
  has read it yet.
- ``PRAGMA quick_check``: SQLite's own check of the b-trees (no index-to-table cross
  check, which is what makes ``integrity_check`` slow). Skipped when the page check failed:
  it would only stop at the first damaged page.

Neither repairs anything. A damaged store keeps working for what is still readable; the
way out is a backup (desktop/store/backup.py).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from desktop.store.database import Store
from desktop.store.errors import StoreDamagedError, store_error_from

# Enough to say "damaged" and how badly; the rest would only fill memory.
MAX_PROBLEMS = 100
# The checks read every page once: a cache as large as the store's (32 MiB) would only
# hold memory while the window loads its lists beside it. KiB, as cache_size counts.
CHECK_CACHE_KIB = 2048


@dataclass(frozen=True)
class IntegrityResult:
    """The outcome of `check_integrity`. ``problems`` are SQLite's own lines (for support,
    never shown as the message: they name pages, not content); empty when whole."""

    damaged_pages: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(store: Store) -> IntegrityResult:
    """Run the page check, then (if the pages are whole) the structure check.

    Returns the result; raises StoreIOError if the disk refuses the reads. A store so
    damaged that a check cannot even run is reported as damaged, not raised.
    """
    conn = store.conn
    kept_cache: int | None = None
    with contextlib.suppress(Exception):  # a store too damaged for this: the checks say so
        kept_cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
        conn.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
    try:
        return _check(conn)
    finally:
        if kept_cache is not None:
            with contextlib.suppress(Exception):
                conn.execute(f"PRAGMA cache_size = {kept_cache}")


def _check(conn: Any) -> IntegrityResult:
    problems: list[str] = []
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchmany(MAX_PROBLEMS)
        problems += [str(row[0]) for row in rows]
        damaged_pages = len(problems)
        if not problems:
            rows = conn.execute("PRAGMA quick_check(100)").fetchall()
            problems += [str(row[0]) for row in rows if row[0] != "ok"]
    except Exception as e:
        typed = store_error_from(e)
        if not isinstance(typed, StoreDamagedError):
            if typed is None:
                raise
            raise typed from e
        return IntegrityResult(damaged_pages=max(len(problems), 1), problems=(*problems, str(e)))
    return IntegrityResult(damaged_pages=damaged_pages, problems=tuple(problems))
