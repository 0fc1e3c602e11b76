"""Burmese text wrapped between syllables in widgets (the line breaking itself is
`line_breaks.wrap_to_width`, since Qt breaks Myanmar lines anywhere):

- `WrapLabel` is a word-wrapping QLabel that re-wraps its Burmese text whenever its
  width or font changes (`raw_text()` is what was set);
- `wrap_message` pre-wraps a message box text to a fixed width.
Display only: nothing stored or copied goes through this.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.ui.line_breaks import wrap_to_width
from desktop.ui.myanmar_text import has_myanmar

MESSAGE_WIDTH_PX = 420


def wrap_message(text: str, font: QFont) -> str:
    """A message box text, pre-wrapped at `MESSAGE_WIDTH_PX` (the box sizes to it)."""
    return wrap_to_width(text, font, MESSAGE_WIDTH_PX)


def set_message(box: QMessageBox, text: str, details: str = "") -> None:
    """Put `text` (and the informative `details`) in `box` as plain text, Burmese
    pre-wrapped between syllables."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(wrap_message(text, box.font()))
    if details:
        box.setInformativeText(wrap_message(details, box.font()))


class WrapLabel(QLabel):
    """A word-wrapping plain-text label that wraps Burmese between syllables.

    `setText` keeps the text as given (`raw_text()`); what Qt shows has line ends put for
    the label's current width, re-done on every resize and font change.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._raw = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def raw_text(self) -> str:
        return self._raw

    def setText(self, text: str) -> None:
        self._raw = text
        self._rewrap()

    def _text_width(self, width: int) -> int:
        margins = self.contentsMargins()
        indent = max(0, self.indent())
        return width - margins.left() - margins.right() - 2 * self.margin() - indent

    def _rewrap(self) -> None:
        width = self._text_width(self.width())
        shown = wrap_to_width(self._raw, self.font(), width) if width > 40 else self._raw
        if shown != super().text():
            super().setText(shown)

    def heightForWidth(self, width: int) -> int:
        if not has_myanmar(self._raw):
            return super().heightForWidth(width)
        inner = self._text_width(width)
        wrapped = wrap_to_width(self._raw, self.font(), inner)
        metrics = self.fontMetrics()
        box = metrics.boundingRect(
            QRect(0, 0, max(1, inner), 100_000), Qt.TextFlag.TextWordWrap, wrapped
        )
        margins = self.contentsMargins()
        return box.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rewrap()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._rewrap()
            self.updateGeometry()
