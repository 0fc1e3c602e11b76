"""Connect to the newsroom: paste the invite from the newsroom admin.

The invite carries the one-time token and the fingerprints of the newsroom's key (and of
the server's certificate); the server address may be in it or typed here. A proxy such as
Tor (socks5h://127.0.0.1:9050) can be set for all traffic to the server.
"""

from __future__ import annotations

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

from desktop.ui.wrapping import WrapLabel


class ConnectDialog(QDialog):
    """Collects the invite, server, label and proxy; the window runs the enrolment."""

    def __init__(self, parent: QWidget | None = None) -> None:
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
        self.buttons = QDialogButtonBox()
        self.connect_button: QPushButton = self.buttons.addButton(
            self.tr("C&onnect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
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

    def set_busy(self, busy: bool) -> None:
        self.connect_button.setEnabled(not busy)
        for widget in (self.invite, self.server, self.label, self.proxy):
            widget.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.set_busy(False)
