"""The desk's devices: which the server lists, which an editor approved, and the decisions.

Each device shows its label, its signing key's fingerprint (to compare with the
correspondent's, read aloud), its enrolment time, its state and what the desk flags about
it (a label the server changed, a device listed under an approved one's label). Approve,
Reject and Revoke seal the decision for every desk (`desktop.services.desk.device_approval`);
a revocation is final and is asked about first. Everything goes through the store worker;
the list reads again whenever a command changed the devices or a pull brought news of them
(`StoreWorker.changed`), a decision made here included.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.device_trust import DeviceState, spaced
from desktop.services.changes import Changes
from desktop.services.desk.session import DeskSession, DeviceListing, DeviceStatus
from desktop.ui.worker import StoreWorker

Decision = Callable[[DeskSession, str], Changes]


class DeviceDialog(QDialog):
    """See the module docstring. `decided` carries the device id after each decision
    (every view heard of it through the worker before)."""

    decided = Signal(str)
    error = Signal(object)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._devices: list[DeviceStatus] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.approve_button = QPushButton()
        self.reject_button = QPushButton()
        self.revoke_button = QPushButton()
        self.approve_button.clicked.connect(lambda: self._decide(DeskSession.approve_device))
        self.reject_button.clicked.connect(lambda: self._decide(DeskSession.reject_device))
        self.revoke_button.clicked.connect(self._ask_revoke)
        self.result_line = QLabel()
        self.result_line.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.revoke_button):
            actions.addWidget(button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.result_line)
        layout.addWidget(close)
        self.confirm = QMessageBox(self)
        self.confirm.setIcon(QMessageBox.Icon.Warning)
        self.confirm.setStandardButtons(
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        )
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.accepted.connect(lambda: self._decide(DeskSession.revoke_device))
        self.resize(820, 420)
        self.retranslate()
        self._enable()
        worker.changed.connect(self._changed)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Devices"))
        self.intro.setText(
            self.tr(
                "A device counts as a source only once an editor approves it. Compare the "
                "key fingerprint with the one the correspondent reads from their laptop. "
                "Until then its reports wait in the inbox under From unapproved devices."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Label"),
                self.tr("Key fingerprint"),
                self.tr("Enrolled"),
                self.tr("State"),
                self.tr("Reports"),
                self.tr("Warnings"),
            ]
        )
        self.approve_button.setText(self.tr("&Approve"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.revoke_button.setText(self.tr("Re&voke…"))
        self.confirm.setWindowTitle(self.tr("Revoke the device?"))
        self.confirm.setText(
            self.tr(
                "Every desk will refuse the reports this device seals from now on, whatever "
                "the server lists. A revocation cannot be undone: the correspondent must be "
                "enrolled anew."
            )
        )

    def state_text(self, state: DeviceState) -> str:
        return {
            DeviceState.UNAPPROVED: self.tr("waiting for approval"),
            DeviceState.APPROVED: self.tr("approved"),
            DeviceState.REJECTED: self.tr("rejected"),
            DeviceState.REVOKED: self.tr("revoked"),
        }[state]

    def reload(self) -> None:
        self._worker.submit(lambda store: DeskSession(store).devices(), self._show, self.error.emit)

    def _changed(self, changes: Changes) -> None:
        if changes.devices or changes.envelopes:
            self.reload()

    def _show(self, listing: DeviceListing) -> None:
        chosen = self.selected()
        self._devices, flags = listing.devices, listing.flags
        self.table.setRowCount(len(self._devices))
        for row, device in enumerate(self._devices):
            cells = (
                device.label or device.device_id,
                spaced(device.fingerprint) if device.fingerprint else "—",
                _local_time(device.enrolled_at),
                self.state_text(device.state),
                str(device.reports),
                " ".join(flags.get(device.device_id, [])),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, device.device_id)
                item.setToolTip(device.device_id if column == 0 else text)
                self.table.setItem(row, column, item)
            if chosen is not None and device.device_id == chosen.device_id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self._enable()

    def selected(self) -> DeviceStatus | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1 or not self._devices:
            return None
        row = rows.pop()
        return self._devices[row] if row < len(self._devices) else None

    def _enable(self) -> None:
        device = self.selected()
        state = None if device is None else device.state
        open_ = state is not None and state is not DeviceState.REVOKED
        self.approve_button.setEnabled(open_ and state is not DeviceState.APPROVED)
        self.reject_button.setEnabled(open_ and state is not DeviceState.REJECTED)
        self.revoke_button.setEnabled(open_)

    def _ask_revoke(self) -> None:
        if self.selected() is not None:
            self.confirm.open()

    def _decide(self, decide: Decision) -> None:
        device = self.selected()
        if device is None:
            return
        device_id = device.device_id

        def done(_: None) -> None:
            self.result_line.setText(
                self.tr("Decided for {device}; every desk follows after its next pull.").format(
                    device=device.label or device_id
                )
            )
            self.decided.emit(device_id)  # the list reads again on the worker's `changed`

        self._worker.command(
            lambda store: decide(DeskSession(store), device_id), done, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.result_line.setText(str(error))


def _local_time(text: str | None) -> str:
    if not text:
        return "—"
    try:
        return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text
