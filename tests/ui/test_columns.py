"""The fitted columns read each cell on screen once per fit: a fit runs whenever rows
arrive while scrolling, on the GUI thread."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop.ui.columns import FittedColumns

Index = QModelIndex | QPersistentModelIndex


class CountingModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.reads: Counter[tuple[int, int]] = Counter()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 500

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        self.reads[(index.row(), index.column())] += 1
        return f"လိုင်ဇာ crossing {index.row() % 7} " * (1 + index.column())


def test_a_fit_reads_each_cell_on_screen_once(qtbot: QtBot) -> None:
    model = CountingModel()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(300, 200)  # too narrow: the optional columns are tried hidden, one by one
    columns = FittedColumns(table, (60, 60, 60, 60), optional=(1, 2))
    table.show()
    qtbot.waitExposed(table)
    model.reads.clear()
    columns.fit()
    assert model.reads, "the fit read the rows on screen"
    assert max(model.reads.values()) == 1, model.reads.most_common(3)
    assert table.horizontalHeader().isSectionHidden(1)
