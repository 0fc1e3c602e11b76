"""Prices at the border: rows of commodity, unit, amount and currency."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.draft import PriceDraft, ReportDraft
from desktop.domain.vocabulary import Currency, PriceUnit
from desktop.ui.correspondent.form.commodity import CommodityField
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.form.widgets import enum_combo, relabel, set_combo, watch
from desktop.ui.labels import commodity_label, help_text, label

COLUMNS = 4


class PricesSection(FormSection):
    """The price table; "Remove price" removes the row last focused (else the last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.showing = False
        self._row = -1
        self.table = QTableWidget(0, COLUMNS)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)  # Tab moves between the rows' fields
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(170)
        self.add_price = QPushButton()
        self.remove_price = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_price)
        buttons.addWidget(self.remove_price)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_price.clicked.connect(lambda: self.add_row())
        self.remove_price.clicked.connect(self.remove_row)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        for row in range(self.table.rowCount()):
            for column in range(COLUMNS):
                if self.cell(row, column) is new:
                    self._row = row

    def cell(self, row: int, column: int) -> QWidget | None:
        widget = self.table.cellWidget(row, column) if row >= 0 else None
        return widget if isinstance(widget, QWidget) else None

    def add_row(self, price: PriceDraft | None = None) -> None:
        price = price or PriceDraft()
        row = self.table.rowCount()
        self.table.insertRow(row)
        commodity = CommodityField(price.commodity)
        unit = enum_combo(PriceUnit)
        set_combo(unit, price.unit)
        amount = QDoubleSpinBox()
        amount.setRange(0, 1e12)
        amount.setDecimals(2)
        amount.setGroupSeparatorShown(True)
        amount.setValue(price.amount)
        currency = enum_combo(Currency)
        set_combo(currency, price.currency)
        widgets = (commodity, unit, amount, currency)
        for column, widget in enumerate(widgets):
            self.table.setCellWidget(row, column, widget)
        for field in (unit, amount, currency):
            watch(field, self._changed)
        commodity.changed.connect(self._changed)
        self._label_row(row)
        # Cell widgets join the focus chain at its end: put the row after the one above
        # (or after what precedes the table) and before "Add price".
        previous: QWidget = self.cell(row - 1, 3) or self.table
        for widget in (commodity.combo, commodity.other, unit, amount, currency):
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.add_price)
        if not self.showing:
            commodity.setFocus()
            self.changed.emit()

    def remove_row(self) -> None:
        row = self._row if 0 <= self._row < self.table.rowCount() else -1
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self._row = -1
            for later in range(row, self.table.rowCount()):
                self._label_row(later)
            self.changed.emit()

    def _label_row(self, row: int) -> None:
        names = (self.tr("Commodity"), self.tr("Unit"), self.tr("Amount"), self.tr("Currency"))
        for column, name in enumerate(names):
            widget = self.cell(row, column)
            if widget is None:
                continue
            accessible = self.tr("{field}, price {number}").format(field=name, number=row + 1)
            if isinstance(widget, CommodityField):
                widget.set_accessible_name(accessible)
                widget.retranslate()
                continue
            widget.setAccessibleName(accessible)
            if isinstance(widget, QComboBox):
                relabel(widget, PriceUnit if column == 1 else Currency)

    def values(self) -> dict[str, Any]:
        prices = []
        for row in range(self.table.rowCount()):
            commodity, unit, amount, currency = (self.cell(row, c) for c in range(COLUMNS))
            if not (
                isinstance(commodity, CommodityField)
                and isinstance(unit, QComboBox)
                and isinstance(amount, QDoubleSpinBox)
                and isinstance(currency, QComboBox)
            ):
                continue
            prices.append(
                PriceDraft(
                    commodity.text(), unit.currentData(), amount.value(), currency.currentData()
                )
            )
        return {"prices": tuple(prices)}

    def show_draft(self, draft: ReportDraft) -> None:
        self.showing = True
        try:
            self.table.setRowCount(0)
            for price in draft.prices:
                self.add_row(price)
        finally:
            self.showing = False

    def title(self) -> str:
        return self.tr("Prices")

    def summary(self) -> str:
        rows = self.values()["prices"]
        if not rows:
            return self.tr("none given")
        return ", ".join(
            f"{commodity_label(p.commodity.strip()) or '…'} {p.amount:,g} "
            f"{label(Currency(p.currency))}/{label(PriceUnit(p.unit))}"
            for p in rows
        )

    def retranslate(self) -> None:
        self.setToolTip(help_text("prices"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Commodity"), self.tr("Unit"), self.tr("Amount"), self.tr("Currency")]
        )
        self.table.setAccessibleName(self.tr("Prices"))
        for row in range(self.table.rowCount()):
            self._label_row(row)
        self.add_price.setText(self.tr("&Add price"))
        self.remove_price.setText(self.tr("Re&move price"))
