"""The store worker: one thread owns the SQLCipher connection; the GUI thread never waits.

Jobs are plain callables that take the open `Store`. Each runs on the worker thread, in
submission order; its result or exception comes back to the GUI thread through a signal,
where the job's `on_done` or `on_error` is called. A job submitted while no store is open
fails with `StoreLockedError` rather than waiting.

Sessions: every `close()` (a lock, a wipe) starts a new session. The callbacks of jobs
submitted in an older session are **dropped silently**, never called: whatever they would
show (a draft's text, a list, an error about a store that is now locked) must not reach a
widget after the lock. The jobs themselves still run, in order, so a last save submitted
just before the lock is stored; `close(skip_pending=True)` (a wipe) skips the ones not yet
started, and `close(cancel_imports=True)` / `shutdown()` skip queued jobs submitted with
`cancellable=True` (photo imports: the file is still where the user took it from).
Whoever keeps "a job is in flight" state must reset it when it forgets what it showed.

Commands: `command()` runs a job that returns `Changes` (or `Done`, a value with its
`Changes`) and, on the GUI thread, emits `changed` with them before calling the job's
`on_done` — every view listening decides for itself whether to refresh. A command whose
session ended still changed the store, but nobody who saw the old session is left to tell.
`broadcast()` emits `changed` for a command run on another worker's connection to the same
store (background sync), so the views hear of it as of any other.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.services.changes import Changes, Done
from desktop.store.database import Store

T = TypeVar("T")


class StoreLockedError(RuntimeError):
    """A job reached the worker while the store was locked (closed)."""


@dataclass(frozen=True)
class _Job:
    number: int
    work: Callable[[Store], Any]
    cancellable: bool = False


class _SkipRule:
    """Which queued jobs the executor skips; written on the GUI thread, read on the worker.

    Plain int attributes: each read and write is atomic under the GIL, and a job that
    slips past a rule set a moment later was already running.
    """

    def __init__(self) -> None:
        self.all_before = 0  # job numbers below this are skipped
        self.cancellable_before = 0  # cancellable jobs below this are skipped

    def skips(self, job: _Job) -> bool:
        return job.number < self.all_before or (
            job.cancellable and job.number < self.cancellable_before
        )


class _Executor(QObject):
    """Lives on the worker thread; owns the Store."""

    finished = Signal(int, object, object)  # job number, result, exception

    def __init__(self, skip: _SkipRule) -> None:
        super().__init__()
        self.store: Store | None = None
        self._skip = skip

    @Slot(object)
    def run(self, job: _Job) -> None:
        if self._skip.skips(job):
            return  # its callbacks belonged to an older session: nobody waits for them
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
        if self._skip.skips(job):
            return
        try:
            result = job.work(self.store)  # type: ignore[arg-type]
        except Exception as error:
            self.finished.emit(job.number, None, error)
        else:
            self.finished.emit(job.number, result, None)


@dataclass(frozen=True)
class _Callbacks:
    session: int
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None]


class StoreWorker(QObject):
    """The GUI thread's handle on the store thread. Create it on the GUI thread."""

    _submit = Signal(object)
    _submit_unlocked = Signal(object)
    opened = Signal()
    closed = Signal()
    changed = Signal(object)  # Changes, after each command, before its caller hears

    def __init__(self, parent: QObject | None = None, *, name: str = "gatewatch-store") -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._skip = _SkipRule()
        self._executor = _Executor(self._skip)
        self._executor.moveToThread(self._thread)
        self._submit.connect(self._executor.run)
        self._submit_unlocked.connect(self._executor.run_unlocked)
        self._executor.finished.connect(self._deliver)
        self._callbacks: dict[int, _Callbacks] = {}
        self._numbers = itertools.count(1)
        self._session = 0
        self._is_open = False
        self._opening = False
        self._thread.start()

    @property
    def is_open(self) -> bool:
        """Whether the GUI thread has been told the store is open."""
        return self._is_open

    @property
    def opening(self) -> bool:
        """Whether an `open()` of this session has not answered yet."""
        return self._opening

    @property
    def session(self) -> int:
        """The current session; `close()` starts the next one."""
        return self._session

    @property
    def busy(self) -> bool:
        """Whether jobs of this session are still in flight."""
        return bool(self._callbacks)

    def submit(
        self,
        work: Callable[[Store], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        *,
        cancellable: bool = False,
    ) -> None:
        """Run `work(store)` on the worker thread; call back on the GUI thread.

        `cancellable` jobs (photo imports) are skipped, if not yet started, by
        `close(cancel_imports=True)` and `shutdown()`; their callbacks are dropped.
        """
        self._enqueue(self._submit, work, on_done, on_error, cancellable=cancellable)

    @overload
    def command(
        self,
        work: Callable[[Store], Done[T]],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None: ...

    @overload
    def command(
        self,
        work: Callable[[Store], Changes],
        on_done: Callable[[None], None],
        on_error: Callable[[Exception], None],
    ) -> None: ...

    def command(
        self,
        work: Callable[[Store], Changes | Done[Any]],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run a command of a session: `work(store)` returns `Changes`, or `Done` with a value.

        On success `changed` is emitted with the `Changes` (if any changed), then `on_done`
        is called with the `Done`'s value (None for plain `Changes`). Errors go to
        `on_error` and broadcast nothing: a command that fails changes nothing.
        """

        def done(result: Changes | Done[Any]) -> None:
            changes, value = (
                (result.changes, result.value) if isinstance(result, Done) else (result, None)
            )
            if changes:
                self.changed.emit(changes)
            on_done(value)

        self._enqueue(self._submit, work, done, on_error)

    def broadcast(self, changes: Changes) -> None:
        """Tell the views what a command run elsewhere changed in this store (a sync on its
        own worker and connection): `changed` is emitted, as after a command of this worker.
        Nothing while no store is open here (the views forgot what they showed) or when
        nothing changed."""
        if changes and self._is_open:
            self.changed.emit(changes)

    def open(
        self,
        opener: Callable[[], Store],
        on_done: Callable[[Callable[[], Store]], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run `opener` (unlock or create) on the worker thread; it owns the returned Store.

        Emits `opened` on success; `on_done` gets the store's `open_sibling`, which opens
        more connections with its key from any thread until the store closes. Any store
        already open is closed first. A `close()` before the answer makes the answer (and
        `opened`) never come; the store the opener returned is then closed by that close.
        """

        def work(_: Store | None) -> Callable[[], Store]:
            if self._executor.store is not None:
                self._executor.store.close()
                self._executor.store = None
            store = self._executor.store = opener()
            return store.open_sibling

        def done(result: Callable[[], Store]) -> None:
            self._opening = False
            self._is_open = True
            self.opened.emit()
            on_done(result)

        def failed(error: Exception) -> None:
            self._opening = False
            on_error(error)

        self._opening = True
        self._enqueue(self._submit_unlocked, work, done, failed)

    def close(
        self,
        on_done: Callable[[None], None] | None = None,
        *,
        then: Callable[[], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        skip_pending: bool = False,
        cancel_imports: bool = False,
    ) -> None:
        """Lock: start a new session, close the connection on the worker thread, run `then`
        there (e.g. a wipe), and emit `closed`. Idempotent.

        Callbacks of jobs submitted before this call are dropped (see the module
        docstring). `skip_pending` skips those jobs that have not started (a wipe does not
        wait behind them); `cancel_imports` skips only the cancellable ones. If `then`
        raises, `closed` is still emitted and `on_error` gets the error (`on_done` if no
        `on_error` was given, with None).
        """
        self._is_open = False
        self._opening = False
        self._session += 1
        self._callbacks.clear()
        number = next(self._numbers)
        if skip_pending:
            self._skip.all_before = number
        if cancel_imports:
            self._skip.cancellable_before = number

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

        def failed(error: Exception) -> None:
            self.closed.emit()
            if on_error is not None:
                on_error(error)
            elif on_done is not None:
                on_done(None)

        self._callbacks[number] = _Callbacks(self._session, done, failed)
        self._submit_unlocked.emit(_Job(number, work))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Finish the jobs already submitted, close the store and stop the thread.

        Blocks the calling (GUI) thread, at app exit only, until the jobs before it ran
        (so a last save is stored) or `timeout_ms` passed. Queued cancellable jobs (photo
        imports) are skipped; every callback is dropped.
        """
        if not self._thread.isRunning():
            return
        self._is_open = False
        self._opening = False
        self._session += 1
        self._callbacks.clear()
        finished = threading.Event()
        number = next(self._numbers)
        self._skip.cancellable_before = number

        def work(_: Store | None) -> None:
            try:
                store, self._executor.store = self._executor.store, None
                if store is not None:
                    store.close()
            finally:
                finished.set()

        self._submit_unlocked.emit(_Job(number, work))
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
        *,
        cancellable: bool = False,
    ) -> None:
        number = next(self._numbers)
        self._callbacks[number] = _Callbacks(self._session, on_done, on_error)
        signal.emit(_Job(number, work, cancellable))

    @Slot(int, object, object)
    def _deliver(self, number: int, result: object, error: object) -> None:
        callbacks = self._callbacks.pop(number, None)
        if callbacks is None or callbacks.session != self._session:
            return  # an older session's answer: dropped (module docstring)
        if isinstance(error, Exception):
            callbacks.on_error(error)
        else:
            callbacks.on_done(result)
