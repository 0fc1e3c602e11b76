"""Nothing moves or overlaps while the user works: the form keeps its layout when a
crossing is chosen, status bar messages never cover the sync status, and *Send now*
without a newsroom says how to connect."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import add_draft, create_store_through_ui, rescue_dialogs


def test_choosing_a_crossing_moves_nothing_under_the_pointer(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    QApplication.processEvents()

    def places() -> list[int]:
        return [
            w.mapTo(window, QPoint(0, 0)).y()
            for w in (form.gate, form.observed, form.china_side, form.how_known, form.people)
        ] + [form.gate.height()]

    before = places()
    form.gate.set_gate("laiza")  # what picking it from the completer's list does
    assert "လိုင်ဇာ" in form.gate.text()  # the Burmese name: the Myanmar font comes in
    QApplication.processEvents()
    assert places() == before


def _message_right_edge(window: GatewatchWindow) -> int:
    bar = window.statusBar()
    return 6 + bar.fontMetrics().horizontalAdvance(bar.currentMessage())


def test_a_status_message_never_covers_the_sync_status(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    window.resize(1366, 768)
    create_store_through_ui(qtbot, window)
    indicator = window.sync_indicator
    qtbot.waitUntil(lambda: indicator.label.text() == "Not connected to a newsroom", timeout=15_000)
    window.statusBar().showMessage("Queued for sending.", 5000)
    # Pages change while the message shows (the form closes): the window updates its actions.
    window.new_action.trigger()
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == "Queued for sending."
    shown = [
        label
        for label in window.statusBar().findChildren(QLabel)
        if label.isVisible() and label.text()
    ]
    assert indicator.label in shown
    for label in shown:
        left = label.mapTo(window.statusBar(), QPoint(0, 0)).x()
        assert left > _message_right_edge(window), f"{label.text()!r} lies under the message"


def test_send_now_without_a_newsroom_opens_the_connect_dialog(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    qtbot.waitUntil(
        lambda: window.sync_indicator.label.text() == "Not connected to a newsroom", timeout=15_000
    )
    seen: list[str] = []

    def close_it() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConnectDialog) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.reject()
                return
        QTimer.singleShot(20, close_it)

    QTimer.singleShot(20, close_it)
    with rescue_dialogs():
        window.sync_action.trigger()
    assert seen == ["Connect to newsroom"]
    assert not window.sync.running


def test_a_language_switch_says_the_report_count_again(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    add_draft(qtbot, window, "gate closed at noon")
    window.main_page.refresh()
    qtbot.waitUntil(lambda: window.count_label.text() == "1 of 1 reports", timeout=10_000)
    window.languages.switch("my")
    burmese = "သတင်း 1 ခုအနက် 1 ခု"
    qtbot.waitUntil(lambda: window.report_menu.title() != "&Report", timeout=5000)
    assert window.count_label.text().replace("\u200b", "") == burmese
    window.languages.switch("en")
    qtbot.waitUntil(lambda: window.report_menu.title() == "&Report", timeout=5000)
    assert window.count_label.text() == "1 of 1 reports"


def test_the_source_box_says_never_a_name_once(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    said = [form.source_box.title(), form.source_help.raw_text()]
    assert [text.lower().count("never a name") for text in said] == [0, 1]
