from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.database import open_store
from desktop.store.reports import ReportRepository, ReportState
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import PASSPHRASE, create_store_through_ui


def test_first_run_creates_the_store_and_shows_the_empty_list(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    assert (tmp_path / "store" / "store.db").exists()
    qtbot.waitUntil(lambda: window.main_page.list_stack.currentWidget() is window.main_page.empty)
    assert "Ctrl+N" in window.main_page.empty.text()


# The completer's popup asks the platform to raise it and grab the keyboard; the offscreen
# platform cannot and says so. Only this test opens a popup, so only it ignores the two.
OFFSCREEN_POPUP_NOISE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise\\(\\)",
    "This plugin does not support grabbing the keyboard",
)


@OFFSCREEN_POPUP_NOISE
def test_fill_the_form_queue_it_and_find_it_after_reopening(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    assert window.pages.currentWidget() is form
    qtbot.keyClicks(form.gate, "pangwa")
    form.gate.editingFinished.emit()
    assert form.gate.gate == "pang_war"
    form.china_side.setCurrentIndex(form.china_side.findData("closed"))
    form.myanmar_side.setCurrentIndex(form.myanmar_side.findData("open"))
    form.traffic_groups[next(iter(form.traffic_groups))].button(2).setChecked(True)
    form.barriers["barbed_wire"].setChecked(True)
    form.how_known.setCurrentIndex(form.how_known.findData("witnessed"))
    qtbot.keyClicks(form.narrative, "Trucks with rare earths wait at the gate.")
    expected = form.body()
    form.queue_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=5000)
    window.close()

    with open_store(tmp_path / "store", PASSPHRASE) as store:
        reports = ReportRepository(store)
        [report_id] = reports.ids()
        stored = reports.get(report_id)
    assert stored.row.state is ReportState.QUEUED
    assert stored.report is not None
    for key in ("gate", "china_side", "myanmar_side", "barrier", "how_known", "narrative"):
        assert stored.body[key] == expected[key], key
    assert stored.body["traffic"]["civilians"] == "blocked"


def test_a_draft_survives_closing_without_saving(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    # QTest types ASCII only: Burmese goes in as an input method would commit it.
    window.form.narrative.insertPlainText("ဆီဈေး တက်နေသည်")
    window.form.save_if_dirty()  # what the autosave timer does every few seconds
    qtbot.waitUntil(lambda: window.form.draft_id is not None, timeout=5000)
    qtbot.keyClicks(window.form.narrative, " more")
    window.close()  # no explicit save: the window stores the dirty draft on the way out

    with open_store(tmp_path / "store", PASSPHRASE) as store:
        reports = ReportRepository(store)
        [draft_id] = reports.ids()
        stored = reports.get(draft_id)
    assert stored.row.state is ReportState.DRAFT
    assert stored.body["narrative"] == "ဆီဈေး တက်နေသည် more"


def test_lock_clears_everything_and_unlock_brings_it_back(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    qtbot.keyClicks(window.form.narrative, "secret words")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page, timeout=5000)
    assert window.form.narrative.toPlainText() == ""
    assert window.main_page.model.rowCount() == 0

    qtbot.keyClicks(window.unlock_page.passphrase, "not the passphrase")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlock_page.error.isVisible(), timeout=10_000)
    assert "9 tries remain" in window.unlock_page.error.text()

    window.unlock_page.passphrase.clear()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=5000)


def test_idle_lock_fires(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    window.idle.start(50)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page, timeout=5000)
    assert not window.worker.is_open


def test_panic_wipe_leaves_no_store_files(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.wipe_now()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.first_run, timeout=5000)
    data_dir = tmp_path / "store"
    assert not data_dir.exists() or list(data_dir.iterdir()) == []
