"""Delivery by hand in the window, when the network is cut (desktop/services/handcarry.py
does the work on the store worker).

- Correspondent, Report menu: *Send by hand…* writes every report still without a receipt
  into one file under a name the user chooses (nothing in it or its name says Gatewatch);
  the list then shows them "Carried on DATE". *Import receipts…* applies a receipt file
  from the desk and shows the questions it brings.
- Desk, Desk menu: *Import hand-carried file…* stores what the file holds as a pull
  would, says how many reports came and what was refused, and hands the items on to the
  server when this desk is connected. *Write receipts for a computer…* picks a
  correspondent's computer from a list and writes its receipt file.

Every dialog opens window-modal with ``open()`` (never ``exec()``), so a lock's
`close_modals` rejects it and nothing runs after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.store.database import Store
from desktop.ui.correspondent import handcarry_text
from desktop.ui.errors import user_message
from desktop.ui.locks import discard, forget_file_dialog_history
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel, set_message


def ordinary_name() -> str:
    """A file name that says nothing of what the file is."""
    return f"notes-{date.today():%Y-%m-%d}.dat"


class DeviceChooser(QDialog):
    """Which correspondent's computer the receipts are for."""

    def __init__(self, devices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write receipts for a computer"))
        self.note = WrapLabel(
            self.tr(
                "Choose the correspondent's computer. Its receipt file tells it which of its "
                "reports this desk holds, and carries your questions to it. Only that "
                "computer can open the file."
            )
        )
        self.devices = QListWidget()
        for device_id, label in devices:
            item = QListWidgetItem(f"{label} ({device_id})" if label else device_id)
            item.setData(Qt.ItemDataRole.UserRole, device_id)
            self.devices.addItem(item)
        if devices:
            self.devices.setCurrentRow(0)
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(
            self.tr("&Write receipts…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.write_button.setEnabled(bool(devices))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.devices.itemDoubleClicked.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        for widget in (self.note, self.devices, self.buttons):
            layout.addWidget(widget)
        self.resize(520, 360)

    def chosen(self) -> str | None:
        item = self.devices.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


class HandcarryActions(QObject):
    """Owns the four actions and their dialogs. ``changed()`` runs after the store changed
    (the list or the desk refreshes)."""

    def __init__(
        self, window: QMainWindow, worker: StoreWorker, changed: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._changed = changed
        self.send_action = QAction(window)
        self.send_action.triggered.connect(self.choose_bundle_file)
        self.receipts_action = QAction(window)
        self.receipts_action.triggered.connect(self.choose_receipts_file)
        self.desk_import_action = QAction(window)
        self.desk_import_action.triggered.connect(self.choose_carried_file)
        self.desk_receipts_action = QAction(window)
        self.desk_receipts_action.triggered.connect(self.choose_device)
        self.file_chooser: QFileDialog | None = None
        self.device_chooser: DeviceChooser | None = None
        self.notice: QMessageBox | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.send_action.setText(self.tr("Send by h&and…"))
        self.send_action.setToolTip(
            self.tr("Write the reports waiting for the newsroom into one file to carry")
        )
        self.receipts_action.setText(self.tr("&Import receipts…"))
        self.desk_import_action.setText(self.tr("&Import hand-carried file…"))
        self.desk_receipts_action.setText(self.tr("Write &receipts for a computer…"))

    def update(self, correspondent: bool, on_desk: bool) -> None:
        for action in (self.send_action, self.receipts_action):
            action.setEnabled(correspondent)
        for action in (self.desk_import_action, self.desk_receipts_action):
            action.setEnabled(on_desk)

    # -- the correspondent ---------------------------------------------------------------

    def choose_bundle_file(self) -> None:
        self._choose(self.tr("Save the file to carry as"), self.write_bundle, save=True)

    def write_bundle(self, path: Path) -> None:
        """Write the waiting reports to ``path`` on the worker; say how it went."""
        self._window.statusBar().showMessage(self.tr("Writing the file…"))

        def work(store: Store) -> Any:
            from desktop.services import handcarry

            return handcarry.export_bundle(store, path)

        def done(outcome: Any) -> None:
            self._changed()
            self._window.statusBar().clearMessage()
            self._tell(
                self.tr("File written"),
                self.tr(
                    "%n report(s) written to {file}. Carry the file to the newsroom desk. The "
                    "reports stay in your list, marked carried, until receipts come back.",
                    "",
                    outcome.reports,
                ).format(file=str(path)),
            )

        self._worker.submit(work, done, self._failed)

    def choose_receipts_file(self) -> None:
        self._choose(self.tr("Import receipts from"), self.import_receipts, save=False)

    def import_receipts(self, path: Path) -> None:
        def work(store: Store) -> Any:
            from desktop.services import handcarry

            return handcarry.import_receipts(store, path)

        def done(outcome: Any) -> None:
            self._changed()
            text = self.tr(
                "Receipts applied: %n report(s) are now with the newsroom.", "", outcome.reports
            )
            if outcome.question_texts:
                text += "\n\n" + self.tr("The desk asks:") + "\n"
                text += "\n".join(f"• {q}" for q in outcome.question_texts)
                text += "\n\n" + self.tr("Answer them beside each report in your list.")
            self._tell(self.tr("Receipts imported"), text)

        self._worker.submit(work, done, self._failed)

    # -- the desk ------------------------------------------------------------------------

    def choose_carried_file(self) -> None:
        self._choose(self.tr("Import the hand-carried file"), self.import_carried, save=False)

    def import_carried(self, path: Path) -> None:
        """Store what the file holds; hand it on to the server when connected."""
        self._window.statusBar().showMessage(self.tr("Opening the hand-carried file…"))

        def work(store: Store) -> Any:
            from desktop.services.desk import handcarry
            from desktop.store.desk.core import DeskRepository
            from desktop.ui.sync_controller import gui_client

            connected = DeskRepository(store).server() is not None
            return handcarry.import_bundle(store, path, client_factory=gui_client), connected

        def done(result: Any) -> None:
            self._changed()
            self._window.statusBar().clearMessage()
            self._tell(self.tr("Hand-carried file imported"), self._import_text(*result))

        self._worker.submit(work, done, self._failed)

    def _import_text(self, outcome: Any, connected: bool) -> str:
        lines = []
        if outcome.imported_before is not None:
            lines.append(
                self.tr(
                    "This file was already imported on {date}: nothing is stored twice."
                ).format(date=handcarry_text.day(outcome.imported_before))
            )
        lines.append(
            self.tr("%n new report(s) stored", "", outcome.reports)
            + self.tr(", %n photo(s) complete.", "", outcome.photos)
        )
        if outcome.refusals:
            lines.append(
                self.tr(
                    "%n item(s) were refused and not stored: {reasons}.",
                    "",
                    len(outcome.refusals),
                ).format(reasons=handcarry_text.refusals(outcome.refusals))
            )
        if outcome.unknown_device:
            lines.append(
                self.tr(
                    "%n item(s) come from a computer this desk does not know yet: the server "
                    "brings them at a pull once that computer has synced.",
                    "",
                    outcome.unknown_device,
                )
            )
        if outcome.relayed:
            lines.append(
                self.tr(
                    "%n item(s) handed on to the server for the other desks.", "", outcome.relayed
                )
            )
        elif outcome.warning is not None:
            lines.append(
                self.tr(
                    "The server could not be reached: the items are handed on at the next pull."
                )
            )
        elif not connected and outcome.new:
            lines.append(
                self.tr(
                    "This desk is not connected to a server: the items are handed on at the "
                    "first pull once it is."
                )
            )
        return "\n\n".join(lines)

    def choose_device(self) -> None:
        """List the computers this desk knows, then ask which one the receipts are for."""

        def work(store: Store) -> list[tuple[str, str]]:
            from desktop.store.desk.core import DeskRepository

            return [
                (d.device_id, d.label or "")
                for d in DeskRepository(store).devices()
                if d.public_key is not None
            ]

        self._worker.submit(work, self._show_devices, self._failed)

    def _show_devices(self, devices: list[tuple[str, str]]) -> None:
        if not devices:
            self._tell(
                self.tr("Write receipts for a computer"),
                self.tr(
                    "This desk knows no correspondent's computer yet: pull once with a "
                    "connection, or import a hand-carried file first."
                ),
            )
            return
        chooser = DeviceChooser(devices, self._window)

        def finished(result: int) -> None:
            device_id = chooser.chosen()
            if self.device_chooser is chooser:
                self.device_chooser = None
            discard(chooser)
            if result == QDialog.DialogCode.Accepted and device_id is not None:
                self._choose(
                    self.tr("Save the receipts as"),
                    lambda path: self.write_receipts(device_id, path),
                    save=True,
                )

        chooser.finished.connect(finished)
        self.device_chooser = chooser
        chooser.open()

    def write_receipts(self, device_id: str, path: Path) -> None:
        def work(store: Store) -> Any:
            from desktop.services.desk import handcarry

            return handcarry.write_receipts(store, device_id, path)

        def done(outcome: Any) -> None:
            self._tell(
                self.tr("Receipts written"),
                self.tr("Receipts for %n item(s) written to {file}", "", outcome.envelopes).format(
                    file=str(path)
                )
                + self.tr(", with %n question(s).", "", outcome.questions)
                + " "
                + self.tr(
                    "Carry the file back to the correspondent: Report → Import receipts… on "
                    "their computer."
                ),
            )

        self._worker.submit(work, done, self._failed)

    # -- dialogs -------------------------------------------------------------------------

    def _choose(self, title: str, then: Callable[[Path], None], *, save: bool) -> None:
        start = str(Path.home() / ordinary_name()) if save else str(Path.home())
        chooser = QFileDialog(self._window, title, start)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.setHistory([])
        if save:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            chooser.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda name: then(Path(name)))

        def closed() -> None:
            if self.file_chooser is chooser:
                self.file_chooser = None
            discard(chooser)
            forget_file_dialog_history()

        chooser.finished.connect(closed)
        self.file_chooser = chooser
        chooser.open()

    def _tell(self, title: str, text: str, *, warning: bool = False) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        set_message(box, text)

        def closed() -> None:
            if self.notice is box:
                self.notice = None
            discard(box)

        box.finished.connect(closed)
        self.notice = box
        box.open()

    def _failed(self, error: Exception) -> None:
        self._window.statusBar().clearMessage()
        text = handcarry_text.file_error(error) or user_message(error)
        self._tell(self.tr("Nothing was done"), text, warning=True)
