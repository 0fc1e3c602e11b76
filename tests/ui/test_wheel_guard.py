"""The mouse wheel scrolls the page; it changes only the widget that has keyboard focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.wheel_guard import install_wheel_guard
from desktop.ui.window import GatewatchWindow
from tests.helpers.form_ui import start_report
from tests.ui.conftest import run_job, unfold_all

NOTCH = 120
# A third of a notch (a high-resolution wheel or a touchpad): the page moves by one
# single step, less than any field's height, so the pointer stops over every field.
FINE = NOTCH // 3


def _wheel(widget: QWidget, at: QPoint, delta: int) -> None:
    """A wheel event as the window system delivers it (spontaneous, to the window)."""
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None
    QTest.wheelEvent(handle, QPointF(widget.mapTo(window, at)), QPoint(0, delta))


def _value_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = [
        *root.findChildren(QAbstractSpinBox),
        *root.findChildren(QComboBox),
    ]
    return [w for w in found if w.isVisible()]


def _stored_row(qtbot: QtBot, window: GatewatchWindow, draft_id: str) -> tuple[str, str]:
    def read(store: object) -> tuple[str, str]:
        row = store.conn.execute(  # type: ignore[attr-defined]
            "SELECT body, updated_at FROM reports WHERE id = ?", (draft_id,)
        ).fetchone()
        return str(row[0]), str(row[1])

    return run_job(qtbot, window.worker, read)


@pytest.mark.parametrize("unfolded", [False, True], ids=["folded", "unfolded"])
def test_scrolling_the_whole_form_over_every_field_changes_nothing(
    qtbot: QtBot, window: GatewatchWindow, unfolded: bool
) -> None:
    window.resize(1366, 768)
    start_report(qtbot, window)
    form = window.form
    if unfolded:
        unfold_all(form)
    folds = [fold.folded for fold in form.folds]
    form.add_price.click()
    form.add_price.click()
    # Values in the middle of their ranges: a wheel either way would change them.
    form.people.setValue(40)
    form.observed.setDate(QDate(2026, 3, 14))
    form.china_side.setCurrentIndex(1)
    form.source_category.setCurrentIndex(2)
    form.credibility.setCurrentIndex(2)
    form.save(explicit=True)
    qtbot.waitUntil(lambda: form.draft_id is not None and not form._dirty, timeout=10_000)
    draft_id = form.draft_id
    assert draft_id is not None
    before = _stored_row(qtbot, window, draft_id)
    shown_before = form.body()
    form.gate.setFocus()  # a line edit: the wheel means nothing to it

    viewport = form.scroll_area.viewport()
    bar = form.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the form should be longer than the window"
    targets = _value_widgets(form.scroll_area.widget())
    under: set[int] = set()
    bottoms = tops = 0
    for x in range(10, viewport.width() - 10, 30):
        # Down to the bottom with the pointer near the top of the page, then back up with
        # it near the bottom: between them the pointer passes over the whole form.
        for delta, y in ((-FINE, 12), (FINE, viewport.height() - 12)):
            for _ in range(400):
                point = QPoint(x, y)
                hit = viewport.childAt(point)
                while hit is not None and hit is not viewport:
                    under.add(id(hit))
                    hit = hit.parentWidget()
                start = bar.value()
                _wheel(viewport, point, delta)
                QApplication.processEvents()
                if bar.value() == start:
                    break
            if delta < 0:
                assert bar.value() == bar.maximum()
                bottoms += 1
            else:
                assert bar.value() == 0
                tops += 1
    assert bottoms == tops > 10
    missed = [w.accessibleName() or type(w).__name__ for w in targets if id(w) not in under]
    assert missed == [], f"the pointer never passed over {missed}"

    assert form.body() == shown_before
    assert not form._dirty
    assert [fold.folded for fold in form.folds] == folds
    form.save(explicit=True)
    qtbot.waitUntil(lambda: not form._dirty, timeout=10_000)
    after = _stored_row(qtbot, window, draft_id)
    assert after[0] == before[0]  # byte for byte


def test_every_value_widget_ignores_the_wheel_without_focus_and_takes_it_with(
    qtbot: QtBot, qapp: QApplication
) -> None:
    install_wheel_guard(qapp)
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    holder = QLineEdit()  # has the focus when the window shows
    layout.addWidget(holder)
    spin, date, combo, slider = QSpinBox(), QDateEdit(), QComboBox(), QSlider()
    spin.setRange(0, 100)
    spin.setValue(50)
    date.setDate(QDate(2026, 3, 14))
    combo.addItems(["one", "two", "three"])
    combo.setCurrentIndex(1)
    slider.setRange(0, 100)
    slider.setValue(50)
    for widget in (spin, date, combo, slider):
        layout.addWidget(widget)
        layout.addSpacing(600)
    area.setWidget(content)
    area.resize(300, 300)
    area.show()
    qtbot.waitExposed(area)
    holder.setFocus()
    values = (spin.value, date.date, combo.currentIndex, slider.value)
    for widget, value in zip((spin, date, combo, slider), values, strict=True):
        area.ensureWidgetVisible(widget, 0, 100)
        QApplication.processEvents()
        start, scrolled = value(), area.verticalScrollBar().value()
        _wheel(widget, widget.rect().center(), -NOTCH)
        _wheel(widget, widget.rect().center(), -NOTCH)
        QApplication.processEvents()
        assert value() == start, type(widget).__name__
        assert not widget.hasFocus()
        assert area.verticalScrollBar().value() > scrolled
        widget.setFocus()
        assert widget.hasFocus()
        area.ensureWidgetVisible(widget, 0, 100)
        QApplication.processEvents()
        _wheel(widget, widget.rect().center(), -NOTCH)
        QApplication.processEvents()
        assert value() != start, f"{type(widget).__name__} ignores the wheel with focus"
        holder.setFocus()
