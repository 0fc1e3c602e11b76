"""The audit log: a row per request the API worked on, counts for the requests refused.

A request the gate refuses (no valid token, rate-limited, revoked, the wrong kind of token,
too large, server busy) costs the database nothing at the time: :class:`RefusalCounter`
counts it in memory under its minute, token kind, method, route and status, and the
housekeeper (housekeeping.py) writes the counts as one ``audit_counts`` row per
combination, at most once a minute. So anyone can make the server count, nobody can make
it write a row (an fsync under the one database lock) per request they send.

Rows and counts older than the retention (``settings``, default 30 days) are deleted on
the housekeeper's schedule, or at once with ``gatewatch-server audit --prune DAYS``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.server.database import Database
from sync.server.records import timestamp, utc_now

METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
"""Methods counted under their own name; any other is counted as ``other``."""
MAX_KEYS = 4096
"""Distinct counters held at most; past it, new combinations share one ``overflow`` key
(only reachable when the database cannot be written for a long time)."""


@dataclass(frozen=True)
class CountKey:
    minute: str  # "2026-01-31T06:15Z"
    token_kind: str
    method: str
    route: str
    status: int


@dataclass
class Tally:
    count: int = 0
    request_bytes: int = 0
    response_bytes: int = 0


def minute_of(moment: datetime) -> str:
    return timestamp(moment)[:16] + "Z"


class RefusalCounter:
    """Thread-safe counts of refused requests per minute and route, in bounded memory."""

    def __init__(self, max_keys: int = MAX_KEYS, clock: Callable[[], datetime] = utc_now) -> None:
        self._max_keys = max_keys
        self._clock = clock
        self._tallies: dict[CountKey, Tally] = {}
        self._lock = threading.Lock()

    def add(
        self,
        *,
        token_kind: str,
        method: str,
        route: str,
        status: int,
        request_bytes: int,
        response_bytes: int,
    ) -> None:
        key = CountKey(
            minute_of(self._clock()),
            token_kind,
            method if method in METHODS else "other",
            route,
            status,
        )
        with self._lock:
            tally = self._tallies.get(key)
            if tally is None:
                if len(self._tallies) >= self._max_keys:
                    key = CountKey(key.minute, "overflow", "other", "other", 0)
                tally = self._tallies.setdefault(key, Tally())
            tally.count += 1
            tally.request_bytes += request_bytes
            tally.response_bytes += response_bytes

    def __len__(self) -> int:
        with self._lock:
            return len(self._tallies)

    def drain(self) -> list[tuple[CountKey, Tally]]:
        """Take every count (the caller writes them, or gives them back with :meth:`restore`)."""
        with self._lock:
            out = list(self._tallies.items())
            self._tallies = {}
        return out

    def restore(self, items: Sequence[tuple[CountKey, Tally]]) -> None:
        """Put counts back that could not be written (they are added to newer ones)."""
        with self._lock:
            for key, tally in items:
                mine = self._tallies.setdefault(key, Tally())
                mine.count += tally.count
                mine.request_bytes += tally.request_bytes
                mine.response_bytes += tally.response_bytes


class AuditLog:
    """The ``audit`` and ``audit_counts`` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        *,
        token_kind: str,
        token_id: str | None,
        method: str,
        route: str,
        status: int,
        request_bytes: int,
        response_bytes: int,
    ) -> None:
        """Append one audit row: who, which route, the outcome and sizes. Never contents."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO audit (at, token_kind, token_id, method, route, status, "
                "request_bytes, response_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    timestamp(utc_now()),
                    token_kind,
                    token_id,
                    method,
                    route,
                    status,
                    request_bytes,
                    response_bytes,
                ),
            )

    def add_counts(self, items: Sequence[tuple[CountKey, Tally]]) -> None:
        """Add counts in one transaction (a minute written twice is summed, not repeated)."""
        if not items:
            return
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT INTO audit_counts (minute, token_kind, method, route, status, count,"
                " request_bytes, response_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (minute, token_kind, method, route, status) DO UPDATE SET"
                " count = audit_counts.count + excluded.count,"
                " request_bytes = audit_counts.request_bytes + excluded.request_bytes,"
                " response_bytes = audit_counts.response_bytes + excluded.response_bytes",
                [
                    (
                        k.minute,
                        k.token_kind,
                        k.method,
                        k.route,
                        k.status,
                        t.count,
                        t.request_bytes,
                        t.response_bytes,
                    )
                    for k, t in items
                ],
            )

    def prune(self, before: datetime) -> int:
        """Delete rows and counts older than ``before``; return how many rows went."""
        cutoff = timestamp(before)
        with self._db.transaction() as conn:
            rows = conn.execute("DELETE FROM audit WHERE at < ?", (cutoff,)).rowcount
            counts = conn.execute(
                "DELETE FROM audit_counts WHERE minute < ?", (minute_of(before),)
            ).rowcount
        return int(rows) + int(counts)

    def rows(self, limit: int = 1000) -> list[dict[str, Any]]:
        """The newest audit rows, newest first (for the admin and tests)."""
        return self._select(
            "SELECT id, at, token_kind, token_id, method, route, status, request_bytes, "
            "response_bytes FROM audit ORDER BY id DESC LIMIT ?",
            limit,
        )

    def counts(self, limit: int = 1000) -> list[dict[str, Any]]:
        """The newest refusal counts, newest minute first."""
        return self._select(
            "SELECT minute, token_kind, method, route, status, count, request_bytes, "
            "response_bytes FROM audit_counts ORDER BY minute DESC, count DESC LIMIT ?",
            limit,
        )

    def _select(self, sql: str, limit: int) -> list[dict[str, Any]]:
        with self._db.reading() as conn:
            cursor = conn.execute(sql, (limit,))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
