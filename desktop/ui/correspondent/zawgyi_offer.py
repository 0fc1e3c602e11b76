"""The offer to convert a narrative typed in Zawgyi to Unicode, shown above the editor.

- It is made only when the text looks like Zawgyi (checked 300 ms after the last
  keystroke, not on every one), and shows the start of the text as typed and converted.
- *Convert* replaces the text in one edit of the editor's own undo history: Ctrl+Z brings
  back exactly what was typed (and the offer with it).
- *Keep as typed* withdraws the offer until the text stops looking like Zawgyi or another
  report is opened.
- Ctrl+Shift+U (`present`) brings the offer into view with *Convert* focused: the result
  is seen before it is applied; a second Ctrl+Shift+U, or Enter, applies it.

The previews hold report text: `reset` clears them (a lock, another report).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.services.correspondent.zawgyi import looks_like_zawgyi, zawgyi_to_unicode
from desktop.ui.i18n import fit_font
from desktop.ui.wrapping import WrapLabel

ZAWGYI_DELAY_MS = 300
ZAWGYI_PREVIEW_CHARS = 400


class ZawgyiOffer(QGroupBox):
    """See the module docstring. `editor` is the narrative this offer watches."""

    offered_changed = Signal(bool)
    wants_view = Signal()  # scroll the form so the offer shows
    paused = Signal()  # typing paused: the text was just checked

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._offered = False
        self._kept = False
        self.text = WrapLabel()
        self.before = QLabel()  # Zawgyi: its syllables are not Unicode's
        self.before.setWordWrap(True)
        self.before.setTextFormat(Qt.TextFormat.PlainText)
        self.after = WrapLabel()
        self.before_title = QLabel()
        self.after_title = QLabel()
        self.convert_button = QPushButton()
        self.keep_button = QPushButton()
        layout = QGridLayout(self)
        layout.addWidget(self.text, 0, 0, 1, 2)
        layout.addWidget(self.before_title, 1, 0)
        layout.addWidget(self.after_title, 1, 1)
        layout.addWidget(self.before, 2, 0)
        layout.addWidget(self.after, 2, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.convert_button)
        layout.addLayout(buttons, 3, 0, 1, 2)
        self.convert_button.clicked.connect(self.convert)
        self.keep_button.clicked.connect(self.keep)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ZAWGYI_DELAY_MS)
        self._timer.timeout.connect(self._pause)
        self.hide()
        self.retranslate()

    @property
    def offered(self) -> bool:
        """Whether the text looks like Zawgyi and the offer stands."""
        return self._offered

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("This text looks like Zawgyi"))
        self.text.setText(
            self.tr(
                "Gatewatch stores Burmese as Unicode so editors can read and search it. "
                "Convert the text below? Ctrl+Z brings back what you typed."
            )
        )
        self.before_title.setText(self.tr("As typed (Zawgyi)"))
        self.after_title.setText(self.tr("Converted (Unicode)"))
        self.convert_button.setText(self.tr("Co&nvert to Unicode"))
        self.convert_button.setToolTip(self.tr("Ctrl+Shift+U"))
        self.keep_button.setText(self.tr("Keep as type&d"))
        self.keep_button.setToolTip(self.tr("The text is not Zawgyi, or it should stay as it is."))

    def schedule(self) -> None:
        """Check the text once typing pauses."""
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()

    def _pause(self) -> None:
        self.check()
        self.paused.emit()

    def check(self) -> None:
        """Make or withdraw the offer for the editor's text now."""
        self._timer.stop()
        text = self._editor.toPlainText()
        if not (text and looks_like_zawgyi(text)):
            self._kept = False  # a later Zawgyi paste is offered again
            self._withdraw()
            return
        if self._kept:
            self._withdraw()
            return
        sample = text[:ZAWGYI_PREVIEW_CHARS]
        converted = zawgyi_to_unicode(sample)
        self.before.setText(sample)
        self.after.setText(converted)
        fit_font(self.before, sample)
        fit_font(self.after, converted)
        self.show()
        self._set_offered(True)

    def reset(self) -> None:
        """Withdraw the offer and forget its previews and any "keep as typed"."""
        self._timer.stop()
        self._kept = False
        self._withdraw()

    def present(self) -> None:
        """Ctrl+Shift+U: show the offer with *Convert* focused; when it is focused
        already (the preview was seen), convert."""
        if not self._offered:
            return
        if self.convert_button.hasFocus():
            self.convert()
            return
        self.wants_view.emit()
        self.convert_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def convert(self) -> None:
        """Replace the whole text with its conversion, as one step of the editor's undo."""
        if not self._offered:
            return
        text = self._editor.toPlainText()
        if not looks_like_zawgyi(text):
            self._withdraw()
            return
        converted = zawgyi_to_unicode(text)
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(converted)
        cursor.endEditBlock()
        self._timer.stop()
        self._withdraw()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def keep(self) -> None:
        """Keep the text as typed: no offer until it stops looking like Zawgyi."""
        self._kept = True
        self._withdraw()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _withdraw(self) -> None:
        self.hide()
        self.before.clear()
        self.after.clear()
        self._set_offered(False)

    def _set_offered(self, offered: bool) -> None:
        if offered != self._offered:
            self._offered = offered
            self.offered_changed.emit(offered)
