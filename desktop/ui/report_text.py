"""A report's own words in a report pane (the desk's review pane, the correspondent's
detail pane): lines ended between syllables for the pane's width and, where the text has
Myanmar letters, a span in the Myanmar font at the chosen text size
(`desktop.ui.i18n.myanmar_font`). Only those runs change: titles and labels keep the
interface font, so an English pane showing a Burmese report still reads as English.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QFont

from desktop.ui.i18n import myanmar_font
from desktop.ui.line_breaks import wrap_to_width
from desktop.ui.myanmar_text import has_myanmar

__all__ = ["report_lines"]


def report_lines(text: str, font: QFont, room: float, *, wrap: bool = True) -> str:
    """`text` as HTML lines (``<br>`` between them), ended to fit `room` pixels when
    `wrap`; Myanmar text in its own font and size."""
    own = myanmar_font() if has_myanmar(text) else None
    wrapped = wrap_to_width(text, own or font, room) if wrap else text
    body = "<br>".join(html.escape(line) for line in wrapped.split("\n"))
    if own is None:
        return body
    families = ", ".join(f"'{family}'" for family in own.families())
    size = f"{own.pointSizeF():.1f}pt"
    return f'<span style="font-family: {families}; font-size: {size}">{body}</span>'
