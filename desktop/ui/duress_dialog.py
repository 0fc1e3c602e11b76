"""Settings → *Duress passphrase…*: set or remove the duress passphrase and its decoy.

The dialog opens window-modal with ``open()``; the work (two or three Argon2id runs, a new
decoy database) goes to the store worker, which ignores the open store and works on the
files (desktop/services/unlock.py: a wrong store passphrase counts as a wrong try).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrase_policy import STORE_FLOOR, refusal
from desktop.services.unlock import clear_duress_counted, set_duress_counted
from desktop.ui.errors import user_message
from desktop.ui.passphrase_field import PassphraseField
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

ERROR_STYLE = "color: #b00020;"


class DuressDialog(QDialog):
    """``done_text`` holds what was done once it is accepted."""

    def __init__(self, worker: StoreWorker, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._data_dir = data_dir
        self.done_text = ""
        self.setWindowTitle(self.tr("Duress passphrase"))
        self.explanation = WrapLabel(
            self.tr(
                "A second passphrase for when you are forced to unlock. Typed anywhere "
                "Gatewatch asks for a passphrase, it destroys this store's key for good and "
                "opens a decoy store instead, in the same time and with the same screens. "
                "It cannot reach a copy of this laptop taken before."
            )
        )
        self.current = PassphraseField()
        self.duress = PassphraseField()
        self.repeat = PassphraseField()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("One innocuous note per line (optional)"))
        self.notes.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("This store's passphrase:"), self.current)
        form.addRow(self.tr("Duress passphrase:"), self.duress)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        form.addRow(self.tr("The decoy holds:"), self.notes)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.set_button = QPushButton(self.tr("&Set duress passphrase"))
        self.clear_button = QPushButton(self.tr("&Remove it"))
        self.buttons.addButton(self.set_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.set_button.clicked.connect(self.set_duress)
        self.clear_button.clicked.connect(self.clear_duress)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.buttons.setEnabled(True)

    def set_duress(self) -> None:
        current = self.current.edit.text()
        duress = self.duress.edit.text()
        if not current:
            self.show_error(self.tr("Type this store's passphrase first."))
            return
        if duress != self.repeat.edit.text():
            self.show_error(self.tr("The two duress passphrases differ."))
            return
        if refusal(duress, STORE_FLOOR) is not None:
            self.show_error(
                self.tr("The duress passphrase is too easy to guess. Use a few unrelated words.")
            )
            return
        notes = [line.strip() for line in self.notes.toPlainText().splitlines() if line.strip()]
        data_dir = self._data_dir
        self._run(
            lambda _: set_duress_counted(data_dir, current, duress, notes),
            self.tr("Duress passphrase set."),
        )

    def clear_duress(self) -> None:
        current = self.current.edit.text()
        if not current:
            self.show_error(self.tr("Type this store's passphrase first."))
            return
        data_dir = self._data_dir
        self._run(
            lambda _: clear_duress_counted(data_dir, current),
            self.tr("The duress passphrase and its decoy were removed."),
        )

    def _run(self, work: object, done_text: str) -> None:
        assert callable(work)
        self.buttons.setEnabled(False)
        self.error.hide()

        def done(_: object) -> None:
            self.done_text = done_text
            self.accept()

        self._worker.submit(work, done, lambda e: self.show_error(user_message(e)))
