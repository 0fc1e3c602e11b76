"""Export the newsroom key for a second editor desk, under a generated passphrase.

The dialog opens with a passphrase of random words already filled in and shown
(`desktop.domain.desk.diceware`, its strength in bits stated), to be written down and handed
over apart from the file. "New words" draws another; an editor may type their own instead,
held to the key export floor. Sealing runs on the store worker (Argon2id at the export's
cost takes seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk import diceware
from desktop.domain.passphrase_policy import KEY_EXPORT_FLOOR
from desktop.services.desk import review as desk_review
from desktop.ui.desk.setup import choose_file
from desktop.ui.desk.text import desk_error_message
from desktop.ui.passphrase_field import PassphraseField, strength_text
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

_ERROR_STYLE = "color: #b3261e;"


class ExportKeyDialog(QDialog):
    """Export the newsroom key for a second editor: a passphrase (generated, or typed
    twice) and a file."""

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._generated = ""
        self._generated_bits = 0.0
        self.setWindowTitle(self.tr("Export newsroom key"))
        self.intro = WrapLabel(
            self.tr(
                "The file holds the newsroom's private key, sealed with the passphrase below. "
                "Write the passphrase down and hand it to the other editor separately from "
                "the file (never in the same message)."
            )
        )
        self.passphrase_field = PassphraseField()
        self.passphrase = self.passphrase_field.edit
        self.repeat_field = PassphraseField()
        self.repeat = self.repeat_field.edit
        self.new_words_button = QPushButton(self.tr("&New words"))
        self.new_words_button.clicked.connect(self.generate)
        # The meter, against the higher floor of key exports, or the generated words' bits.
        self.meter = WrapLabel()
        self.passphrase.textChanged.connect(self._update_meter)
        self.path = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_field, 1)
        passphrase_row.addWidget(self.new_words_button)
        form = QFormLayout()
        for text, field, row in (
            (self.tr("&Passphrase:"), self.passphrase_field, passphrase_row),
            (self.tr("&Repeat it:"), self.repeat_field, None),
        ):
            caption = QLabel(text)
            caption.setBuddy(field.edit)
            field.edit.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(caption, row if row is not None else field)
        form.addRow(self.meter)
        self.path.setAccessibleName(self.tr("File"))
        form.addRow(QLabel(self.tr("File:")), path_row)
        self.error = WrapLabel()
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.generate()
        self.resize(560, self.sizeHint().height())

    def generate(self) -> None:
        """Fill both fields with new random words, shown so they can be written down."""
        generated = diceware.generate()
        self._generated = generated.text
        self._generated_bits = generated.bits
        self.passphrase.setText(generated.text)
        self.repeat.setText(generated.text)
        self.passphrase_field.toggle.setChecked(True)

    def _browse(self) -> None:
        path = choose_file(self, self.tr("Export newsroom key"), save=True, name="newsroom.key")
        if path is not None:
            self.path.setText(str(path))

    def _update_meter(self) -> None:
        text = self.passphrase.text()
        if text and text == self._generated:
            self.meter.setText(
                self.tr(
                    "{words} words drawn at random from a list of 7,776: about {bits} bits, "
                    "beyond any guessing. Write them down now; they are kept nowhere."
                ).format(words=diceware.WORDS_PER_PASSPHRASE, bits=f"{self._generated_bits:.0f}")
            )
            return
        self.meter.setText(strength_text(text, KEY_EXPORT_FLOOR)[0])

    def export(self) -> None:
        passphrase, path = self.passphrase.text(), self.path.text().strip()
        if passphrase != self._generated and not strength_text(passphrase, KEY_EXPORT_FLOOR)[1]:
            self._show_error(
                self.tr(
                    "This file opens every report of the newsroom: its passphrase must be "
                    "stronger. Add a few unrelated words."
                )
            )
            return
        if passphrase != self.repeat.text():
            self._show_error(self.tr("The two passphrases differ."))
            return
        if not path:
            self._show_error(self.tr("Choose where to save the file."))
            return
        self.error.hide()
        self.export_button.setEnabled(False)

        def work(store: Any) -> str:
            return desk_review.export_newsroom_key(store, Path(path), passphrase)

        def failed(error: Exception) -> None:
            self.export_button.setEnabled(True)
            self._show_error(desk_error_message(error))

        self._worker.submit(work, lambda _: self.accept(), failed)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
