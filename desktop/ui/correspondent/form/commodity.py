"""A price's commodity: a name from the vocabulary, or "other" and the correspondent's
own words. What is stored is the vocabulary code or those words (the JSON form keeps
the commodity as text)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from desktop.domain.vocabulary import Commodity, commodity_code
from desktop.ui.clipboard import ConcealedLineEdit
from desktop.ui.labels import label

OTHER = "other"


class CommodityField(QWidget):
    """A combo box of commodities and, beside it, a text box used only for "other"."""

    changed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem("—", None)
        for commodity in Commodity:
            self.combo.addItem(label(commodity), commodity.value)
        self.combo.addItem("", OTHER)
        self.other = ConcealedLineEdit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.other, 1)
        self.setFocusProxy(self.combo)
        self.set_text(text)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.other.textChanged.connect(self.changed)
        self.retranslate()

    def set_text(self, text: str) -> None:
        """Show a stored commodity: a code picks its name, other words go to "other"."""
        code = commodity_code(text)
        if code is not None:
            self.combo.setCurrentIndex(self.combo.findData(code.value))
            self.other.clear()
        elif text.strip():
            self.combo.setCurrentIndex(self.combo.findData(OTHER))
            self.other.setText(text)
        else:
            self.combo.setCurrentIndex(0)
            self.other.clear()
        self.other.setEnabled(self.combo.currentData() == OTHER)

    def text(self) -> str:
        """What is stored: the code, the words given for "other", or "" (none chosen)."""
        data = self.combo.currentData()
        if data == OTHER:
            return self.other.text()
        return "" if data is None else str(data)

    def _chosen(self) -> None:
        is_other = self.combo.currentData() == OTHER
        self.other.setEnabled(is_other)
        if is_other and self.combo.hasFocus():
            self.other.setFocus()
        self.changed.emit()

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)
        self.combo.setAccessibleName(name)
        self.other.setAccessibleName(self.tr("{field}: other, in your words").format(field=name))

    def retranslate(self) -> None:
        for index in range(self.combo.count()):
            data = self.combo.itemData(index)
            if data == OTHER:
                self.combo.setItemText(index, self.tr("other…"))
            elif data is not None:
                self.combo.setItemText(index, label(Commodity(data)))
        self.other.setPlaceholderText(self.tr("what, in your words"))
