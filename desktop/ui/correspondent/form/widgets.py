"""Small widget helpers the form's sections share."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.ui.labels import label

CHANGE_SIGNALS = (
    "textChanged",
    "currentIndexChanged",
    "toggled",
    "valueChanged",
    "dateTimeChanged",
)


def enum_combo(kind: type[StrEnum], *, with_none: bool = False) -> QComboBox:
    """A combo box over a vocabulary: the item data is the stored value."""
    combo = QComboBox()
    if with_none:
        combo.addItem("—", None)
    for value in kind:
        combo.addItem(label(value), value.value)
    return combo


def relabel(combo: QComboBox, kind: type[StrEnum]) -> None:
    """Translate a vocabulary combo's items again (after a language change)."""
    for index in range(combo.count()):
        data = combo.itemData(index)
        if data is not None:
            combo.setItemText(index, label(kind(data)))


def set_combo(combo: QComboBox, value: object) -> None:
    """Choose the item whose data is `value` (the first item when there is none)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


def watch(widget: QWidget, slot: Callable[..., Any]) -> None:
    """Call `slot` whenever the user changes the widget's value."""
    for name in CHANGE_SIGNALS:
        signal = getattr(widget, name, None)
        if signal is not None:
            signal.connect(slot)
            return
