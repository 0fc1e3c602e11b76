"""Background sync: its own thread and its own store connection, never the GUI thread.

The store worker that serves the window must never wait on the network, so sync runs on
a second `StoreWorker` that opens its own connection to the same encrypted store (SQLite
lets two connections share a WAL database; writes wait for each other briefly). It tries
soon after a report is queued, then periodically; after a failure it backs off.
What it says in the status bar comes from `SyncIndicator`. A sync is a command of its
worker: what it changed (`SyncOutcome.changes`) comes out of ``worker.changed``, which the
window hands on to its own worker's views (`StoreWorker.broadcast`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop.services.changes import Done
from desktop.services.sync_state import SyncErrorKind, SyncOutcome, SyncProgress, SyncStatus
from desktop.store.database import Store
from desktop.ui.worker import StoreWorker

if TYPE_CHECKING:
    from sync.client import ClientConfig, SyncClient

# The network layer (desktop.services.sync, sync.client: requests and its dependencies,
# slow to import) is imported by the work functions on the sync thread, not at start: the unlock
# window shows without it.

SOON_MS = 1_500
PERIODIC_MS = 10 * 60_000
BACKOFF_START_MS = 30_000
BACKOFF_MAX_MS = 30 * 60_000
# Retried later only on the user's word: the newsroom or the network setup must change.
NEEDS_PEOPLE = {
    SyncErrorKind.NOT_ENROLLED,
    SyncErrorKind.REVOKED,
    SyncErrorKind.UNAUTHORIZED,
    SyncErrorKind.PIN_MISMATCH,
}


def gui_client(config: ClientConfig) -> SyncClient:
    """A client whose calls end sooner than the CLI's: a person is waiting to see."""
    from sync.client import SyncClient

    return SyncClient(
        dataclasses.replace(config, connect_timeout=15.0, read_timeout=45.0, retries=2)
    )


class SyncController(QObject):
    """Runs `sync_once` on its own thread; emits what the status bar shows."""

    status_changed = Signal(object)  # SyncStatus
    progressed = Signal(object)  # SyncProgress (emitted from the sync thread: queued)
    finished = Signal(object)  # SyncOutcome
    running_changed = Signal(bool)
    update_changed = Signal(object)  # UpdateStatus, after a sync that reached the server

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = StoreWorker(self, name="gatewatch-sync")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.backoff_ms = BACKOFF_START_MS
        self.running = False
        self.last_outcome: SyncOutcome | None = None
        self._again = False

    # -- session -------------------------------------------------------------------------

    def start(self, open_store: Callable[[], Store]) -> None:
        """Open the sync connection with ``open_store`` (the window's store's
        `open_sibling`: the key is not derived again)."""

        def opened(_: object) -> None:
            self.refresh_status()
            self.schedule(SOON_MS)

        self.worker.open(open_store, opened, self._failed)

    def stop(self, *, skip_pending: bool = False, then: Callable[[], None] | None = None) -> None:
        """On lock or wipe: no more tries; the connection closes after a running one (a
        wipe skips the queued ones), then `then()` runs on the sync thread. Answers of
        tries still running are dropped."""
        self.timer.stop()
        self._again = False
        self.backoff_ms = BACKOFF_START_MS
        self.last_outcome = None
        if self.running:
            self.running = False
            self.running_changed.emit(False)
        self.worker.close(then=then, skip_pending=skip_pending)

    def shutdown(self) -> None:
        self.timer.stop()
        self.worker.shutdown()

    # -- scheduling ----------------------------------------------------------------------

    def reports_queued(self) -> None:
        """A report was queued: try soon, whatever the backoff said."""
        self.backoff_ms = BACKOFF_START_MS
        self.schedule(SOON_MS)

    def schedule(self, delay_ms: int) -> None:
        if self.worker.is_open:
            self.timer.start(delay_ms)

    def sync_now(self) -> None:
        """Try now (the "Sync now" action, the timer)."""
        if not self.worker.is_open:
            return
        if self.running:
            self._again = True
            return
        self.timer.stop()
        self.running = True
        self.running_changed.emit(True)

        def work(store: Store) -> Done[tuple[SyncOutcome, SyncStatus]]:
            from desktop.services import followup_sync, updates
            from desktop.services import sync as sync_service

            outcome = sync_service.sync_once(
                store, client_factory=gui_client, progress=self.progressed.emit
            )
            if outcome.error is None:  # questions in, answers out (services/followup_sync.py)
                follow = followup_sync.sync_followups(store, client_factory=gui_client)
                if follow.opened:  # reports now with the newsroom: the list shows it
                    outcome = dataclasses.replace(outcome, opened=follow.opened)
                # a signed release notice, verified against the pinned key (emitted queued)
                self.update_changed.emit(updates.check_for_update(store, client_factory=gui_client))
            return Done((outcome, sync_service.sync_status(store)), outcome.changes)

        self.worker.command(work, self._done, self._failed)

    def _done(self, result: tuple[SyncOutcome, SyncStatus]) -> None:
        outcome, status = result
        self.running = False
        self.running_changed.emit(False)
        self.last_outcome = outcome
        self.finished.emit(outcome)
        self.status_changed.emit(status)
        if self._again or outcome.more:
            self._again = False
            self.schedule(0)
        elif outcome.error in NEEDS_PEOPLE:
            self.timer.stop()
        elif outcome.error is not None:
            self.schedule(self.backoff_ms)
            self.backoff_ms = min(self.backoff_ms * 2, BACKOFF_MAX_MS)
        else:
            self.backoff_ms = BACKOFF_START_MS
            self.schedule(PERIODIC_MS)

    def _failed(self, error: Exception) -> None:
        # A store error on the sync connection (disk full, store closed by a lock).
        self.running = False
        self.running_changed.emit(False)
        self.schedule(self.backoff_ms)

    def refresh_status(self) -> None:
        def work(store: Store) -> SyncStatus:
            from desktop.services import sync as sync_service

            return sync_service.sync_status(store)

        self.worker.submit(work, self.status_changed.emit, self._failed)

    # -- enrolment -----------------------------------------------------------------------

    def enroll(
        self,
        invite: str,
        server_url: str | None,
        label: str | None,
        proxy: str | None,
        on_done: Callable[[object], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Enrol this store with the newsroom server (network: on the sync thread)."""

        def work(store: Store) -> tuple[object, SyncStatus]:
            from desktop.services import sync as sync_service

            identity = sync_service.enroll(store, server_url or "", invite, label, proxy)
            return identity, sync_service.sync_status(store)

        def done(result: tuple[object, SyncStatus]) -> None:
            # The status first: whoever reacts to `on_done` (Send now) sees it enrolled.
            identity, status = result
            self.status_changed.emit(status)
            on_done(identity)
            self.reports_queued()

        self.worker.submit(work, done, on_error)


class SyncIndicator(QWidget):
    """The status bar's word on sync: offline, sending n of m, last sent, or what's wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.status: SyncStatus | None = None
        self.outcome: SyncOutcome | None = None
        self.running = False
        self.progress: SyncProgress | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def clear(self) -> None:
        self.status = self.outcome = self.progress = None
        self.running = False
        self.bar.hide()
        self.label.clear()

    def show_status(self, status: object) -> None:
        if isinstance(status, SyncStatus):
            self.status = status
            self.refresh()

    def show_outcome(self, outcome: object) -> None:
        if isinstance(outcome, SyncOutcome):
            self.outcome = outcome
            self.refresh()

    def show_running(self, running: bool) -> None:
        self.running = running
        if not running:
            self.progress = None
        self.refresh()

    def show_progress(self, progress: object) -> None:
        if isinstance(progress, SyncProgress):
            self.progress = progress
            self.refresh()

    def refresh(self) -> None:
        text, tip = self.describe()
        self.label.setText(text)
        self.label.setToolTip(tip)
        progress = self.progress
        if self.running and progress is not None and progress.bytes_total > 0:
            self.bar.setMaximum(max(1, progress.bytes_total))
            self.bar.setValue(progress.bytes_done)
            self.bar.show()
        else:
            self.bar.hide()

    def describe(self) -> tuple[str, str]:
        """The status text and its tooltip, in the interface language."""
        status, outcome = self.status, self.outcome
        if status is None:
            return "", ""
        waiting = status.waiting
        if not status.enrolled:
            return (
                self.tr("Not connected to a newsroom"),
                self.tr(
                    "Reports stay here until this computer is connected: Tools → Connect to "
                    "newsroom, with the invite from your newsroom admin."
                ),
            )
        if self.running:
            progress = self.progress
            if progress is not None and progress.reports_total:
                return (
                    self.tr("Sending {done} of {total}…").format(
                        done=progress.reports_done, total=progress.reports_total
                    ),
                    "",
                )
            return self.tr("Sending…"), ""
        error = None if outcome is None else outcome.error
        messages: dict[SyncErrorKind, str] = {
            SyncErrorKind.OFFLINE: self.tr("Offline: {count} waiting, nothing is lost"),
            SyncErrorKind.OVERLOADED: self.tr(
                "The newsroom server is overloaded or under attack: {count} waiting, "
                "nothing is lost"
            ),
            SyncErrorKind.REVOKED: self.tr(
                "This computer was revoked by the newsroom: ask your editor for a new invite"
            ),
            SyncErrorKind.UNAUTHORIZED: self.tr(
                "The server no longer knows this computer: ask for a new invite"
            ),
            SyncErrorKind.PIN_MISMATCH: self.tr(
                "The server's certificate is not the newsroom's: stop and tell your editor"
            ),
            SyncErrorKind.REFUSED: self.tr("The server refused reports: tell your editor"),
            SyncErrorKind.FAILED: self.tr("Sending failed: {count} waiting"),
        }
        if error is not None and error in messages:
            detail = "" if outcome is None or outcome.message is None else outcome.message
            return messages[error].format(count=waiting), detail
        if waiting:
            return self.tr("{count} waiting to be sent").format(count=waiting), ""
        if status.last_success_at is not None:
            when = _local_time(status.last_success_at)
            return self.tr("All sent · last sync {time}").format(time=when), ""
        return self.tr("Nothing to send"), ""


def _local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")
