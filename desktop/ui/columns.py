"""Report list columns that stay readable in a narrow window and in long languages.

`FittedColumns` keeps every shown column at least as wide as its header text, its given
width and the rows on screen (up to `CONTENT_MAXIMUM`), the last one stretching. When the
table is too narrow for all of them, the columns named `optional` (whose values the detail
pane beside the list shows anyway) are hidden, first ones first, instead of cutting the
others short or scrolling sideways.
It lays the columns out again when the table is resized, the language or font changes, or
the headers change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

STRETCH_MINIMUM = 140  # the stretched last column never shrinks below this
CONTENT_MAXIMUM = 220  # a long crossing name widens its column up to this, then elides
CELL_PADDING = 16  # a cell's margins around its text
VISIBLE_ROWS_MAXIMUM = 80  # rows measured at most (a tall window)
ADVANCES_KEPT = 4_000  # measured texts kept (dates and names repeat; narratives do not)


class FittedColumns(QObject):
    """See the module docstring. `widths` are the first columns' smallest widths."""

    def __init__(
        self, table: QTableView, widths: Sequence[int], optional: Sequence[int] = ()
    ) -> None:
        super().__init__(table)
        self._table = table
        self._widths = list(widths)
        self._optional = list(optional)
        self._timer = QTimer(self)  # dies with the table, unlike a free single shot
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        table.installEventFilter(self)
        table.model().headerDataChanged.connect(lambda *_: self.schedule())
        table.model().modelReset.connect(self.schedule)
        table.model().dataChanged.connect(lambda *_: self.schedule())  # rows arrive lazily
        # Text widths measured, by text: a fit runs whenever rows arrive (while scrolling),
        # and shaping a Burmese or Chinese text through font fallback is slow; the same
        # gate names, states and dates come back on every screen.
        self._advances: dict[str, int] = {}
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LanguageChange,
            QEvent.Type.FontChange,
            QEvent.Type.Show,
        ):
            if event.type() != QEvent.Type.Resize:
                self._advances.clear()
            self.schedule()
        return False

    def set_width(self, column: int, width: int) -> None:
        """Change `column`'s smallest width (a time column after a font change)."""
        self._widths[column] = width
        self.schedule()

    def schedule(self) -> None:
        """Fit once the events at hand are handled (a resize comes in bursts)."""
        self._timer.start()

    def needed(self, column: int) -> int:
        """The smallest width that shows `column`'s header, its given width and the rows
        on screen (a time in a wide font, a long state name)."""
        given = self._widths[column] if column < len(self._widths) else STRETCH_MINIMUM
        rows = min(CONTENT_MAXIMUM, self._rows_width(column))
        return max(given, rows, self._table.horizontalHeader().sectionSizeHint(column))

    def _rows_width(self, column: int) -> int:
        """The widest text of `column` in the rows on screen. Never Qt's sizeHintForColumn:
        it reads up to 1,000 rows, and every row read of a lazy list fetches its page."""
        table = self._table
        model = table.model()
        first = table.rowAt(0)
        if first < 0 or not table.isVisible():
            return 0
        last = table.rowAt(table.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        metrics = table.fontMetrics()
        advances = self._advances
        if len(advances) > ADVANCES_KEPT:
            advances.clear()
        widest = 0
        for row in range(first, min(last, first + VISIBLE_ROWS_MAXIMUM) + 1):
            text = model.index(row, column).data()
            if isinstance(text, str):
                advance = advances.get(text)
                if advance is None:
                    advance = advances[text] = metrics.horizontalAdvance(text)
                widest = max(widest, advance)
        return widest + CELL_PADDING if widest else 0

    def fit(self) -> None:
        count = self._table.model().columnCount()
        room = self._table.viewport().width()
        needed = [self.needed(c) for c in range(count)]  # once per fit: rows are read
        hidden: set[int] = set()
        shown = list(range(count))
        for column in [None, *self._optional]:
            if column is not None:
                hidden.add(column)
                shown = [c for c in range(count) if c not in hidden]
            if sum(needed[c] for c in shown) <= room:
                break
        header = self._table.horizontalHeader()
        for column in range(count):
            if header.isSectionHidden(column) != (column in hidden):
                header.setSectionHidden(column, column in hidden)
        for column in shown[:-1]:
            if self._table.columnWidth(column) != needed[column]:
                self._table.setColumnWidth(column, needed[column])
