"""What a screen cuts short: text wider or taller than the label, button, group box title,
tab or table header that shows it, and text controls lying over one another."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)

# Room Qt's styles give around a tab's text.
TAB_PADDING = 16
CHECK_PADDING = 24  # the box or circle of a check box or radio button, and its gap


def _seen(widget: QWidget, top: QWidget) -> QRect:
    """The part of `widget` that `top` shows: empty when hidden or scrolled out of sight."""
    if not widget.isVisible() or widget.window() is not top:
        return QRect()
    seen = _in_window(widget, top)
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        seen = seen.intersected(_in_window(parent, top))
        if seen.isEmpty():
            return seen
        parent = parent.parentWidget()
    return seen


def _in_window(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else ""
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"label {text!r} needs {needed} px of height, has {label.height()}"
        return None
    if label.buddy() is not None:
        text = _plain(text)
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    if widest > room.width() + 1:
        return f"label {text!r} needs {widest} px, has {room.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    needed = button.fontMetrics().horizontalAdvance(text)
    if isinstance(button, QCheckBox | QRadioButton):
        needed += CHECK_PADDING
    elif isinstance(button, QPushButton):
        needed += 8
    if needed > button.width():
        return f"button {text!r} needs {needed} px, has {button.width()}"
    return None


def _header_problems(header: QHeaderView) -> list[str]:
    found: list[str] = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return found
    view = header.parentWidget()
    if isinstance(view, QAbstractScrollArea) and view.horizontalScrollBar().maximum() > 0:
        found.append(f"table {view.accessibleName()!r} scrolls sideways")
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = header.sectionSizeHint(section)  # what Qt needs to draw it uncut
        if needed > header.sectionSize(section):
            found.append(f"header {text!r} needs {needed} px, has {header.sectionSize(section)}")
    return found


def _tab_problems(bar: QTabBar) -> list[str]:
    found: list[str] = []
    for index in range(bar.count()):
        text = _plain(bar.tabText(index))
        needed = bar.fontMetrics().horizontalAdvance(text) + TAB_PADDING
        if bar.isTabVisible(index) and needed > bar.tabRect(index).width():
            found.append(f"tab {text!r} needs {needed} px, has {bar.tabRect(index).width()}")
    return found


def problems(top: QWidget) -> list[str]:
    """Everything `top` (a window or dialog) shows cut short or overlapping."""
    found: list[str] = []
    texts: list[tuple[QWidget, QRect]] = []
    for widget in top.findChildren(QWidget):
        seen = _seen(widget, top)
        if seen.isEmpty():
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton) and widget.parent() is not None:
            if isinstance(widget.parentWidget(), QTabBar):
                continue  # a tab bar's scroll buttons
            problem = _button_problem(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            title = _plain(widget.title())
            needed = widget.fontMetrics().horizontalAdvance(title) + 16
            if needed > widget.width():
                problem = f"group {title!r} needs {needed} px, has {widget.width()}"
        elif isinstance(widget, QHeaderView):
            found += _header_problems(widget)
        elif isinstance(widget, QTabBar):
            found += _tab_problems(widget)
        if problem is not None:
            found.append(problem)
        if _text(widget) and not isinstance(widget.parentWidget(), QAbstractItemView):
            texts.append((widget, seen))  # half scrolled away, it overlaps nothing above
    for i, (first, one) in enumerate(texts):
        for second, other in texts[i + 1 :]:
            if first.isAncestorOf(second) or second.isAncestorOf(first):
                continue
            overlap = one.intersected(other)
            if overlap.width() > 2 and overlap.height() > 2:
                found.append(f"{_text(first)!r} overlaps {_text(second)!r}")
    return found
