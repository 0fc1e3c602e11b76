"""Delivery by hand at the desk (the Desk menu).

*Import hand-carried file…* stores what the file holds as a pull would, says how many
reports came and what was refused, and hands the items on to the server when this desk is
connected. *Write receipts for a computer…* picks a correspondent's computer from a list
and writes its receipt file. Both go through `DeskSession`; the import is a command whose
`Changes` the inbox, the board and the other views refresh themselves on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop.store.database import Store
from desktop.ui import handcarry_text
from desktop.ui.handcarry_dialogs import HandcarryDialogs
from desktop.ui.locks import discard
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

if TYPE_CHECKING:
    from desktop.services.changes import Done
    from desktop.services.desk.handcarry import ImportOutcome, ReceiptsWritten
    from desktop.services.desk.session import CarriedImport


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


class DeskHandcarryActions(HandcarryDialogs):
    """*Import hand-carried file…* and *Write receipts for a computer…*, and their
    dialogs."""

    def __init__(self, window: QMainWindow, worker: StoreWorker) -> None:
        super().__init__(window, worker)
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.choose_carried_file)
        self.receipts_action = QAction(window)
        self.receipts_action.triggered.connect(self.choose_device)
        self.device_chooser: DeviceChooser | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import hand-carried file…"))
        self.receipts_action.setText(self.tr("Write &receipts for a computer…"))

    def update(self, enabled: bool) -> None:
        for action in (self.import_action, self.receipts_action):
            action.setEnabled(enabled)

    # -- a carried file in ---------------------------------------------------------------

    def choose_carried_file(self) -> None:
        self._choose(self.tr("Import the hand-carried file"), self.import_carried, save=False)

    def import_carried(self, path: Path) -> None:
        """Store what the file holds; hand it on to the server when connected."""
        self._window.statusBar().showMessage(self.tr("Opening the hand-carried file…"))

        def work(store: Store) -> Done[CarriedImport]:
            from desktop.services.desk.session import DeskSession
            from desktop.ui.sync_controller import gui_client

            return DeskSession(store).import_carried(path, gui_client)

        def done(result: CarriedImport) -> None:
            self._window.statusBar().clearMessage()
            text = self._import_text(result.outcome, result.connected)
            self._tell(self.tr("Hand-carried file imported"), text)

        self._worker.command(work, done, self._failed)

    def _import_text(self, outcome: ImportOutcome, connected: bool) -> str:
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

    # -- receipts out --------------------------------------------------------------------

    def choose_device(self) -> None:
        """List the computers this desk knows, then ask which one the receipts are for."""

        def work(store: Store) -> list[tuple[str, str]]:
            from desktop.services.desk.session import DeskSession

            return DeskSession(store).receipt_devices()

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
        def work(store: Store) -> Done[ReceiptsWritten]:
            from desktop.services.desk.session import DeskSession

            return DeskSession(store).write_receipts(device_id, path)

        def done(outcome: ReceiptsWritten) -> None:
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

        self._worker.command(work, done, self._failed)
