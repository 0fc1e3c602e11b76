"""Settings → *Connection…*: how this enrolled computer reaches the newsroom server — the
proxy (*Use Tor* when a local Tor is found) and *Test connection*, which says which step
fails. Saving changes only the proxy (desktop/services/connection.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from desktop.services.connection import DeviceIdentity, enrolment, save_proxy
from desktop.store.database import Store
from desktop.ui.connection_test import ConnectionTestBox, Target
from desktop.ui.errors import user_message
from desktop.ui.locks import discard
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel


class ConnectionDialog(QDialog):
    """The server this computer sends to (read-only), its proxy, and the test."""

    def __init__(
        self,
        identity: DeviceIdentity,
        parent: QWidget | None = None,
        *,
        detect: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._identity = identity
        self.setWindowTitle(self.tr("Connection to the newsroom"))
        self.intro = WrapLabel(
            self.tr(
                "Where internet is watched or blocked, send through Tor: start Tor or Tor "
                "Browser on this computer, then choose Use Tor. Test the connection before "
                "you rely on it."
            )
        )
        self.server = QLabel(identity.server_url)
        self.proxy = QLineEdit(identity.proxy or "")
        self.proxy.setPlaceholderText("socks5h://127.0.0.1:9050")
        form = QFormLayout()
        for text, widget in (
            (self.tr("Server:"), self.server),
            (self.tr("&Proxy (Tor):"), self.proxy),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(caption, widget)
        self.connection = ConnectionTestBox(self._target, detect=detect)
        self.connection.proxy_changed.connect(self.proxy.setText)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.connection)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def chosen_proxy(self) -> str:
        return self.proxy.text().strip()

    def _target(self) -> Target:
        identity = self._identity
        return (
            identity.server_url,
            identity.token,
            identity.tls_fingerprint,
            self.chosen_proxy() or None,
        )


def open_connection_settings(window: QMainWindow, worker: StoreWorker) -> None:
    """Load this computer's connection, show the dialog window-modal, save the proxy."""

    def loaded(identity: object) -> None:
        if not worker.is_open:
            return
        if not isinstance(identity, DeviceIdentity):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ConnectionDialog",
                    "Not connected to a newsroom yet: use Tools → Connect to newsroom first.",
                ),
                10_000,
            )
            return
        dialog = ConnectionDialog(identity, window)

        def finished(result: int) -> None:
            proxy = dialog.chosen_proxy()
            discard(dialog)
            if result != QDialog.DialogCode.Accepted or not worker.is_open:
                return

            def save(store: Store) -> None:
                save_proxy(store, proxy)  # a bad address raises, said plainly

            worker.submit(
                save,
                lambda _: window.statusBar().showMessage(
                    QCoreApplication.translate("ConnectionDialog", "Connection saved."), 5000
                ),
                lambda error: window.statusBar().showMessage(user_message(error), 10_000),
            )

        dialog.finished.connect(finished)
        dialog.open()

    worker.submit(
        enrolment,
        loaded,
        lambda error: window.statusBar().showMessage(user_message(error), 10_000),
    )
