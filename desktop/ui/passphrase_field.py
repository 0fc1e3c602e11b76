"""A passphrase field with a show/hide toggle, a Caps Lock warning, and the strength meter.

Qt has no portable way to read the Caps Lock state, so the warning infers it from the keys
typed: a letter that comes out upper case without Shift (or lower case with it) means Caps
Lock is on. It shows from the first such letter and goes with the first that says it is off.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.domain.passphrase_policy import MIN_CHARS, Verdict, assess

ERROR_STYLE = "color: #b3261e;"


class PassphraseField(QWidget):
    """`edit` is the QLineEdit (hidden text by default); `caps_warning` shows below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        # Tab goes from the field to the next field or button, not to Show: the keyboard
        # shows the passphrase with Alt+F8, as Windows' own passphrase boxes do.
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.toggled.connect(self._shown)
        reveal = QShortcut(QKeySequence("Alt+F8"), self)
        reveal.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reveal.activated.connect(self.toggle.toggle)
        self.caps_warning = QLabel()
        self.caps_warning.setObjectName("caps_warning")
        self.caps_warning.setStyleSheet(ERROR_STYLE)
        self.caps_warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.toggle)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.caps_warning)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        shown = self.toggle.isChecked()
        self.toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.toggle.setAccessibleName(
            self.tr("Hide the passphrase") if shown else self.tr("Show the passphrase")
        )
        self.toggle.setToolTip(f"{self.toggle.accessibleName()} (Alt+F8)")
        self.caps_warning.setText(self.tr("Caps Lock is on."))

    def hide_text(self) -> None:
        """Back to dots (when the page is reset or locked)."""
        self.toggle.setChecked(False)
        self.caps_warning.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if len(text) == 1 and text.lower() != text.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.caps_warning.setVisible(text.isupper() != shift)
        return False

    def _shown(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.retranslate()


def strength_text(passphrase: str, floor: int) -> tuple[str, bool]:
    """The meter's words for `passphrase` and whether it meets `floor`."""
    found = assess(passphrase)
    if found.too_short:
        return QCoreApplication.translate(
            "Passphrase", "At least %n characters.", "", MIN_CHARS
        ), False
    names = {
        Verdict.VERY_WEAK: QCoreApplication.translate("Passphrase", "Very weak"),
        Verdict.WEAK: QCoreApplication.translate("Passphrase", "Weak"),
        Verdict.FAIR: QCoreApplication.translate("Passphrase", "Fair"),
        Verdict.GOOD: QCoreApplication.translate("Passphrase", "Good"),
        Verdict.STRONG: QCoreApplication.translate("Passphrase", "Strong"),
    }
    ok = found.meets(floor)
    text = QCoreApplication.translate("Passphrase", "Strength: {verdict}.").format(
        verdict=names[found.verdict]
    )
    if not ok:
        text += " " + QCoreApplication.translate(
            "Passphrase", "Too easy to guess: add a few unrelated words."
        )
    if found.feedback():
        text += " " + found.feedback()  # zxcvbn's own advice, in English
    return text, ok
