"""The server's schedule, on one background thread while it serves.

- every ``flush_seconds`` (a minute): the refusal counts (audit.py) go to the database as
  one row per minute, route, method, status and token kind;
- every ``sweep_seconds`` (an hour) and at start: audit rows past their retention are
  deleted, envelopes past the undelivered retention and any all desks acknowledged are
  purged (retention.py);
- every ``vacuum_seconds`` (a day), when anything was purged since the last one: VACUUM.

A failure (disk full, say) is logged and tried again at the next turn; counts that could
not be written are kept for it. Stopping flushes the counts one last time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sync.server.audit import RefusalCounter
from sync.server.store import ServerStore, utc_now

log = logging.getLogger("gatewatch.server")


@dataclass(frozen=True)
class Sweep:
    audit_rows: int
    undelivered: int
    delivered: int


class Housekeeper:
    """Runs the schedule for one server; :meth:`start` once, :meth:`stop` at shutdown."""

    def __init__(
        self,
        store: ServerStore,
        counter: RefusalCounter,
        *,
        flush_seconds: float = 60.0,
        sweep_seconds: float = 3600.0,
        vacuum_seconds: float = 86400.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._counter = counter
        self._audit = store.audit
        self._retention = store.retention
        self._flush_seconds = flush_seconds
        self._sweep_seconds = sweep_seconds
        self._vacuum_seconds = vacuum_seconds
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._purged_since_vacuum = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="gatewatch-housekeeping", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """End the schedule and write the counts not yet written."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._guarded(self.flush)

    def flush(self) -> int:
        """Write the refusal counts; return how many combinations were written."""
        items = self._counter.drain()
        try:
            self._audit.add_counts(items)
        except BaseException:
            self._counter.restore(items)
            raise
        return len(items)

    def sweep(self) -> Sweep:
        """Apply the retention policy now."""
        policy = self._retention.policy()
        result = Sweep(
            audit_rows=self._audit.prune(utc_now() - timedelta(days=policy.audit_days)),
            undelivered=self._retention.purge_undelivered(policy.undelivered_days),
            delivered=self._retention.purge_delivered(),
        )
        if result.undelivered or result.delivered:
            self._purged_since_vacuum = True
            self._retention.checkpoint()
        return result

    def vacuum(self) -> None:
        self._retention.vacuum()
        self._purged_since_vacuum = False

    def _run(self) -> None:
        now = self._clock()
        next_flush = now + self._flush_seconds
        next_sweep = now  # at start
        next_vacuum = now + self._vacuum_seconds
        while True:
            wait = max(0.0, min(next_flush, next_sweep, next_vacuum) - self._clock())
            if self._stop.wait(wait):
                return
            now = self._clock()
            if now >= next_flush:
                self._guarded(self.flush)
                next_flush = now + self._flush_seconds
            if now >= next_sweep:
                self._guarded(self.sweep)
                next_sweep = now + self._sweep_seconds
            if now >= next_vacuum:
                if self._purged_since_vacuum:
                    self._guarded(self.vacuum)
                next_vacuum = now + self._vacuum_seconds

    def _guarded(self, job: Callable[[], object]) -> None:
        try:
            job()
        except Exception as exc:  # the next turn tries again; serving goes on
            log.warning("housekeeping failed (%s); it is tried again", exc.__class__.__name__)
