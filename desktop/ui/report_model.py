"""The report list model: holds ids, fetches rows lazily a page at a time.

The model never touches the store. It is given the ids in display order (searching and
sorting happen in SQL) and a `fetch` function that loads rows for some ids somewhere else
(the store worker) and calls back with them. Until a row arrives, its cells show a
placeholder; when it arrives the model emits dataChanged. 100,000 ids cost a list of
strings; rows are cached up to a bound.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.gazetteer import Gazetteer
from desktop.store.reports import ReportRow
from desktop.ui.i18n import myanmar_font
from desktop.ui.myanmar_text import has_myanmar

RowFetcher = Callable[[Sequence[str], Callable[[list[ReportRow]], None]], None]
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
CACHE_ROWS = 5_000
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReportListModel(QAbstractTableModel):
    """Rows of report revisions for the main list; see the module docstring."""

    COLUMNS = ("observed", "gate", "china_side", "myanmar_side", "state", "summary")

    def __init__(
        self,
        fetch: RowFetcher,
        gazetteer: Gazetteer,
        *,
        language: str = "en",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._gazetteer = gazetteer
        self._language = language
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._cache: OrderedDict[str, ReportRow] = OrderedDict()
        self._pending_pages: set[int] = set()
        self._generation = 0
        self._headers: dict[str, str] = {}
        self._retranslate_headers()

    def _retranslate_headers(self) -> None:
        self._headers = {
            "observed": self.tr("Observed"),
            "gate": self.tr("Crossing"),
            "china_side": self.tr("China side"),
            "myanmar_side": self.tr("Myanmar side"),
            "state": self.tr("State"),
            "summary": self.tr("Summary"),
        }

    def set_language(self, language: str) -> None:
        """Show gazetteer names in `language` and every text in the installed translation
        (after a language switch): headers and every cell are announced as changed."""
        self._language = language
        self._retranslate_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            )

    def clear(self) -> None:
        """Forget every id and every cached row (on lock): no report text stays here."""
        self.set_ids([])
        self._cache.clear()

    # -- feeding -------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[str]) -> None:
        """Replace the list (a new filter or search). Cached rows stay valid by id."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._positions = {report_id: row for row, report_id in enumerate(self._ids)}
        self._pending_pages.clear()
        self.endResetModel()

    def invalidate(self, report_ids: Sequence[str]) -> None:
        """Forget cached rows (after an edit) so they are fetched again when shown."""
        for report_id in report_ids:
            self._cache.pop(report_id, None)
            row = self._positions.get(report_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def report_id(self, row: int) -> str | None:
        """The id shown at `row`, or None outside the list."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, report_id: str) -> int | None:
        return self._positions.get(report_id)

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's idiom)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        report_id = self._ids[index.row()]
        if role == ID_ROLE:
            return report_id
        if role == Qt.ItemDataRole.FontRole:
            row = self._cache.get(report_id)
            if row is None:
                return None
            text = self._cell(row, self.COLUMNS[index.column()])
            return myanmar_font() if has_myanmar(text) else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._cache.get(report_id)
        if row is None:
            self._request_page(index.row())
            return "…" if index.column() == 0 else ""
        self._cache.move_to_end(report_id)
        return self._cell(row, self.COLUMNS[index.column()])

    # -- internals -----------------------------------------------------------------------

    def _cell(self, row: ReportRow, column: str) -> str:
        if column == "observed":
            return _local_time(row.observed_at)
        if column == "gate":
            if row.gate is None:
                return row.new_crossing_name or self.tr("(not in the list)")
            crossing = self._gazetteer.get(row.gate)
            return row.gate if crossing is None else crossing.name(self._language)
        if column == "state":
            return {
                "draft": self.tr("Draft"),
                "queued": self.tr("Queued"),
                "sent": self.tr("Sent"),
                "purged": self.tr("Sent (removed)"),
            }[row.state.value]
        if column == "china_side":
            return self._side(row.china_side)
        if column == "myanmar_side":
            return self._side(row.myanmar_side)
        return row.summary

    def _side(self, status: str | None) -> str:
        labels = {
            "open": self.tr("open"),
            "closed": self.tr("closed"),
            "restricted": self.tr("restricted"),
            "unknown": self.tr("unknown"),
        }
        return "" if status is None else labels.get(status, "")

    def _request_page(self, row: int) -> None:
        page = row // PAGE_SIZE
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]

        def arrived(rows: list[ReportRow]) -> None:
            if generation != self._generation:
                return  # the list changed meanwhile; its own requests will follow
            self._pending_pages.discard(page)
            for fetched in rows:
                self._cache[fetched.id] = fetched
                self._cache.move_to_end(fetched.id)
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            first, last = page * PAGE_SIZE, page * PAGE_SIZE + len(ids) - 1
            if ids:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

        self._fetch(ids, arrived)


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
