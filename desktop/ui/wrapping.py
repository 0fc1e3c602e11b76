"""Wrapping Burmese text ourselves, because Qt breaks Myanmar lines anywhere.

Qt (the PySide6 wheels, built without ICU) has no Burmese dictionary and reports a line
break opportunity before almost every Myanmar character, vowel signs and asat included;
a zero-width space adds one more opportunity but takes none away (measured: the same
mid-syllable breaks with and without U+200B). So text is broken into lines here, only at
spaces and between syllables (`myanmar_text.syllable_breaks`), to the width it is shown
at, and handed to Qt with the line ends in place: lines that fit are not broken again.

- `wrap_to_width` does it for a string, a font and a width;
- `WrapLabel` is a word-wrapping QLabel that re-wraps its Burmese text whenever its
  width or font changes (`raw_text()` is what was set);
- `wrap_message` pre-wraps a message box text to a fixed width.
Display only: nothing stored or copied goes through this.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from desktop.ui.myanmar_text import ZWSP, has_myanmar, syllable_breaks

MESSAGE_WIDTH_PX = 420
_PIECES = re.compile(r"[^ \u200b]*(?: +|\u200b|$)")


def _pieces(paragraph: str) -> list[str]:
    """The paragraph cut after each space and before each syllable; joined, it is the
    paragraph again (without zero-width spaces)."""
    marked = syllable_breaks(paragraph)
    return [piece.replace(ZWSP, "") for piece in _PIECES.findall(marked) if piece]


def wrap_to_width(
    text: str,
    font: QFont,
    width: float,
    *,
    latin: bool = False,
    metrics: QFontMetricsF | None = None,
) -> str:
    """`text` with line ends put so that no line is wider than `width` pixels in `font`,
    breaking only at spaces and between Burmese syllables. Removing the added line ends
    gives `text` back (without zero-width spaces): a space before a break stays at the end
    of its line. A single piece wider than `width` (a long Latin word) stays whole. Text
    without Myanmar letters is returned as it is (Qt breaks Latin text well), unless `latin`
    asks for it too (table cells, which Qt does not wrap). `metrics` measure for another
    device than the screen (a PDF writer's resolution)."""
    if not (latin or has_myanmar(text)) or width <= 0:
        return text
    metrics = metrics or QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in text.replace(ZWSP, "").split("\n"):
        line = ""
        for piece in _pieces(paragraph):
            candidate = line + piece
            if line and metrics.horizontalAdvance(candidate.rstrip(" ")) > width:
                lines.append(line)  # a space ending a line stays: joined, it is the text
                line = piece
            else:
                line = candidate
        lines.append(line)
    return "\n".join(lines)


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
