"""Connecting a desk to the newsroom server: address, desk token, TLS fingerprint and proxy,
checked against the server before anything is kept (`DeskSession.connect`). The form is the
setup's last step and, in `DeskConnectDialog`, the desk's *Connect to server…*.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.desk.session import DeskSession
from desktop.ui.desk.text import desk_error_message
from desktop.ui.sync_controller import gui_client
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

ERROR_STYLE = "color: #b3261e;"


class DeskConnectForm(QWidget):
    """Server address, desk token, optional TLS fingerprint and proxy; `connect_to` checks
    the token against the server on the worker and stores the connection."""

    connected = Signal(int)  # how many devices the server lists

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://newsroom.example.org")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QLineEdit()
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText("socks5h://127.0.0.1:9050")
        self.error = WrapLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.form = QFormLayout()
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(
            self.captions, (self.url, self.token, self.tls, self.proxy), strict=True
        ):
            caption.setBuddy(field)
            self.form.addRow(caption, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (
            self.tr("Server &address:"),
            self.tr("Desk &token:"),
            self.tr("TLS &fingerprint:"),
            self.tr("&Proxy (Tor):"),
        )
        for caption, field, text in zip(
            self.captions, (self.url, self.token, self.tls, self.proxy), texts, strict=True
        ):
            caption.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.tls.setPlaceholderText(self.tr("Only if the server admin gave you one"))

    def connect_to(self, done: Callable[[], None] | None = None) -> None:
        url, token = self.url.text().strip(), self.token.text().strip()
        if not url or not token:
            self.show_error(self.tr("Type the server address and the desk token first."))
            return
        tls = self.tls.text().strip().replace(":", "").lower() or None
        proxy = self.proxy.text().strip() or None
        self.error.hide()
        self.set_busy(True)

        def finished(devices: int) -> None:
            self.set_busy(False)
            self.token.clear()
            self.connected.emit(devices)
            if done is not None:
                done()

        self._worker.command(
            lambda store: DeskSession(store).connect(url, token, tls, proxy, gui_client),
            finished,
            lambda error: self.show_error(desk_error_message(error)),
        )

    def set_busy(self, busy: bool) -> None:
        for field in (self.url, self.token, self.tls, self.proxy):
            field.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.error.show()


class DeskConnectDialog(QDialog):
    """Connect (or reconnect) the desk to the server, from the desk."""

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        self.form = DeskConnectForm(worker)
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            self.tr("C&onnect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(lambda: self.form.connect_to(self.accept))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
