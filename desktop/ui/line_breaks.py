"""Breaking Burmese text into lines ourselves, because Qt breaks Myanmar lines anywhere.

Qt (the PySide6 wheels, built without ICU) has no Burmese dictionary and reports a line
break opportunity before almost every Myanmar character, vowel signs and asat included;
a zero-width space adds one more opportunity but takes none away (measured: the same
mid-syllable breaks with and without U+200B). So `wrap_to_width` breaks text into lines,
only at spaces and between syllables (`myanmar_text.syllable_breaks`), to the width it is
shown at, and hands it on with the line ends in place: lines that fit are not broken again.
Font metrics only (no widget): the PDF briefing wraps with it too; `wrapping` puts it in
labels and message boxes. Display only: nothing stored or copied goes through this.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QFontMetricsF

from desktop.ui.myanmar_text import ZWSP, has_myanmar, syllable_breaks

__all__ = ["wrap_to_width"]

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
