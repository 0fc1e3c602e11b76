"""The window's store-safety actions: *Back up to…*, *Restore from backup…*, *Prepare for a
checkpoint…*, and the notice shown when the health check finds the store damaged.

Every dialog here opens window-modal with ``open()`` (never ``exec()``), so a lock's
`close_modals` rejects it and nothing runs after it. Store work goes to the window's
store worker; restoring happens while no store is open, as the worker's opener (restore,
then unlock with the backup's passphrase), so the window then goes on as after an unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.safety import (
    IntegrityResult,
    Readable,
    readable_counts,
    restore_and_unlock,
    write_backup,
)
from desktop.services.unlock import store_exists
from desktop.store.database import Store
from desktop.ui.errors import user_message
from desktop.ui.locks import discard
from desktop.ui.passphrase_field import PassphraseField
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import set_message

BACKUP_SUFFIX = ".gwbackup"


class RestoreDialog(QDialog):
    """The backup's passphrase, and what restoring replaces."""

    def __init__(self, backup: Path, replaces: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        text = self.tr(
            "Restore the store from {file}. Type the passphrase the store had when "
            "this backup was made."
        ).format(file=backup.name)
        if replaces:
            text += " " + self.tr(
                "The store in this folder is replaced: what it holds now and the backup "
                "does not, is lost."
            )
        self.note = QLabel(text)
        self.note.setWordWrap(True)
        self.passphrase = PassphraseField()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Restore"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.note, self.passphrase, self.error, self.buttons):
            layout.addWidget(widget)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.buttons.setEnabled(True)


class SafetyActions(QObject):
    """Owns the three actions and their dialogs. ``opened(open_sibling)`` is the window's
    after-unlock step (called after a restore)."""

    def __init__(
        self,
        window: QMainWindow,
        worker: StoreWorker,
        data_dir: Path,
        opened: Callable[[Callable[[], Store]], None],
        lock: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._data_dir = data_dir
        self._opened = opened
        self._lock = lock
        self.backup_action = QAction(window)
        self.backup_action.triggered.connect(self.choose_backup_file)
        self.restore_action = QAction(window)
        self.restore_action.triggered.connect(self.choose_restore_file)
        self.travel_action = QAction(window)
        self.travel_action.triggered.connect(self.prepare_for_checkpoint)
        self.file_chooser: QFileDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.notice: QMessageBox | None = None
        self.duress_dialog: QDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.backup_action.setText(self.tr("&Back up to…"))
        self.restore_action.setText(self.tr("&Restore from backup…"))
        self.travel_action.setText(self.tr("Prepare for a &checkpoint…"))

    def update(self, store_open: bool, correspondent: bool) -> None:
        self.backup_action.setEnabled(store_open)
        self.restore_action.setEnabled(not store_open)
        self.travel_action.setEnabled(store_open and correspondent)

    # -- backup --------------------------------------------------------------------------

    def choose_backup_file(self) -> None:
        start = str(Path.home() / f"gatewatch{BACKUP_SUFFIX}")
        chooser = QFileDialog(self._window, self.tr("Back up to"), start, f"*{BACKUP_SUFFIX}")
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(BACKUP_SUFFIX.lstrip("."))
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.fileSelected.connect(lambda name: self.backup_to(Path(name)))
        self.file_chooser = chooser
        chooser.open()

    def backup_to(self, out: Path) -> None:
        """Write a backup of the open store to ``out`` on the worker; say how it went."""
        status = self._window.statusBar()
        status.showMessage(self.tr("Writing the backup…"))

        def done(_: object) -> None:
            status.showMessage(
                self.tr("Backup written to {file}. Keep it away from this laptop.").format(
                    file=str(out)
                ),
                10_000,
            )

        def failed(error: Exception) -> None:
            status.showMessage(user_message(error), 10_000)

        self._worker.submit(lambda store: write_backup(store, out), done, failed)

    # -- restore -------------------------------------------------------------------------

    def choose_restore_file(self) -> None:
        if self._worker.is_open:
            self._lock()
        chooser = QFileDialog(self._window, self.tr("Restore from"), str(Path.home()))
        chooser.setNameFilters([f"*{BACKUP_SUFFIX}", "*"])
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.fileSelected.connect(lambda name: self.ask_restore(Path(name)))
        self.file_chooser = chooser
        chooser.open()

    def ask_restore(self, backup: Path) -> None:
        """Ask for the backup's passphrase, then restore and open the store."""
        dialog = RestoreDialog(backup, store_exists(self._data_dir), self._window)
        data_dir = self._data_dir

        def attempt() -> None:
            passphrase = dialog.passphrase.edit.text()
            if not passphrase:
                return
            dialog.buttons.setEnabled(False)

            def opener() -> Store:
                return restore_and_unlock(data_dir, backup, passphrase)

            def restored(open_sibling: Callable[[], Store]) -> None:
                dialog.accept()
                discard(dialog)
                self._opened(open_sibling)
                self._window.statusBar().showMessage(
                    self.tr("The store was restored from {file}.").format(file=backup.name),
                    10_000,
                )

            self._worker.open(opener, restored, lambda e: dialog.show_error(user_message(e)))

        dialog.buttons.accepted.connect(attempt)
        self.restore_dialog = dialog
        dialog.open()

    # -- travel mode ---------------------------------------------------------------------

    def prepare_for_checkpoint(self) -> None:
        """Say what stays readable, ask once, then run travel mode on the worker."""
        self._worker.submit(readable_counts, self._confirm_travel, self._failed)

    def _confirm_travel(self, counts: object) -> None:
        assert isinstance(counts, Readable)
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Prepare for a checkpoint"))
        set_message(
            box,
            self.tr(
                "Gatewatch sends what it can, then removes from this laptop the readable copy "
                "of every sent report ({sent}) and of every report waiting to be sent "
                "({waiting}; they stay sealed for the newsroom and go at the next sync). "
                "{drafts} draft(s) stay readable on this laptop."
            ).format(
                sent=counts.sent, waiting=counts.sealed + counts.unsealed, drafts=counts.drafts
            ),
        )
        go = box.addButton(self.tr("&Prepare now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        box.buttonClicked.connect(lambda button: self._run_travel() if button is go else None)
        self._show(box)
        box.open()

    def _run_travel(self) -> None:
        from desktop.services import travel  # the network layer, on first use only

        self._window.statusBar().showMessage(self.tr("Preparing for the checkpoint…"))
        # A command: the list refreshes itself on what travel mode changed.
        self._worker.command(travel.checkpoint, self._travelled, self._failed)

    def _travelled(self, outcome: object) -> None:
        from desktop.services import travel

        assert isinstance(outcome, travel.TravelOutcome)
        after = outcome.after
        lines = [
            self.tr("{count} draft(s) stay readable on this laptop.").format(count=after.drafts)
        ]
        if after.unsealed:
            lines.append(
                self.tr(
                    "{count} waiting report(s) also stay readable: this computer is not "
                    "connected to a newsroom, so nothing can seal them yet."
                ).format(count=after.unsealed)
            )
        if outcome.sync_error is not None:
            lines.append(
                self.tr(
                    "Not everything could be sent now; the waiting reports go at the next sync."
                )
            )
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Ready for the checkpoint"))
        set_message(box, " ".join(lines))
        self._show(box)
        self._window.statusBar().clearMessage()
        box.open()

    # -- duress ----------------------------------------------------------------------------

    def open_duress(self) -> None:
        """Settings → Duress passphrase…: set or remove it (desktop/ui/duress_dialog.py)."""
        from desktop.ui.duress_dialog import DuressDialog

        dialog = DuressDialog(self._worker, self._data_dir, self._window)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self._window.statusBar().showMessage(dialog.done_text, 10_000)
            if self.duress_dialog is dialog:
                self.duress_dialog = None
            discard(dialog)

        dialog.finished.connect(finished)
        self.duress_dialog = dialog
        dialog.open()

    # -- damage --------------------------------------------------------------------------

    def show_damage(self, result: IntegrityResult) -> None:
        """Say in plain words that the store is damaged, and offer the restore."""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The store is damaged"))
        set_message(
            box,
            self.tr(
                "Part of this store is damaged on disk ({count} damaged part(s)). What is "
                "still readable keeps working: copy out what you need. Then restore your "
                "last backup."
            ).format(count=result.damaged_pages),
        )
        restore = box.addButton(
            self.tr("&Restore from backup…"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: self.choose_restore_file() if button is restore else None
        )
        self._show(box)
        box.open()

    def _show(self, box: QMessageBox) -> None:
        """Keep ``box`` as the notice while it shows; it is deleted once closed."""

        def closed() -> None:
            if self.notice is box:
                self.notice = None
            discard(box)

        box.finished.connect(closed)
        self.notice = box

    def _failed(self, error: Exception) -> None:
        self._window.statusBar().showMessage(user_message(error), 10_000)
