"""The form's essentials on top and its foldable sections: enough to send with the
essentials alone, a summary while folded, and nothing moving while the form is filled."""

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import TrafficKind
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import create_store_through_ui, stored, unfold_all


def _new_report(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    window.resize(1366, 768)
    window.new_action.trigger()
    QApplication.processEvents()


def test_the_essentials_alone_are_enough_to_send(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    _new_report(qtbot, window)
    form = window.form
    assert all(fold.folded for fold in form.folds)
    # Everything a correspondent must fill shows above the folded sections.
    for field in (form.gate, form.observed, form.china_side, form.myanmar_side, form.narrative):
        assert field.isVisible()
        assert not any(fold.isAncestorOf(field) for fold in form.folds)
    form.gate.set_gate("laiza")
    form.china_side.setCurrentIndex(form.china_side.findData("closed"))
    form.myanmar_side.setCurrentIndex(form.myanmar_side.findData("open"))
    form.narrative.setPlainText("The China side closed at noon; trucks wait on the road.")
    form.queue_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
    [report] = stored(tmp_path / "store")
    assert report.row.state is ReportState.QUEUED
    assert report.body["china_side"] == "closed"
    assert report.body["traffic"]["cargo_trucks"] == "unknown"  # never opened, never guessed
    assert report.body["source"] is None


def test_a_folded_section_sums_up_what_it_holds(qtbot: QtBot, window: GatewatchWindow) -> None:
    _new_report(qtbot, window)
    form = window.form
    assert form.traffic_box.summary.full_text() == "nothing known yet"
    assert form.prices_box.summary.full_text() == "none given"
    form.traffic_box.button.click()  # unfold: the summary gives way to the fields
    assert form.traffic_groups[TrafficKind.CARGO_TRUCKS].button(2).isVisible()
    assert form.traffic_box.summary.full_text() == ""
    form.traffic_groups[TrafficKind.CARGO_TRUCKS].button(2).click()  # blocked
    form.traffic_groups[TrafficKind.CIVILIANS].button(1).click()  # allowed
    form.traffic_box.button.click()  # fold again
    assert not form.traffic_groups[TrafficKind.CARGO_TRUCKS].button(2).isVisible()
    summary = form.traffic_box.summary
    assert summary.full_text() == "Civilians: allowed; Cargo trucks: blocked"
    assert summary.isVisible()
    assert summary.toolTip() == summary.full_text()
    # Changes made while folded (a draft shown) are summed up too.
    form.load({"prices": [{"commodity": "diesel", "unit": "litre", "amount": 4500}]})
    assert form.prices_box.folded
    assert form.prices_box.summary.full_text() == "diesel 4,500 kyat (MMK)/litre"
    form.people.setValue(12)
    assert form.stranded_box.summary.full_text() == "12"


def _geometry(root: QWidget) -> dict[str, QRect]:
    return {
        f"{type(w).__name__} {w.accessibleName() or w.objectName()} {id(w)}": QRect(
            w.mapTo(root, w.rect().topLeft()), w.size()
        )
        for w in root.findChildren(QWidget)
        if w.isVisible() and not w.objectName().startswith("qt_")  # a text box's insides
    }


def test_filling_the_form_moves_nothing(qtbot: QtBot, window: GatewatchWindow) -> None:
    _new_report(qtbot, window)
    form = window.form
    content = form.scroll_area.widget()
    for unfolded in (False, True):
        if unfolded:
            unfold_all(form)
        before = _geometry(content)
        folded = [fold.folded for fold in form.folds]
        form.gate.set_gate("laiza")
        form.china_side.setCurrentIndex(1)
        form.narrative.setPlainText("Long text. " * 200)
        form.traffic_groups[TrafficKind.HUMANITARIAN].button(1).click()
        form.civilian_passage.setCurrentIndex(2)
        form.controlled_by.setCurrentIndex(1)
        form.shortages["fuel"].setChecked(True)
        form.people.setValue(30)
        form.source_category.setCurrentIndex(2)
        form.credibility.setCurrentIndex(3)
        QApplication.processEvents()
        assert [fold.folded for fold in form.folds] == folded  # only the user folds
        after = _geometry(content)
        moved = [k for k in before if k in after and after[k] != before[k]]
        assert moved == [], [(k, before[k], after[k]) for k in moved]
