"""Setting up an editor desk: the newsroom key (made here, or imported from another
editor's export), the desk's label, the fingerprint to compare aloud, and the server.

The page runs after the desk's encrypted store is created; every step runs on the store
worker. The newsroom private key never leaves the store except through "Export newsroom
key…" (`desktop.ui.desk.key_export_dialog`), sealed under a passphrase of its own, for a
second editor.
Connecting (`desktop.ui.desk.connect`) is skippable here and reachable later from the desk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.changes import Done
from desktop.services.desk import review as desk_review
from desktop.services.desk.session import DeskSession, KeyShown
from desktop.store.database import Store
from desktop.ui.desk.connect import ERROR_STYLE, DeskConnectForm
from desktop.ui.desk.text import desk_error_message
from desktop.ui.errors import user_message
from desktop.ui.locks import forget_file_dialog_history
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel


def _write_text(path: Path, text: str) -> None:
    path.write_text(text + "\n", encoding="utf-8")


def choose_file(parent: QWidget, title: str, *, save: bool, name: str = "") -> Path | None:
    """Qt's own file dialog; nothing of it is remembered (as for photos)."""
    dialog = QFileDialog(parent, title, name)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setHistory([])
    accepted = dialog.exec()
    files = dialog.selectedFiles() if accepted else []
    shiboken6.delete(dialog)
    forget_file_dialog_history()
    return Path(files[0]) if files else None


class DeskSetupPage(QWidget):
    """See the module docstring. Emits `finished` when the desk is ready to open."""

    finished = Signal()

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_step())
        self.steps.addWidget(self._key_step())
        self.steps.addWidget(self._connect_step())
        inner = QWidget()
        inner.setMaximumWidth(640)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(inner, 4)
        row.addStretch(1)
        self.retranslate()

    # -- the three steps -----------------------------------------------------------------

    def _choose_step(self) -> QWidget:
        page = QWidget()
        self.choose_intro = WrapLabel()
        self.label = QLineEdit()
        self.label_caption = QLabel()
        self.label_caption.setBuddy(self.label)
        self.create_intro = WrapLabel()
        self.create_button = QPushButton()
        self.import_intro = WrapLabel()
        self.key_file = QLineEdit()
        self.browse_button = QPushButton()
        self.key_passphrase = QLineEdit()
        self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.import_button = QPushButton()
        self.choose_error = WrapLabel()
        self.choose_error.setStyleSheet(ERROR_STYLE)
        self.choose_error.hide()
        label_row = QFormLayout()
        label_row.addRow(self.label_caption, self.label)
        file_row = QHBoxLayout()
        file_row.addWidget(self.key_file, 1)
        file_row.addWidget(self.browse_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.choose_intro)
        layout.addLayout(label_row)
        layout.addSpacing(12)
        layout.addWidget(self.create_intro)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(12)
        layout.addWidget(self.import_intro)
        layout.addLayout(file_row)
        layout.addWidget(self.key_passphrase)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.choose_error)
        self.create_button.clicked.connect(self.create_key)
        self.import_button.clicked.connect(self.import_key)
        self.browse_button.clicked.connect(self._browse)
        self.key_passphrase.returnPressed.connect(self.import_key)
        return page

    def _key_step(self) -> QWidget:
        page = QWidget()
        self.fingerprint_intro = WrapLabel()
        self.fingerprint = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(QGuiApplication.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.public_intro = WrapLabel()
        self.public_key = QPlainTextEdit()
        self.public_key.setReadOnly(True)
        self.public_key.setFixedHeight(90)
        self.copy_button = QPushButton()
        self.save_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.fingerprint_intro)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(12)
        layout.addWidget(self.public_intro)
        layout.addWidget(self.public_key)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.public_key.toPlainText())
        )
        self.save_button.clicked.connect(self._save_public_key)
        self.next_button.clicked.connect(lambda: self.steps.setCurrentIndex(2))
        return page

    def _connect_step(self) -> QWidget:
        page = QWidget()
        self.connect_intro = WrapLabel()
        self.connect_form = DeskConnectForm(self._worker)
        self.connect_button = QPushButton()
        self.connect_button.setDefault(True)
        self.later_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.connect_intro)
        layout.addWidget(self.connect_form)
        layout.addLayout(buttons)
        self.connect_button.clicked.connect(lambda: self.connect_form.connect_to())
        self.connect_form.connected.connect(lambda _: self.finished.emit())
        self.later_button.clicked.connect(self.finished)
        return page

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Set up the editor desk"))
        self.choose_intro.setText(
            self.tr(
                "This desk reads the reports the correspondents send. Give it a name the other "
                "editors know it by; it is shown beside every move it makes."
            )
        )
        self.label_caption.setText(self.tr("Desk &name:"))
        self.label.setPlaceholderText(self.tr("e.g. Night desk (no personal names)"))
        self.create_intro.setText(
            self.tr(
                "First editor of the newsroom: make the newsroom key here. Only desks that "
                "hold it can read the reports."
            )
        )
        self.create_button.setText(self.tr("&Create the newsroom key"))
        self.import_intro.setText(
            self.tr(
                "Another editor already has the key: import the key file they exported, with "
                "the passphrase they told you."
            )
        )
        self.key_file.setPlaceholderText(self.tr("Key file"))
        self.key_file.setAccessibleName(self.tr("Key file"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.key_passphrase.setPlaceholderText(self.tr("The key file's passphrase"))
        self.key_passphrase.setAccessibleName(self.tr("The key file's passphrase"))
        self.import_button.setText(self.tr("&Import the key file"))
        self.fingerprint_intro.setText(
            self.tr(
                "The newsroom key's fingerprint. Read it aloud with the other editors and the "
                "server admin, group by group: every desk and the server must show the same."
            )
        )
        self.public_intro.setText(
            self.tr(
                "Give this public key to the server admin (it is not secret). The server "
                "accepts reports sealed to it."
            )
        )
        self.copy_button.setText(self.tr("C&opy"))
        self.save_button.setText(self.tr("&Save to file…"))
        self.next_button.setText(self.tr("&Next: connect to the server"))
        self.connect_intro.setText(
            self.tr(
                "Type the server address and the desk token from the server admin. You can "
                "also connect later, from the desk."
            )
        )
        self.connect_form.retranslate()
        self.connect_button.setText(self.tr("&Connect"))
        self.later_button.setText(self.tr("Connect &later"))

    def start(self) -> None:
        """Show the first step, empty."""
        for field in (self.label, self.key_file, self.key_passphrase):
            field.clear()
        self.choose_error.hide()
        self._set_busy(False)
        self.steps.setCurrentIndex(0)
        self.label.setFocus()

    # -- acting --------------------------------------------------------------------------

    def create_key(self) -> None:
        label = self.label.text().strip()
        self._run(lambda store: DeskSession(store).create_desk(label))

    def import_key(self) -> None:
        path_text, passphrase = self.key_file.text().strip(), self.key_passphrase.text()
        if not path_text or not passphrase:
            self._show_error(self.tr("Choose the key file and type its passphrase first."))
            return
        label = self.label.text().strip()
        self._run(
            lambda store: DeskSession(store).import_newsroom_key(Path(path_text), passphrase, label)
        )

    def _run(self, work: Callable[[Store], Done[KeyShown]]) -> None:
        self.choose_error.hide()
        self._set_busy(True)
        self._worker.command(work, self._show_key, self._failed)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(desk_error_message(error))

    def _show_error(self, message: str) -> None:
        self.choose_error.setText(message)
        self.choose_error.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.label,
            self.create_button,
            self.key_file,
            self.browse_button,
            self.key_passphrase,
            self.import_button,
        ):
            widget.setEnabled(not busy)

    def _show_key(self, shown: KeyShown) -> None:
        self.key_passphrase.clear()
        self.fingerprint.setText(desk_review.spoken_fingerprint(shown.fingerprint))
        self.public_key.setPlainText(shown.public_key or "")
        for widget in (self.public_intro, self.public_key, self.copy_button, self.save_button):
            widget.setVisible(shown.public_key is not None)
        self.steps.setCurrentIndex(1)
        self.next_button.setFocus()

    def _browse(self) -> None:
        path = choose_file(self, self.tr("Newsroom key file"), save=False)
        if path is not None:
            self.key_file.setText(str(path))

    def _save_public_key(self) -> None:
        path = choose_file(
            self, self.tr("Save the public key"), save=True, name="newsroom-public-key.txt"
        )
        if path is not None:
            self.save_public_key(path)

    def save_public_key(self, path: Path) -> None:
        try:
            _write_text(path, self.public_key.toPlainText())
        except OSError as error:
            self._show_error(user_message(error))
