"""No two controls of one window or dialog share an Alt letter, in English or Burmese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.services.correspondent.capture import pii_findings
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.desk.connect import DeskConnectDialog
from desktop.ui.desk.export_dialog import ExportDialog
from desktop.ui.desk.key_export_dialog import ExportKeyDialog
from desktop.ui.settings_dialog import AppSettings, SettingsDialog
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_ui import desk_window, make_desk_store, select, unlock_desk
from tests.helpers.form_ui import start_report
from tests.ui.conftest import rescue_dialogs
from tests.ui.mnemonics import clashes, menu_clashes

LANGUAGES = ("en", "my")


def _check(found: dict[str, dict[str, list[str]]], name: str, top: QWidget) -> None:
    QApplication.processEvents()
    shared = clashes(top)
    if shared:
        found[name] = shared


def _check_dialog(found: dict[str, dict[str, list[str]]], name: str, dialog: QDialog) -> None:
    dialog.show()
    try:
        _check(found, name, dialog)
    finally:
        dialog.reject()
        dialog.deleteLater()


def _check_next_modal(
    found: dict[str, dict[str, list[str]]], name: str, opener: Callable[[], None]
) -> None:
    """Run `opener`, which opens a modal dialog; check that dialog and close it."""
    checked: list[bool] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            _check(found, name, modal)
            checked.append(True)
            modal.reject()
            return
        QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    with rescue_dialogs():
        opener()
    assert checked, f"{name} did not open"


@pytest.mark.parametrize("language", LANGUAGES)
def test_correspondent_screens_and_dialogs_have_distinct_alt_letters(
    qtbot: QtBot, window: GatewatchWindow, language: str
) -> None:
    window.first_run.language_chosen.emit(language)  # kept in the new store's settings
    window.resize(1366, 768)
    found: dict[str, dict[str, list[str]]] = {}
    _check(found, "first run", window)
    start_report(qtbot, window)
    form = window.form
    form.add_price.click()
    form.not_listed.setChecked(True)
    form.source_category.setCurrentIndex(1)
    assert window.languages.language == language
    _check(found, "report form", window)
    for menu in (window.report_menu, window.tools_menu):
        shared = menu_clashes(menu)
        if shared:
            found[f"menu {menu.title()}"] = shared
    form.narrative.setPlainText("ျမန္မာ ဂိတ္ကို ပိတ္ထားသည္")
    qtbot.waitUntil(form.zawgyi.isVisible, timeout=5000)
    _check(found, "report form with the Zawgyi offer", window)
    form.narrative.setPlainText("Call 09 420 123 456")
    box, _ = form.pii_message_box(pii_findings(form.body()))
    _check_dialog(found, "personal details warning", box)
    _check_next_modal(found, "delete draft", window.delete_action.trigger)
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    _check(found, "report list", window)
    _check_dialog(found, "settings", SettingsDialog(AppSettings(language=language), window))
    desk_settings = SettingsDialog(AppSettings(language=language), window, desk=True)
    _check_dialog(found, "desk settings", desk_settings)
    _check_dialog(found, "connect", ConnectDialog(window))
    _check_next_modal(found, "panic wipe", window.wipe_action.trigger)
    window.lock()
    _check(found, "unlock", window)
    assert found == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_desk_screens_and_dialogs_have_distinct_alt_letters(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        window.languages.switch(language)
        window.resize(1366, 768)
        page = unlock_desk(qtbot, window)
        found: dict[str, dict[str, list[str]]] = {}
        select(qtbot, page, ids[0])
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
            _check(found, f"desk tab {index}", window)
        page.tabs.setCurrentWidget(page.inbox_tab)
        shared = menu_clashes(window.desk_menu)
        if shared:
            found["desk menu"] = shared
        page.review.move_buttons[ReviewState.VERIFIED].click()
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.VERIFIED, timeout=10_000)
        qtbot.waitUntil(page.review.undo_button.isVisible, timeout=10_000)
        _check(found, "desk review with undo", window)
        box, _ = page.review.publish_message_box()
        _check_dialog(found, "publish", box)
        gazetteer = default_gazetteer()
        _check_dialog(
            found, "export", ExportDialog(window.worker, gazetteer, lambda: language, window)
        )
        _check_dialog(found, "desk connect", DeskConnectDialog(window.worker, window))
        _check_dialog(found, "export key", ExportKeyDialog(window.worker, window))
        assert found == {}
    finally:
        window.close()
        window.languages.switch("en")
