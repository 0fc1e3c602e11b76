"""The screens before the store is open: first run (create) and unlock.

Neither shows anything about the store's content. They only collect a passphrase and
emit it; the window runs the actual opening on the store worker and reports back with
`show_error` or `set_busy`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrase_policy import STORE_FLOOR
from desktop.services.unlock import FINAL_WARNING_AT
from desktop.ui.i18n import LANGUAGES
from desktop.ui.passphrase_field import PassphraseField, strength_text
from desktop.ui.wrapping import WrapLabel

_FORM_WIDTH = 460


def _centered(page: QWidget, inner: QWidget) -> None:
    # Stretches rather than an alignment flag: a layout gives an aligned widget only its
    # size hint and ignores height-for-width, which clipped wrapped (error) labels.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner)
    row.addStretch(1)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    inner.setFixedWidth(_FORM_WIDTH)


def _error_label() -> QLabel:
    label = WrapLabel()
    label.setObjectName("error")
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


class FirstRunPage(QWidget):
    """Choose the language and a passphrase; creates the store."""

    create_requested = Signal(str)  # the passphrase
    language_chosen = Signal(str)  # "en" or "my"

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.intro = WrapLabel()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.passphrase_field = PassphraseField()
        self.passphrase = self.passphrase_field.edit
        self.repeat_field = PassphraseField()
        self.repeat = self.repeat_field.edit
        self.hint = QLabel()  # the strength meter: zxcvbn's verdict and advice
        self.hint.setWordWrap(True)
        self.mismatch = _error_label()
        self.error = _error_label()
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        # The secondary choice: the same store, set up as an editor desk afterwards.
        self.desk_mode = False
        self.desk_button = QPushButton()
        self.desk_button.setFlat(True)
        self.desk_button.setStyleSheet("color: #1a4f8a; text-decoration: underline;")
        self.desk_button.clicked.connect(lambda: self.set_desk_mode(not self.desk_mode))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_label = QLabel()
        self.passphrase_label = QLabel()
        self.repeat_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.passphrase_label.setBuddy(self.passphrase)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.language_label, self.language)
        form.addRow(self.passphrase_label, self.passphrase_field)
        form.addRow(self.repeat_label, self.repeat_field)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.mismatch)
        layout.addWidget(self.error)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(16)
        layout.addWidget(self.desk_button, 0, Qt.AlignmentFlag.AlignLeft)
        _centered(self, inner)

        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self.language.currentIndexChanged.connect(
            lambda _: self.language_chosen.emit(str(self.language.currentData()))
        )
        self.setTabOrder(self.language, self.passphrase)
        self.setTabOrder(self.passphrase, self.repeat)
        self.setTabOrder(self.repeat, self.create_button)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if self.desk_mode:
            self.title.setText(self.tr("Set up an editor desk"))
            self.intro.setText(
                self.tr(
                    "The desk keeps the newsroom key and every report it receives encrypted "
                    "on this computer. Choose a passphrase for this desk; without it nobody "
                    "can open the desk."
                )
            )
            self.create_button.setText(self.tr("&Create encrypted desk store"))
            self.desk_button.setText(self.tr("Back: log reports as a correspondent"))
        else:
            self.title.setText(self.tr("Welcome to Gatewatch"))
            self.intro.setText(
                self.tr(
                    "What you log stays encrypted on this computer until it is sent to the "
                    "newsroom. Choose a passphrase that you can type quickly but nobody can "
                    "guess. If you forget it, nobody can open your reports, not even the "
                    "newsroom."
                )
            )
            self.create_button.setText(self.tr("&Create encrypted store"))
            self.desk_button.setText(self.tr("Set up an editor desk instead"))
        self.language_label.setText(self.tr("&Language:"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat it:"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.language.setAccessibleName(self.tr("Language"))
        self._update()

    def set_desk_mode(self, desk: bool) -> None:
        """Create the store for an editor desk (True) or for a correspondent (False)."""
        self.desk_mode = desk
        self.retranslate()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase, self.repeat, self.language, self.desk_button):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self._acceptable())

    def reset(self) -> None:
        """Forget what was typed (after creating, or when shown again after a wipe)."""
        self.passphrase.clear()
        self.repeat.clear()
        self.passphrase_field.hide_text()
        self.repeat_field.hide_text()
        self.error.hide()
        self.set_busy(False)

    def _acceptable(self) -> bool:
        text = self.passphrase.text()
        return strength_text(text, STORE_FLOOR)[1] and self.repeat.text() == text

    def _update(self) -> None:
        text = self.passphrase.text()
        self.hint.setText(strength_text(text, STORE_FLOOR)[0])
        repeat = self.repeat.text()
        # Said as an error once the repeat is as long as the passphrase, or goes wrong early.
        differs = (
            bool(repeat)
            and repeat != text
            and (len(repeat) >= len(text) or not text.startswith(repeat))
        )
        self.mismatch.setText(self.tr("The two passphrases differ."))
        self.mismatch.setVisible(differs)
        self.create_button.setEnabled(self._acceptable() and self.passphrase.isEnabled())

    def _submit(self) -> None:
        if self._acceptable() and self.passphrase.isEnabled():
            self.error.hide()
            self.set_busy(True)
            self.create_requested.emit(self.passphrase.text())


class UnlockPage(QWidget):
    """Only a passphrase field: nothing on it reveals what the store holds."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.passphrase_field = PassphraseField()
        self.passphrase = self.passphrase_field.edit
        self.error = _error_label()
        # The wipe limit, said before the first try; red and stronger near the end.
        self.limit = WrapLabel()
        self.limit.setObjectName("limit")
        self.limit.hide()
        self._tries: tuple[int | None, int] = (None, 0)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.error)
        layout.addWidget(self.limit)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        _centered(self, inner)
        self.passphrase.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Gatewatch is locked"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self._show_tries()

    def set_tries(self, remaining: int | None, wipe_after: int) -> None:
        """Say how many wrong passphrases are left before the wipe (None: no limit)."""
        self._tries = (remaining, wipe_after)
        self._show_tries()

    def _show_tries(self) -> None:
        remaining, wipe_after = self._tries
        if remaining is None:
            self.limit.hide()
            return
        if remaining <= FINAL_WARNING_AT:
            self.limit.setStyleSheet("color: #b3261e; font-weight: 600;")
            self.limit.setText(
                self.tr(
                    "Careful: wrong tries left before this store and every report in it are "
                    "destroyed for good: %n.",
                    "",
                    remaining,
                )
            )
        else:
            self.limit.setStyleSheet("")
            text = self.tr(
                "After %n wrong passphrases in a row, this store is destroyed.", "", wipe_after
            )
            if remaining < wipe_after:
                text += " " + self.tr("Tries left: %n.", "", remaining)
            self.limit.setText(text)
        self.limit.show()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.set_busy(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def reset(self) -> None:
        self.passphrase.clear()
        self.passphrase_field.hide_text()
        self.error.hide()
        self.set_busy(False)

    def _submit(self) -> None:
        if self.passphrase.text() and self.passphrase.isEnabled():
            self.set_busy(True)
            self.unlock_requested.emit(self.passphrase.text())
