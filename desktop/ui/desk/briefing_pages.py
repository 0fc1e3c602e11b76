"""The briefing's pages painted: the header, the board as a table, the map with its
legend, prices and shortages, and what changed, a new page whenever the next block does not
fit. desktop/ui/desk/pdf.py drives it into a PDF writer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPdfWriter

from desktop.domain.desk.board import GateStatus
from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.desk.board_report import SIDES
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import SideStatus
from desktop.services.desk.briefing import Briefing
from desktop.ui import i18n
from desktop.ui.desk.board_age import gate_age_text
from desktop.ui.desk.briefing_legend import paint_legend
from desktop.ui.desk.briefing_market import market_lines, market_title
from desktop.ui.desk.briefing_text import (
    aspect_name,
    event_line,
    gate_lines,
    header_lines,
    myanmar_time,
)
from desktop.ui.desk.map_paint import paint_map
from desktop.ui.desk.map_style import OVERALL_COLORS, value_color
from desktop.ui.labels import label
from desktop.ui.line_breaks import wrap_to_width

# The map's scene width: on the page's 180 mm its 8-point legend prints at about 9 points.
MAP_LOGICAL_WIDTH = 620.0
DPI = 300
_GREY = QColor("#616161")
_WARNING = QColor("#b71c1c")
_RULE = QColor("#bdbdbd")


class BriefingPages:
    """Lays out the briefing top to bottom, starting a new page when the next block does
    not fit. Units are device pixels at `DPI`; `pt` converts from points."""

    def __init__(
        self, painter: QPainter, writer: QPdfWriter, language: str, total: int | None
    ) -> None:
        self.total = total
        self.painter = painter
        self.writer = writer
        self.language = language
        page = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(page.width())
        self.height = float(page.height())
        self.y = 0.0
        self.page = 1

    def pt(self, points: float) -> float:
        return points * DPI / 72

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont()
        switcher = i18n.LanguageSwitcher.current
        padauk = switcher.myanmar_family if switcher is not None else None
        if padauk:
            # Padauk leads in Burmese; in English it fills in the Myanmar letters only.
            base = QFont().family()
            font.setFamilies([padauk, base] if self.language == "my" else [base, padauk])
            if self.language == "my":
                points *= i18n.MYANMAR_SIZE_FACTOR
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, text: str, font: QFont, x: float, width: float, *, draw: bool = True) -> float:
        """Draw wrapped text at (x, self.y); return its height."""
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        metrics = QFontMetricsF(font, self.writer)  # the PDF's resolution, not the screen's
        # Qt breaks Burmese anywhere: the lines are broken here between syllables, a hair
        # narrower than the box so Qt does not break them again.
        text = wrap_to_width(text, font, width * 0.98, metrics=metrics)
        box = metrics.boundingRect(QRectF(x, self.y, width, 10_000), flags, text)
        if draw:
            self.painter.setFont(font)
            self.painter.drawText(QRectF(x, self.y, width, box.height()), flags, text)
        return float(box.height())

    def need(self, height: float) -> None:
        if self.y + height > self.height - self.pt(20):
            self.footer()
            self.writer.newPage()
            self.page += 1
            self.y = 0.0

    def footer(self) -> None:
        font = self.font(7.5)
        self.painter.setPen(_GREY)
        self.painter.setFont(font)
        line = QCoreApplication.translate(
            "Briefing",
            "Page {number} of {total} · Contains unpublished material: for the newsroom only."
            " Source pseudonyms are never included in a briefing.",
        )
        self.painter.drawText(
            QRectF(0, self.height - self.pt(14), self.width, self.pt(14)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            line.format(number=self.page, total=self.total or "…"),
        )
        self.painter.setPen(QColor("black"))

    def draw(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        self.heading(briefing)
        self.board_table(briefing, gazetteer)
        self.map(briefing, gazetteer)
        self.changes(briefing, gazetteer)
        self.prices(briefing, gazetteer)
        self.details(briefing, gazetteer)
        self.footer()

    def heading(self, briefing: Briefing) -> None:
        self.y += self.text(
            QCoreApplication.translate("Briefing", "Gate status briefing"),
            self.font(18, bold=True),
            0,
            self.width,
        )
        self.painter.setPen(_WARNING)
        self.y += self.text(
            QCoreApplication.translate(
                "Briefing", "Contains unpublished material: for the newsroom only."
            ),
            self.font(10, bold=True),
            0,
            self.width,
        )
        self.painter.setPen(_GREY)
        lines = header_lines(
            briefing.desk_label, briefing.since, briefing.generated_at, dict(briefing.counts)
        )
        self.y += self.text("\n".join(lines), self.font(9), 0, self.width) + self.pt(10)
        self.painter.setPen(QColor("black"))

    def details(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        """Per crossing: every aspect with its value, sources, grade and age; claims and
        conflicts."""
        entries = []
        for crossing in gazetteer:
            lines = gate_lines(briefing.snapshot.board.gates[crossing.id])
            if lines:
                entries.append((crossing.name(self.language), "\n".join(lines)))
        self.section(QCoreApplication.translate("Briefing", "Crossings in detail"), "", entries)

    def prices(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        """Per crossing: prices and shortages, with the change since the previous briefing."""
        if briefing.previous is None:
            return
        entries = []
        for market in briefing.market:
            crossing = gazetteer.get(market.gate)
            if not market.empty and crossing is not None:
                entries.append((crossing.name(self.language), "\n".join(market_lines(market))))
        note = market_title(briefing.previous, briefing.previous_is_briefing)
        if not entries:
            note += "\n" + QCoreApplication.translate(
                "Briefing", "No prices or shortages in verified reports."
            )
        self.section(
            QCoreApplication.translate("Briefing", "Prices and shortages"),
            note,
            entries,
            always=True,
        )

    def section(
        self, title: str, note: str, entries: list[tuple[str, str]], *, always: bool = False
    ) -> None:
        """A titled list of (name, body) entries; the title never alone at a page's foot."""
        if not entries and not always:
            return
        title_font, note_font = self.font(12, bold=True), self.font(9)
        head = self.text(title, title_font, 0, self.width, draw=False) + self.pt(4)
        if note:
            head += self.text(note, note_font, 0, self.width, draw=False) + self.pt(4)
        self.y += self.pt(6)
        self.need(head + (self.entry_height(*entries[0]) if entries else 0))
        self.y += self.text(title, title_font, 0, self.width) + self.pt(4)
        if note:
            self.painter.setPen(_GREY)
            self.y += self.text(note, note_font, 0, self.width) + self.pt(4)
            self.painter.setPen(QColor("black"))
        for name, body in entries:
            self.need(self.entry_height(name, body))
            self.y += self.text(name, self.font(10, bold=True), 0, self.width)
            self.y += self.text(body, self.font(9.5), self.pt(12), self.width - self.pt(12))
            self.y += self.pt(6)

    def board_table(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        headers = [
            QCoreApplication.translate("Briefing", "Crossing"),
            QCoreApplication.translate("Briefing", "China side"),
            QCoreApplication.translate("Briefing", "Myanmar side"),
            QCoreApplication.translate("Briefing", "Sources"),
            QCoreApplication.translate("Briefing", "Last change"),
            QCoreApplication.translate("Briefing", "Flags"),
        ]
        shares = [0.17, 0.13, 0.13, 0.18, 0.19, 0.20]
        columns = [self.width * s for s in shares]
        self.row(headers, columns, self.font(9, bold=True), rule=True)
        for crossing in gazetteer:
            status = briefing.snapshot.board.gates[crossing.id]
            cells = [
                crossing.name(self.language),
                label(SideStatus(status.side(SIDES[0]))),
                label(SideStatus(status.side(SIDES[1]))),
                _sources(status),
                "\n".join(t for t in (_local(status.last_change), gate_age_text(status)) if t),
                _flags(status),
            ]
            swatches = [
                OVERALL_COLORS[status.overall],
                value_color(status.side(SIDES[0])),
                value_color(status.side(SIDES[1])),
            ]
            self.row(cells, columns, self.font(9), swatches=swatches)
        self.y += self.pt(12)

    def row(
        self,
        cells: list[str],
        columns: list[float],
        font: QFont,
        *,
        rule: bool = False,
        swatches: list[QColor] | None = None,
    ) -> None:
        pad = self.pt(4)
        mark = self.pt(7) if swatches else 0.0
        heights = [
            self.text(c, font, 0, w - 2 * pad - (mark if i < 3 else 0), draw=False)
            for i, (c, w) in enumerate(zip(cells, columns, strict=True))
        ]
        height = max(heights) + 2 * pad
        self.need(height)
        x = 0.0
        top = self.y
        for index, (cell, width) in enumerate(zip(cells, columns, strict=True)):
            offset = 0.0
            if swatches and index < 3:
                self.painter.fillRect(
                    QRectF(x + pad, top + pad + self.pt(2), self.pt(5), self.pt(5)),
                    swatches[index],
                )
                offset = mark
            self.y = top + pad
            self.text(cell, font, x + pad + offset, width - 2 * pad - offset)
            x += width
        self.y = top + height
        self.painter.setPen(_RULE if not rule else QColor("black"))
        self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.painter.setPen(QColor("black"))

    def map(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        legend_font = self.font(9)
        legend = paint_legend(
            self.painter, self.writer, legend_font, QPointF(), self.width, draw=False
        )
        height = min(self.width * 0.78, self.height * 0.5)
        room = self.height - self.pt(20) - self.y - self.pt(30) - legend
        if room >= height * 0.5:  # a somewhat smaller map rather than a half-empty page
            height = min(height, room)
        self.need(height + self.pt(30) + legend)
        self.y += self.text(
            QCoreApplication.translate("Briefing", "Map"), self.font(12, bold=True), 0, self.width
        ) + self.pt(4)
        paint_map(
            self.painter,
            QRectF(0, self.y, self.width, height),
            briefing.snapshot.board,
            gazetteer,
            self.language,
            logical_width=MAP_LOGICAL_WIDTH,
            legend=False,
        )
        self.y += height + self.pt(6)
        self.y += paint_legend(
            self.painter, self.writer, legend_font, QPointF(0, self.y), self.width
        )
        self.y += self.pt(12)

    def changes(self, briefing: Briefing, gazetteer: Gazetteer) -> None:
        title = QCoreApplication.translate("Briefing", "What changed since {since}").format(
            since=_local(briefing.since)
        )
        title_height = self.text(title, self.font(12, bold=True), 0, self.width, draw=False)
        by_gate: dict[str, list[StatusEvent]] = {}
        for event in briefing.changes:
            by_gate.setdefault(event.gate, []).append(event)
        entries = [self.change_entry(change, gazetteer) for change in by_gate.items()]
        first = self.entry_height(*entries[0]) if entries else self.pt(20)
        self.need(title_height + self.pt(4) + first)  # never a title alone at a page's foot
        self.y += self.text(title, self.font(12, bold=True), 0, self.width) + self.pt(4)
        if not entries:
            self.y += self.text(
                QCoreApplication.translate("Briefing", "No crossing changed."),
                self.font(10),
                0,
                self.width,
            )
            return
        for name, body in entries:
            self.need(self.entry_height(name, body))
            self.y += self.text(name, self.font(10, bold=True), 0, self.width)
            self.y += self.text(body, self.font(9.5), self.pt(12), self.width - self.pt(12))
            self.y += self.pt(6)

    def change_entry(
        self, change: tuple[str, list[StatusEvent]], gazetteer: Gazetteer
    ) -> tuple[str, str]:
        gate, events = change
        crossing = gazetteer.get(gate)
        name = crossing.name(self.language) if crossing is not None else gate
        return name, "\n".join(event_line(event) for event in events)

    def entry_height(self, name: str, body: str) -> float:
        height = self.text(name, self.font(10, bold=True), 0, self.width, draw=False)
        body_width = self.width - self.pt(12)
        return height + self.text(body, self.font(9.5), 0, body_width, draw=False) + self.pt(6)


def _sources(status: GateStatus) -> str:
    """Each side's own sources and grade, one line each (``China 2 · B2``)."""
    lines = [
        f"{aspect_name(a)} {status.aspects[a].corroboration}"
        for a in SIDES
        if status.aspects[a].sources
    ]
    return "\n".join(lines) or "—"


def _flags(status: GateStatus) -> str:
    flags = []
    if status.stale:
        flags.append(QCoreApplication.translate("Briefing", "stale: not confirmed lately"))
    if status.has_conflict:
        flags.append(QCoreApplication.translate("Briefing", "conflicting reports"))
    if status.has_unverified_change:
        flags.append(QCoreApplication.translate("Briefing", "reported change, unverified"))
    return "; ".join(flags) or "—"


def _local(moment: datetime | None) -> str:
    return myanmar_time(moment)
