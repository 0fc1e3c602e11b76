"""The mouse wheel changes a value only in the widget that has keyboard focus.

Spin boxes, date and time edits, combo boxes, sliders and tab bars take wheel events by
default, and most of them also take keyboard focus from the wheel: scrolling a long form
past a date box moved its year, and past a counter changed it, with autosave keeping the
change. One application-wide event filter, installed once, covers every such widget,
those built later and those of dialogs included:

- before a widget is first shown (`Polish`), a wheel focus policy becomes a strong one,
  so the wheel never hands focus to it (Qt gives focus before any filter sees the event);
- a wheel event over such a widget without focus is ignored, and Qt passes an ignored
  wheel event on to the parent: the page under it scrolls instead.

Scroll bars are sliders too; they keep the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QTabBar,
    QWidget,
)

_VALUE_WIDGETS = (QAbstractSpinBox, QComboBox, QAbstractSlider, QTabBar)


def _guarded(widget: QObject) -> bool:
    return isinstance(widget, _VALUE_WIDGETS) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """See the module docstring; `install_wheel_guard` installs the one instance."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.Polish) or not _guarded(watched):
            return False
        assert isinstance(watched, QWidget)
        if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if kind == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # delivered to the parent next: the page scrolls
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on `app` unless it is there already; return it."""
    existing = app.findChild(WheelGuard)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
