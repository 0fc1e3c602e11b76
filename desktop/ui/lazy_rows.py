"""A table model over a list of report ids whose rows arrive lazily, a page at a time.

The model never touches the store. It is given the ids in display order (searching and
sorting happen in SQL) and a `fetch` function that loads rows for some ids somewhere else
(the store worker) and calls back with them. Until a row arrives, its cells show a
placeholder; when it arrives the model emits dataChanged. 100,000 ids cost a list of
strings; rows are cached up to a bound. The correspondent's list and the desk's inbox are
both this model with their own columns (`_header`, `_cell`, `_row_id`, `_styled`).

Painting stays light on the GUI thread: a row's texts and fonts are worked out once (not
on every paint) and kept with the row, and `multiData` answers every role a delegate
paints a cell with in one call into Python, where `data` would be called once per role.
Every such call takes the GIL, which the store worker may hold: fewer calls, fewer waits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.domain.gazetteer import Gazetteer
from desktop.ui.i18n import myanmar_font
from desktop.ui.myanmar_text import has_myanmar

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
CACHE_ROWS = 5_000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole


class LazyRowsModel(QAbstractTableModel, Generic[R]):
    """See the module docstring. Subclasses set COLUMNS and implement `_header`, `_cell`
    and `_row_id`; `_styled` answers the other roles (colors) when they need to."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        fetch: Callable[[Sequence[str], Callable[[list[R]], None]], None],
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
        self._cache: OrderedDict[str, R] = OrderedDict()
        # Per cached row, per column: the text shown and its font (None: the view's).
        self._shown: dict[str, tuple[tuple[str, QFont | None], ...]] = {}
        self._font: QFont | None = None
        self._font_known = False
        self._pending_pages: set[int] = set()
        self._generation = 0

    # -- what subclasses say ---------------------------------------------------------------

    def _header(self, column: str) -> str:
        raise NotImplementedError

    def _cell(self, row: R, column: str) -> str:
        raise NotImplementedError

    def _row_id(self, row: R) -> str:
        raise NotImplementedError

    def _styled(self, row: R, column: str, role: int) -> Any:
        return None

    # -- feeding ---------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Show gazetteer names in `language` and every text in the installed translation
        (after a language switch): headers and every cell are announced as changed."""
        self._language = language
        self._shown.clear()
        self._font_known = False
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            )

    def set_ids(self, ids: Sequence[str], rows: Sequence[R] = ()) -> None:
        """Replace the list (a new filter or search). Cached rows stay valid by id; `rows`,
        read with the ids (the first page), are cached before the view asks for them."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._pending_pages.clear()
        for row in rows:
            self._keep(row)
        self.endResetModel()

    def forget_rows(self, fresh: Sequence[R] = ()) -> None:
        """Forget every cached row (many changed at once): they are fetched again, but for
        the `fresh` ones, just read again by the caller, kept in their place."""
        self._cache.clear()
        self._shown.clear()
        for row in fresh:
            self._cache[self._row_id(row)] = row
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            )

    def clear(self) -> None:
        """Forget every id and every cached row (on lock): no report text stays here."""
        self.set_ids([])
        self._cache.clear()
        self._shown.clear()

    def invalidate(self, report_ids: Sequence[str]) -> None:
        """Forget cached rows (after an edit or a move) so they are fetched again."""
        for report_id in report_ids:
            self._cache.pop(report_id, None)
            self._shown.pop(report_id, None)
            row = self.row_of(report_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def report_id(self, row: int) -> str | None:
        """The id shown at `row`, or None outside the list."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, report_id: str) -> int | None:
        # A scan in C, about 1 ms over 100,000 ids, and only on a selection or an edit: a
        # dict of positions would cost ~40 ms on the GUI thread at every new list.
        try:
            return self._ids.index(report_id)
        except ValueError:
            return None

    def cached(self, report_id: str) -> R | None:
        return self._cache.get(report_id)

    # -- Qt model interface ----------------------------------------------------------------

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
            return self._header(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._value(index.row(), index.column(), role)

    def multiData(
        self,
        index: Index,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """Every role the delegate asks for to paint a cell (font, alignment, colors, text,
        ...), in one call instead of one `data` call per role."""
        if isinstance(roleDataSpan, QModelRoleData):
            wanted = [roleDataSpan]
        else:  # indexing a span gives the element itself, not a copy
            wanted = [roleDataSpan[i] for i in range(roleDataSpan.size())]  # type: ignore[index]
        valid = index.isValid()
        row, column = (index.row(), index.column()) if valid else (-1, -1)
        for role_data in wanted:
            value = self._value(row, column, role_data.role()) if valid else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, position: int, column_number: int, role: int) -> Any:
        if not 0 <= position < len(self._ids):
            return None
        report_id = self._ids[position]
        if role == ID_ROLE:
            return report_id
        row = self._cache.get(report_id)
        if row is None:
            if role == _DISPLAY:
                self._request_page(position)
                return "…" if column_number == 0 else ""
            return None
        if role in (_DISPLAY, _TOOLTIP):
            self._cache.move_to_end(report_id)
            return self._shown_row(report_id, row)[column_number][0]
        if role == _FONT:
            return self._shown_row(report_id, row)[column_number][1]
        return self._styled(row, self.COLUMNS[column_number], role)

    def _shown_row(self, report_id: str, row: R) -> tuple[tuple[str, QFont | None], ...]:
        """The row's texts and fonts, worked out on first sight and kept with the row."""
        shown = self._shown.get(report_id)
        if shown is None:
            if not self._font_known:  # one font object for every Myanmar cell
                self._font, self._font_known = myanmar_font(), True
            texts = [self._cell(row, column) for column in self.COLUMNS]
            shown = tuple((text, self._font if has_myanmar(text) else None) for text in texts)
            self._shown[report_id] = shown
        return shown

    def _keep(self, row: R) -> None:
        """Cache a row just read (it may have changed: its texts are worked out again)."""
        key = self._row_id(row)
        self._cache[key] = row
        self._shown.pop(key, None)
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_ROWS:
            evicted, _ = self._cache.popitem(last=False)
            self._shown.pop(evicted, None)

    def _request_page(self, row: int) -> None:
        page = row // PAGE_SIZE
        if page in self._pending_pages:
            return
        self._pending_pages.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]

        def arrived(rows: list[R]) -> None:
            if generation != self._generation:
                return  # the list changed meanwhile; its own requests will follow
            self._pending_pages.discard(page)
            for fetched in rows:
                self._keep(fetched)
            first = page * PAGE_SIZE
            if ids:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(first + len(ids) - 1, len(self.COLUMNS) - 1)
                )

        self._fetch(ids, arrived)


def report_table(model: LazyRowsModel[Any], widths: Sequence[int]) -> QTableView:
    """The table a lazy report list is shown in: whole rows, one at a time, no wrapping,
    fixed row height (the view never measures 100,000 rows), the last column stretched."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table
