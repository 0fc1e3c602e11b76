"""The building block of the window's menus: an action with its keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def shortcut_action(
    parent: QObject,
    *shortcuts: str | QKeySequence.StandardKey,
    slot: Callable[[], object] | None = None,
) -> QAction:
    """An action (its text set on retranslate) with `shortcuts`, running `slot`."""
    action = QAction(parent)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if slot is not None:
        action.triggered.connect(slot)
    return action
