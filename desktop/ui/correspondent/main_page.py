"""The main page: the report list with search and filters, and a detail pane.

All data comes through the store worker and `CorrespondentSession`; this page never
touches the store. The list is the lazy `ReportListModel`; searching and filtering happen in
SQL. It asks for its rows again whenever a command changed reports or their delivery
(`StoreWorker.changed`), at once if it shows, else when it is next shown.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import (
    Barrier,
    Controller,
    Currency,
    HowKnown,
    PriceUnit,
    Reliability,
    Shortage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
)
from desktop.services.changes import Changes
from desktop.services.correspondent.session import (
    CorrespondentSession,
    ListQuery,
    ReportDetail,
    ReportRow,
)
from desktop.ui.clipboard import ConcealedTextBrowser
from desktop.ui.columns import FittedColumns
from desktop.ui.correspondent.followup_panel import FollowupPanel
from desktop.ui.correspondent.report_model import ReportListModel
from desktop.ui.labels import commodity_label, credibility_label, label
from desktop.ui.lazy_rows import report_table
from desktop.ui.report_text import report_lines
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

SEARCH_DELAY_MS = 250


class MainPage(QWidget):
    """List, filters, search and detail. Emits what the user wants to do with a report."""

    new_requested = Signal()
    edit_requested = Signal(str)  # a draft's id
    correct_requested = Signal(str)  # a queued or sent report's id
    error = Signal(object)  # an exception, or a message
    counted = Signal(int, int)  # shown, total
    selection_changed = Signal()  # the selected report (or its state) changed

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._selected: str | None = None
        self._selected_state: ReportState | None = None
        self._query_serial = 0
        self._stale = False

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.gate_filter = QComboBox()
        self.new_button = QPushButton()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.state_filter, 1)
        filters.addWidget(self.gate_filter, 1)
        filters.addWidget(self.new_button)

        self.model = ReportListModel(self._fetch_rows, gazetteer, language=language(), parent=self)
        self.table = report_table(self.model, (130, 110, 90, 100, 80))
        # Narrow or long-worded: the sides go first (the detail pane shows them).
        self.columns = FittedColumns(self.table, (130, 110, 90, 100, 80), optional=(2, 3))
        self.empty = WrapLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.detail = ConcealedTextBrowser()
        self.detail.setOpenLinks(False)
        self._detail_shown: ReportDetail | None = None
        self._detail_width = 0
        self.detail.viewport().installEventFilter(self)
        self.edit_button = QPushButton()
        self.edit_button.hide()
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.followups = FollowupPanel(worker)  # questions from the desk, and answers
        self.followups.correct_requested.connect(self.correct_requested)
        self.followups.error.connect(self.error)
        detail_layout.addWidget(self.followups)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._splitter_language: str | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.state_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.gate_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _: self._edit_selected())
        worker.changed.connect(self._changed)
        self.retranslate()

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search reports (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search reports"))
        self.state_filter.setAccessibleName(self.tr("Show reports in state"))
        self.gate_filter.setAccessibleName(self.tr("Show reports about crossing"))
        self.new_button.setText(self.tr("&New report"))
        self.new_button.setToolTip(self.tr("Log a new report (Ctrl+N)"))
        self.table.setAccessibleName(self.tr("Reports"))
        self.detail.setAccessibleName(self.tr("Report details"))
        self.model.set_language(self._language())
        self._fill_filters()
        self._update_empty_text()
        self._show_detail_placeholder()
        if self._selected is not None and self._worker.is_open:
            self._select(self._selected)  # the detail again, in the new language
        self._share_splitter()

    def _share_splitter(self) -> None:
        # Burmese lines are long and wrap at syllables: give the detail pane more room.
        language = self._language()
        if language == self._splitter_language:
            return
        self._splitter_language = language
        total = max(self.splitter.width(), 1000)
        detail = total * (50 if language == "my" else 40) // 100
        self.splitter.setSizes([total - detail, detail])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._worker.is_open:
            self.refresh()

    def _fill_filters(self) -> None:
        state, gate = self.state_filter.currentData(), self.gate_filter.currentData()
        for combo in (self.state_filter, self.gate_filter):
            combo.blockSignals(True)
            combo.clear()
        self.state_filter.addItem(self.tr("All states"), None)
        for value, text in (
            (ReportState.DRAFT, self.tr("Drafts")),
            (ReportState.QUEUED, self.tr("Queued")),
            (ReportState.SENT, self.tr("Sent")),
        ):
            self.state_filter.addItem(text, value)
        self.gate_filter.addItem(self.tr("All crossings"), None)
        for crossing in self._gazetteer.crossings:
            self.gate_filter.addItem(crossing.name(self._language()), crossing.id)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state)))
        self.gate_filter.setCurrentIndex(max(0, self.gate_filter.findData(gate)))
        for combo in (self.state_filter, self.gate_filter):
            combo.blockSignals(False)

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the worker for the ids matching the search and filters; show them."""
        self._search_timer.stop()
        self._stale = False
        self._query_serial += 1
        serial = self._query_serial
        query = ListQuery(
            text=self.search.text(),
            state=self.state_filter.currentData(),
            gate=self.gate_filter.currentData(),
        )
        gazetteer = self._gazetteer

        def work(store: Any) -> tuple[list[str], int]:
            session = CorrespondentSession(store)
            return session.report_ids(gazetteer, query), session.report_count()

        def done(result: tuple[list[str], int]) -> None:
            if serial != self._query_serial:
                return  # an older query answered late
            ids, total = result
            self.model.set_ids(ids)
            self._total = total
            self._update_empty_text()
            self.list_stack.setCurrentWidget(self.empty if not ids else self.table)
            self.counted.emit(len(ids), total)
            if self._selected is not None:
                row = self.model.row_of(self._selected)
                if row is not None:
                    self.table.selectRow(row)
                else:
                    self._select(None)

        self._worker.submit(work, done, self._failed)

    def clear(self) -> None:
        """Forget everything shown (on lock): no report text stays in a widget."""
        self._query_serial += 1
        self._stale = False
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_timer.stop()
        self._total = 0
        self._select(None)
        self.detail.clear()
        self._show_detail_placeholder()

    def _changed(self, changes: Changes) -> None:
        """A command changed reports or their delivery: every row may read differently."""
        if not (changes.reports or changes.delivery) or not self._worker.is_open:
            return
        self.model.forget_rows()
        if self.isVisible():
            if self._selected is not None:
                self._select(self._selected)
            self.refresh()
        else:
            self._stale = True

    def report_changed(self, report_id: str) -> None:
        """A report was saved elsewhere: its row is fetched again when shown; the whole
        list is asked for again now if this page shows, else when it is next shown."""
        self.model.invalidate([report_id])
        if self._selected == report_id and self.isVisible():
            self._select(report_id)
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @property
    def selected_draft(self) -> str | None:
        """The id of the selected report if it is a draft."""
        if self._selected_state is ReportState.DRAFT:
            return self._selected
        return None

    def _fetch_rows(self, ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        wanted = list(ids)
        self._worker.submit(
            lambda store: CorrespondentSession(store).report_rows(wanted), done, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.error.emit(error)

    _total = 0

    def _update_empty_text(self) -> None:
        if self._total == 0:
            self.empty.setText(
                self.tr(
                    "No reports yet.\n\nPress Ctrl+N, or New report, to log what you see or "
                    "hear at a crossing. Drafts are saved as you type."
                )
            )
        else:
            self.empty.setText(
                self.tr("No report matches. Clear the search box or choose other filters.")
            )

    # -- detail --------------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        self._select(self.model.report_id(indexes[0].row()) if indexes else None)

    def _select(self, report_id: str | None) -> None:
        self._detail_shown = None
        self._selected = report_id
        self._selected_state = None
        self.edit_button.hide()
        self.followups.show_report(report_id)
        self.selection_changed.emit()
        if report_id is None:
            self._show_detail_placeholder()
            return

        def done(detail: ReportDetail) -> None:
            if self._selected != report_id or not self._worker.is_open:
                return
            self._selected_state = detail.stored.row.state
            self._show_detail(detail)
            self.selection_changed.emit()
            if detail.stored.row.state is ReportState.DRAFT:
                self.edit_button.setText(self.tr("&Edit draft"))
                self.edit_button.show()
            elif detail.stored.row.state in (ReportState.QUEUED, ReportState.SENT):
                self.edit_button.setText(self.tr("&Correct (new revision)"))
                self.edit_button.show()

        gazetteer = self._gazetteer
        self._worker.submit(
            lambda store: CorrespondentSession(store).report(gazetteer, report_id),
            done,
            self._failed,
        )

    def _edit_selected(self) -> None:
        if self._selected is None or self._selected_state is None:
            return
        if self._selected_state is ReportState.DRAFT:
            self.edit_requested.emit(self._selected)
        elif self._selected_state in (ReportState.QUEUED, ReportState.SENT):
            self.correct_requested.emit(self._selected)

    def _show_detail_placeholder(self) -> None:
        if self._selected is None:
            self.detail.setHtml(
                "<p style='color:#666'>"
                + _esc(self.tr("Choose a report in the list to read it here."))
                + "</p>"
            )

    def _show_detail(self, detail: ReportDetail) -> None:
        """Render `detail` for the pane's current width and font (again on resize)."""
        self._detail_shown = detail
        self._detail_width = self.detail.viewport().width()
        scroll = self.detail.verticalScrollBar().value()
        self.detail.setHtml(self._detail_html(detail, self._detail_width))
        self.detail.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.detail.viewport()
            and self._detail_shown is not None
            and self.detail.viewport().width() != self._detail_width
        ):
            self._show_detail(self._detail_shown)
        return super().eventFilter(watched, event)

    def _detail_html(self, detail: ReportDetail, width: int) -> str:
        """The detail as HTML; with `width` > 0, long values and the narrative have their
        line ends put for that width."""
        body = detail.stored.body
        row = detail.stored.row
        lang = self._language()
        esc = _esc
        parts: list[str] = []
        crossing_name = self.tr("(not in the list)")
        if row.gate is not None:
            crossing = self._gazetteer.get(row.gate)
            crossing_name = row.gate if crossing is None else crossing.name(lang)
            if crossing is not None and lang != "en":
                crossing_name += f" ({crossing.name('en')})"
        elif isinstance(body.get("new_crossing"), dict):
            crossing_name = str(body["new_crossing"].get("name") or crossing_name)
        parts.append(f"<h2>{esc(crossing_name)}</h2>")
        observed = "—" if row.observed_at is None else row.observed_at.astimezone()
        when = observed if isinstance(observed, str) else observed.strftime("%Y-%m-%d %H:%M %Z")
        state_names = {
            ReportState.DRAFT: self.tr("Draft"),
            ReportState.QUEUED: self.tr("Queued for sending"),
            ReportState.SENT: self.tr("Sent"),
            ReportState.PURGED: self.tr("Sent, content removed from this computer"),
        }
        line = [when, state_names[row.state]]
        if row.revision > 1:
            line.append(self.tr("revision {number}").format(number=row.revision))
        parts.append(f"<p>{esc(' · '.join(line))}</p>")
        rows: list[tuple[str, str]] = []

        def enum_text(kind: Any, value: object) -> str | None:
            try:
                return label(kind(value))
            except ValueError:
                return None

        for key, title in (
            ("china_side", self.tr("China side")),
            ("myanmar_side", self.tr("Myanmar side")),
        ):
            text = enum_text(SideStatus, body.get(key))
            if text:
                rows.append((title, text))
        traffic = body.get("traffic")
        if isinstance(traffic, dict):
            for kind in TrafficKind:
                status = enum_text(TrafficStatus, traffic.get(kind.value, "unknown"))
                if status and traffic.get(kind.value, "unknown") != "unknown":
                    rows.append((label(kind), status))
        controller = enum_text(Controller, body.get("controlled_by"))
        if controller and body.get("controlled_by") != "unknown":
            rows.append((self.tr("Controlled by"), controller))
        for key, vocabulary, title in (
            ("barrier", Barrier, self.tr("Barrier")),
            ("shortages", Shortage, self.tr("Shortages")),
        ):
            values = body.get(key)
            if isinstance(values, list) and values:
                names = [enum_text(vocabulary, v) for v in values]
                rows.append((title, ", ".join(n for n in names if n)))
        prices = body.get("prices")
        if isinstance(prices, list):
            for price in prices:
                if not isinstance(price, dict):
                    continue
                unit = enum_text(PriceUnit, price.get("unit")) or ""
                currency = enum_text(Currency, price.get("currency")) or ""
                amount = price.get("amount")
                amount_text = f"{amount:,}" if isinstance(amount, int | float) else "?"
                rows.append(
                    (
                        self.tr("Price"),
                        f"{commodity_label(str(price.get('commodity', '')))}: "
                        f"{amount_text} {currency} / {unit}",
                    )
                )
        how = enum_text(HowKnown, body.get("how_known"))
        if how:
            rows.append((self.tr("How known"), how))
        source = body.get("source")
        if isinstance(source, dict):
            bits = [
                enum_text(SourceCategory, source.get("category")),
                enum_text(Reliability, source.get("reliability")),
            ]
            credibility = source.get("credibility")
            if isinstance(credibility, int) and 1 <= credibility <= 6:
                bits.append(credibility_label(credibility))
            if isinstance(source.get("pseudonym"), str):
                bits.append(source["pseudonym"])
            rows.append((self.tr("Source"), " · ".join(b for b in bits if b)))
        if detail.photos:
            rows.append((self.tr("Photos"), str(len(detail.photos))))
        # Qt breaks Burmese anywhere: lines are ended here, between syllables, to the
        # width of the pane (and again when it is resized; see wrapping.py).
        font = self.detail.font()
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        body_width = width - 2 * self.detail.document().documentMargin() - 8
        title_width = max((bold_metrics.horizontalAdvance(t) for t, _ in rows), default=0.0)
        value_width = body_width - title_width - 16

        def lines(text: str, room: float) -> str:
            return report_lines(text, font, room, wrap=bool(width))

        parts.append("<table cellspacing='0' cellpadding='3'>")
        for title, value in rows:
            parts.append(
                f"<tr><td><b>{esc(title)}</b></td><td>{lines(value, value_width)}</td></tr>"
            )
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
