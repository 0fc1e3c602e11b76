"""A report's details as the report list's detail pane shows them: HTML, with the lines
of long values and the narrative ended for the pane's width (Qt breaks Burmese anywhere;
see desktop/ui/wrapping.py). Its words are translated in the list's context, "MainPage"."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetricsF

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import (
    Barrier,
    Controller,
    HowKnown,
    Shortage,
    SideStatus,
    TrafficKind,
    TrafficStatus,
)
from desktop.services.correspondent.session import ReportDetail
from desktop.ui.labels import label, price_text, source_grades, stored_label
from desktop.ui.report_text import report_lines

__all__ = ["detail_html"]


def detail_html(
    detail: ReportDetail,
    width: int,
    *,
    language: str,
    gazetteer: Gazetteer,
    font: QFont,
    document_margin: float,
) -> str:
    """The detail as HTML; with `width` > 0, long values and the narrative have their
    line ends put for that width."""
    body = detail.stored.body
    row = detail.stored.row
    lang = language
    esc = _esc
    parts: list[str] = []
    crossing_name = QCoreApplication.translate("MainPage", "(not in the list)")
    if row.gate is not None:
        crossing = gazetteer.get(row.gate)
        crossing_name = row.gate if crossing is None else crossing.name(lang)
        if crossing is not None and lang != "en":
            crossing_name += f" ({crossing.name('en')})"
    elif isinstance(body.get("new_crossing"), dict):
        crossing_name = str(body["new_crossing"].get("name") or crossing_name)
    parts.append(f"<h2>{esc(crossing_name)}</h2>")
    observed = "—" if row.observed_at is None else row.observed_at.astimezone()
    when = observed if isinstance(observed, str) else observed.strftime("%Y-%m-%d %H:%M %Z")
    state_names = {
        ReportState.DRAFT: QCoreApplication.translate("MainPage", "Draft"),
        ReportState.QUEUED: QCoreApplication.translate("MainPage", "Queued for sending"),
        ReportState.SENT: QCoreApplication.translate("MainPage", "Sent"),
        ReportState.PURGED: QCoreApplication.translate(
            "MainPage", "Sent, content removed from this computer"
        ),
    }
    line = [when, state_names[row.state]]
    if row.revision > 1:
        line.append(
            QCoreApplication.translate("MainPage", "revision {number}").format(number=row.revision)
        )
    parts.append(f"<p>{esc(' · '.join(line))}</p>")
    rows: list[tuple[str, str]] = []

    for key, title in (
        ("china_side", QCoreApplication.translate("MainPage", "China side")),
        ("myanmar_side", QCoreApplication.translate("MainPage", "Myanmar side")),
    ):
        text = stored_label(SideStatus, body.get(key))
        if text:
            rows.append((title, text))
    traffic = body.get("traffic")
    if isinstance(traffic, dict):
        for kind in TrafficKind:
            status = stored_label(TrafficStatus, traffic.get(kind.value, "unknown"))
            if status and traffic.get(kind.value, "unknown") != "unknown":
                rows.append((label(kind), status))
    controller = stored_label(Controller, body.get("controlled_by"))
    if controller and body.get("controlled_by") != "unknown":
        rows.append((QCoreApplication.translate("MainPage", "Controlled by"), controller))
    for key, vocabulary, title in (
        ("barrier", Barrier, QCoreApplication.translate("MainPage", "Barrier")),
        ("shortages", Shortage, QCoreApplication.translate("MainPage", "Shortages")),
    ):
        values = body.get(key)
        if isinstance(values, list) and values:
            names = [stored_label(vocabulary, v) for v in values]
            rows.append((title, ", ".join(n for n in names if n)))
    prices = body.get("prices")
    if isinstance(prices, list):
        for price in prices:
            if isinstance(price, dict):
                rows.append((QCoreApplication.translate("MainPage", "Price"), price_text(price)))
    how = stored_label(HowKnown, body.get("how_known"))
    if how:
        rows.append((QCoreApplication.translate("MainPage", "How known"), how))
    source = body.get("source")
    if isinstance(source, dict):
        bits = source_grades(source)
        if isinstance(source.get("pseudonym"), str):
            bits.append(source["pseudonym"])
        rows.append(
            (QCoreApplication.translate("MainPage", "Source"), " · ".join(b for b in bits if b))
        )
    if detail.photos:
        rows.append((QCoreApplication.translate("MainPage", "Photos"), str(len(detail.photos))))
    # Qt breaks Burmese anywhere: lines are ended here, between syllables, to the
    # width of the pane (and again when it is resized; see wrapping.py).
    bold = QFont(font)
    bold.setBold(True)
    bold_metrics = QFontMetricsF(bold)
    body_width = width - 2 * document_margin - 8
    title_width = max((bold_metrics.horizontalAdvance(t) for t, _ in rows), default=0.0)
    value_width = body_width - title_width - 16

    def lines(text: str, room: float) -> str:
        return report_lines(text, font, room, wrap=bool(width))

    parts.append("<table cellspacing='0' cellpadding='3'>")
    for title, value in rows:
        parts.append(f"<tr><td><b>{esc(title)}</b></td><td>{lines(value, value_width)}</td></tr>")
    parts.append("</table>")
    narrative = body.get("narrative")
    if isinstance(narrative, str) and narrative:
        paragraphs = "".join(
            f"<p>{lines(p, body_width)}</p>" for p in narrative.splitlines() if p.strip()
        )
        parts.append(paragraphs)
    return "".join(parts)


def _esc(text: str) -> str:
    return html.escape(text)
