"""The PDF briefing for the morning meeting: the board as a table, the map, what changed.

Three steps, so the GUI can keep Qt painting on its own thread and store work on the
store worker: `DeskSession.briefing` (store work, no painting), `render_briefing` (Qt's
PDF writer into memory; any thread with an application, the GUI thread in the dialog) and
`DeskSession.save_briefing` (the file, written whole or not at all, and the audit-trail
entry). `write_briefing` runs all three, for the command line; it makes an offscreen
application when there is none (a QGuiApplication: nothing on the way to the PDF needs a
widget). The pages themselves are painted by
`desktop.ui.desk.briefing_pages`.

Gate names are in the chosen language; Burmese is set in the bundled Padauk font, which
the PDF embeds. Source pseudonyms are never in a briefing (the board holds none).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.briefing import Briefing
from desktop.services.desk.export_output import ExportResult, Progress
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store
from desktop.ui import i18n
from desktop.ui.desk.briefing_pages import DPI, MAP_LOGICAL_WIDTH, BriefingPages

__all__ = [
    "MAP_LOGICAL_WIDTH",
    "Briefing",
    "ensure_application",
    "render_briefing",
    "write_briefing",
]

_MARGIN_MM = 14.0
_app: QGuiApplication | None = None  # kept alive for the process when made here


def write_briefing(
    store: Store,
    gazetteer: Gazetteer,
    out: Path,
    *,
    language: str = "en",
    since: datetime | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Gather, render and save a briefing in one go (the command line's path)."""
    ensure_application(language)
    if progress is not None:
        progress(0, 3)
    session = DeskSession(store)
    briefing = session.briefing(gazetteer, since=since)
    if progress is not None:
        progress(1, 3)
    pdf = render_briefing(briefing, gazetteer, language)
    if progress is not None:
        progress(2, 3)
    result = session.save_briefing(briefing, pdf, out).value
    if progress is not None:
        progress(3, 3)
    return result


def ensure_application(language: str) -> None:
    """An offscreen application with the translation and fonts of `language`, unless the
    process has an application already (the GUI: its language is the user's)."""
    global _app
    if QCoreApplication.instance() is not None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["gatewatch"])
    i18n.LanguageSwitcher(_app).switch(language)


def render_briefing(briefing: Briefing, gazetteer: Gazetteer, language: str) -> bytes:
    """The briefing as PDF bytes (A4, as many pages as the changes need)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer)
    pages = _render(writer, briefing, gazetteer, language, None)
    buffer.close()
    # Page X of Y: the first rendering counts the pages, the second writes them.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer)
    _render(writer, briefing, gazetteer, language, pages)
    buffer.close()
    return bytes(buffer.data().data())


def _writer(buffer: QBuffer) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(QCoreApplication.translate("Briefing", "Gate status briefing"))
    writer.setCreator("Gatewatch")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def _render(
    writer: QPdfWriter,
    briefing: Briefing,
    gazetteer: Gazetteer,
    language: str,
    total: int | None,
) -> int:
    painter = QPainter(writer)
    try:
        layout = BriefingPages(painter, writer, language, total)
        layout.draw(briefing, gazetteer)
    finally:
        painter.end()
    return layout.page
