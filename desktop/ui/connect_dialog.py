"""Connect to the newsroom: paste the invite from the newsroom admin.

The invite carries the one-time token and the fingerprints of the newsroom's key (and of
the server's certificate); the server address may be in it or typed here. A proxy such as
Tor (socks5h://127.0.0.1:9050) can be set for all traffic to the server: a local Tor is
found and offered (*Use Tor*), and *Test connection* says which step fails
(desktop/ui/connection_test.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.connection_test import ConnectionTestBox, Target
from desktop.ui.wrapping import WrapLabel


class ConnectDialog(QDialog):
    """Collects the invite, server, label and proxy; the window runs the enrolment."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        detect: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to newsroom"))
        self.intro = WrapLabel(
            self.tr(
                "Paste the invite your newsroom admin gave you. It lets this computer send "
                "reports, sealed so that only the newsroom can read them."
            )
        )
        self.invite = QPlainTextEdit()
        self.invite.setPlaceholderText("gwinvite1:…")
        self.invite.setFixedHeight(80)
        self.server = QLineEdit()
        self.server.setPlaceholderText(self.tr("Only if the invite does not include it"))
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("e.g. Laiza laptop (no names)"))
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText("socks5h://127.0.0.1:9050")
        self.error = WrapLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Invite:"), self.invite),
            (self.tr("&Server address:"), self.server),
            (self.tr("&This computer's label:"), self.label),
            (self.tr("&Proxy (Tor):"), self.proxy),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(caption, widget)
        self.connection = ConnectionTestBox(self._target, detect=detect)
        self.connection.proxy_changed.connect(self.proxy.setText)
        self.buttons = QDialogButtonBox()
        self.connect_button: QPushButton = self.buttons.addButton(
            self.tr("C&onnect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.connection)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[str, str | None, str | None, str | None]:
        """(invite, server URL or None, label or None, proxy or None)."""

        def text_or_none(value: str) -> str | None:
            return value.strip() or None

        return (
            self.invite.toPlainText().strip(),
            text_or_none(self.server.text()),
            text_or_none(self.label.text()),
            text_or_none(self.proxy.text()),
        )

    def _target(self) -> Target | str:
        """What *Test connection* tries: the invite's token and pin, this server, proxy."""
        from sync.wire import InviteError, decode_invite

        invite_text, server, _, proxy = self.values()
        try:
            invite = decode_invite(invite_text)
        except InviteError:
            return self.tr("Paste the whole invite first: the test uses it.")
        url = server or invite.server_url
        if not url:
            return self.tr("The invite does not name the server: type the server address.")
        return (url, invite.token, invite.tls_sha256, proxy)

    def set_busy(self, busy: bool) -> None:
        self.connect_button.setEnabled(not busy)
        for widget in (self.invite, self.server, self.label, self.proxy):
            widget.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.set_busy(False)
