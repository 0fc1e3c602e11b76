"""The store's health check, right after unlock, on a thread of its own.

With 100,000 reports SQLCipher's page check and SQLite's structure check take seconds:
on the store worker they would hold up the list's first rows. So the check opens its own
connection on a plain thread, with the key the unlock already derived (`Store.open_sibling`:
no second Argon2id run, whose 64 MiB would land on top of the list's first load), and its
verdict comes back by a queued signal. A lock or a wipe interrupts it: the connection is
interrupted, the verdict dropped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.services.safety import IntegrityResult, check_integrity
from desktop.store.database import Store


class HealthCheck(QObject):
    """`damaged` carries the IntegrityResult of a store found damaged; a whole store and
    an interrupted or failed check emit nothing (a failure to open is the unlock's to
    report)."""

    damaged = Signal(object)
    checked = Signal(object)  # every verdict, whole or not (for the status line and tests)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = 0
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._thread: threading.Thread | None = None

    def start(self, open_store: Callable[[], Store]) -> None:
        """Check the store that ``open_store`` opens a connection to, in the background."""
        self.stop()
        session = self._session

        def run() -> None:
            try:
                store = open_store()
            except Exception:
                return
            with self._lock:
                if session != self._session:
                    store.close()
                    return
                self._store = store
            try:
                result = check_integrity(store)
            except Exception:
                return
            finally:
                with self._lock:
                    self._store = None
                with contextlib.suppress(Exception):
                    store.close()
            if session == self._session:
                self._report(result, session)

        self._thread = threading.Thread(target=run, name="gatewatch-health", daemon=True)
        self._thread.start()

    def _report(self, result: IntegrityResult, session: int) -> None:
        # Emitted from the check's thread: Qt queues it to the receivers on the GUI thread.
        self.checked.emit((session, result))
        if not result.ok:
            self.damaged.emit((session, result))

    def current(self, payload: object) -> IntegrityResult | None:
        """The result in a signal's payload, or None if it belongs to an older session."""
        if not isinstance(payload, tuple) or payload[0] != self._session:
            return None
        result = payload[1]
        return result if isinstance(result, IntegrityResult) else None

    def stop(self, wait: float = 0.0) -> None:
        """Drop the running check's verdict and interrupt its reads."""
        with self._lock:
            self._session += 1
            store = self._store
            if store is not None and not store.closed:
                with contextlib.suppress(Exception):
                    store.conn.interrupt()  # safe from any thread
        thread = self._thread
        if wait and thread is not None:
            thread.join(wait)
