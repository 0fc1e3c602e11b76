"""The store worker: one thread owns the SQLCipher connection; the GUI thread never waits.

Jobs are plain callables that take the open `Store`. Each runs on the worker thread, in
submission order; its result or exception comes back to the GUI thread through a signal,
where the job's `on_done` or `on_error` is called. A job submitted while no store is open
fails with `StoreLockedError` rather than waiting.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.store.database import Store

T = TypeVar("T")


class StoreLockedError(RuntimeError):
    """A job reached the worker while the store was locked (closed)."""


@dataclass(frozen=True)
class _Job:
    number: int
    work: Callable[[Store], Any]


class _Executor(QObject):
    """Lives on the worker thread; owns the Store."""

    finished = Signal(int, object, object)  # job number, result, exception

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            if self.store is None or self.store.closed:
                raise StoreLockedError("the store is locked")
            result = job.work(self.store)
        except Exception as error:  # handed to the GUI thread, never swallowed
            self.finished.emit(job.number, None, error)
        else:
            self.finished.emit(job.number, result, None)

    @Slot(object)
    def run_unlocked(self, job: _Job) -> None:
        # Opening, creating and closing: the jobs that run without an open store.
        try:
            result = job.work(self.store)  # type: ignore[arg-type]
        except Exception as error:
            self.finished.emit(job.number, None, error)
        else:
            self.finished.emit(job.number, result, None)


class StoreWorker(QObject):
    """The GUI thread's handle on the store thread. Create it on the GUI thread."""

    _submit = Signal(object)
    _submit_unlocked = Signal(object)
    opened = Signal()
    closed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("gatewatch-store")
        self._executor = _Executor()
        self._executor.moveToThread(self._thread)
        self._submit.connect(self._executor.run)
        self._submit_unlocked.connect(self._executor.run_unlocked)
        self._executor.finished.connect(self._deliver)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._numbers = itertools.count(1)
        self._is_open = False
        self._thread.start()

    @property
    def is_open(self) -> bool:
        """Whether the GUI thread has been told the store is open."""
        return self._is_open

    @property
    def busy(self) -> bool:
        """Whether jobs are still in flight."""
        return bool(self._callbacks)

    def submit(
        self,
        work: Callable[[Store], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run `work(store)` on the worker thread; call back on the GUI thread."""
        self._enqueue(self._submit, work, on_done, on_error)

    def open(
        self,
        opener: Callable[[], Store],
        on_done: Callable[[None], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run `opener` (unlock or create) on the worker thread; it owns the returned Store.

        Emits `opened` on success. Any store already open is closed first.
        """

        def work(_: Store | None) -> None:
            if self._executor.store is not None:
                self._executor.store.close()
                self._executor.store = None
            self._executor.store = opener()

        def done(result: None) -> None:
            self._is_open = True
            self.opened.emit()
            on_done(result)

        self._enqueue(self._submit_unlocked, work, done, on_error)

    def close(
        self,
        on_done: Callable[[None], None] | None = None,
        *,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Lock: close the connection on the worker thread, run `then` there (e.g. a wipe),
        and emit `closed`. Idempotent. Errors in `then` are ignored only if `on_done` is
        None; otherwise `closed` is still emitted and `on_done` gets None.
        """
        self._is_open = False

        def work(_: Store | None) -> None:
            store, self._executor.store = self._executor.store, None
            if store is not None:
                store.close()
            if then is not None:
                then()

        def done(result: None) -> None:
            self.closed.emit()
            if on_done is not None:
                on_done(result)

        self._enqueue(self._submit_unlocked, work, done, lambda error: done(None))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Finish the jobs already submitted, close the store and stop the thread.

        Blocks the calling (GUI) thread, at app exit only, until the jobs before it ran
        (so a last autosave is stored) or `timeout_ms` passed. Their callbacks are dropped.
        """
        if not self._thread.isRunning():
            return
        self._is_open = False
        finished = threading.Event()

        def work(_: Store | None) -> None:
            try:
                store, self._executor.store = self._executor.store, None
                if store is not None:
                    store.close()
            finally:
                finished.set()

        self._submit_unlocked.emit(_Job(0, work))
        finished.wait(timeout_ms / 1000)
        self._thread.quit()
        self._thread.wait()
        self._callbacks.clear()

    def _enqueue(
        self,
        signal: Any,
        work: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        number = next(self._numbers)
        self._callbacks[number] = (on_done, on_error)
        signal.emit(_Job(number, work))

    @Slot(int, object, object)
    def _deliver(self, number: int, result: object, error: object) -> None:
        callbacks = self._callbacks.pop(number, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if isinstance(error, Exception):
            on_error(error)
        else:
            on_done(result)
