"""Locking in the middle of a report and unlocking opens that report again, scrolled to the
same place with the same field focused (a never-saved report too, through the draft the lock
saved); a draft opened again from the list starts at its top."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.correspondent.form_place import form_scroll_area
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import PASSPHRASE, create_store_through_ui


def unlock(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.unlock_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.unlock_button.click()


def test_unlocking_returns_to_the_report_at_the_same_place_and_field(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    area = form_scroll_area(form)
    assert area is not None
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    form.narrative.setFocus()
    qtbot.keyClicks(form.narrative, "Trucks queue at the gate")
    bar = area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # halfway, the narrative off screen or not
    place = bar.value()
    assert place > 0
    assert form.draft_id is None  # never saved: the lock's save makes the draft

    window.lock()
    assert form.narrative.toPlainText() == ""
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is form, timeout=15_000)
    qtbot.waitUntil(lambda: form.narrative.hasFocus() and bar.value() == place, timeout=5000)
    assert form.narrative.toPlainText() == "Trucks queue at the gate"
    assert form.draft_id is not None

    # The same draft, opened again from the list: at its top.
    draft = form.draft_id
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    bar.setValue(place)  # the form remembers nothing of the last visit
    window.main_page.edit_requested.emit(draft)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is form, timeout=5000)
    assert bar.value() == 0
    assert form.narrative.toPlainText() == "Trucks queue at the gate"
