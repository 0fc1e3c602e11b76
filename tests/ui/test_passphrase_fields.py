"""Choosing and typing passphrases in the window: the zxcvbn meter and floor, the show/hide
toggle, the Caps Lock warning, and a repeat that differs shown as an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.ui.desk.key_export_dialog import ExportKeyDialog
from desktop.ui.passphrase_field import PassphraseField
from desktop.ui.window import GatewatchWindow
from desktop.ui.worker import StoreWorker


def type_new(qtbot: QtBot, window: GatewatchWindow, passphrase: str, repeat: str) -> None:
    page = window.first_run
    page.passphrase.clear()
    page.repeat.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.repeat, repeat)


@pytest.mark.parametrize("weak", [" " * 8, "12345678", "aaaaaaaa", "password"])
def test_guessable_passphrases_cannot_create_a_store(
    qtbot: QtBot, window: GatewatchWindow, weak: str
) -> None:
    type_new(qtbot, window, weak, weak)
    page = window.first_run
    assert not page.create_button.isEnabled()
    assert page.hint.text().startswith("Strength: Very weak. Too easy to guess")
    qtbot.keyClick(page.repeat, Qt.Key.Key_Return)
    assert not window.data_dir.exists()


def test_the_meter_shows_the_estimators_verdict_and_advice(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    page = window.first_run
    type_new(qtbot, window, "password1", "")
    assert "Very weak" in page.hint.text()
    assert "This is a very common password." in page.hint.text()
    type_new(qtbot, window, "kettle window", "kettle window")
    assert page.hint.text() == "Strength: Good."
    assert page.create_button.isEnabled()


def test_a_repeat_that_differs_is_an_error(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.first_run
    type_new(qtbot, window, "kettle window", "kettle")
    assert not page.mismatch.isVisible()  # still typing the right start
    qtbot.keyClicks(page.repeat, " wind0w")
    assert page.mismatch.isVisible()
    assert page.mismatch.text() == "The two passphrases differ."
    assert "#b3261e" in page.mismatch.styleSheet()
    assert not page.create_button.isEnabled()


def test_show_hide_toggle(qtbot: QtBot, window: GatewatchWindow) -> None:
    field = window.first_run.passphrase_field
    assert field.edit.echoMode() is QLineEdit.EchoMode.Password
    assert field.toggle.text() == "Show"
    field.toggle.click()
    assert field.edit.echoMode() is QLineEdit.EchoMode.Normal
    assert field.toggle.text() == "Hide"
    field.toggle.click()
    assert field.edit.echoMode() is QLineEdit.EchoMode.Password
    field.toggle.click()
    window.first_run.reset()  # a page shown again starts hidden
    assert field.edit.echoMode() is QLineEdit.EchoMode.Password


def test_caps_lock_warning(qtbot: QtBot) -> None:
    field = PassphraseField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClick(field.edit, "k")
    assert not field.caps_warning.isVisible()
    qtbot.keyClick(field.edit, "K", Qt.KeyboardModifier.ShiftModifier)
    assert not field.caps_warning.isVisible()
    qtbot.keyClick(field.edit, "K")  # upper case without Shift: Caps Lock is on
    assert field.caps_warning.isVisible()
    assert field.caps_warning.text() == "Caps Lock is on."
    qtbot.keyClick(field.edit, "1")  # no case: says nothing either way
    assert field.caps_warning.isVisible()
    qtbot.keyClick(field.edit, "k")
    assert not field.caps_warning.isVisible()


def test_the_unlock_field_has_the_toggle_and_warning(qtbot: QtBot) -> None:
    from desktop.ui.unlock_pages import UnlockPage

    page = UnlockPage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.passphrase_field.toggle.click()
    assert page.passphrase.echoMode() is QLineEdit.EchoMode.Normal
    qtbot.keyClick(page.passphrase, "B")
    assert page.passphrase_field.caps_warning.isVisible()
    page.reset()
    assert page.passphrase.echoMode() is QLineEdit.EchoMode.Password


def test_a_key_export_refuses_a_passphrase_good_only_for_a_store(
    qtbot: QtBot, tmp_path: Path
) -> None:
    worker = StoreWorker()
    dialog = ExportKeyDialog(worker)
    qtbot.addWidget(dialog)
    try:
        dialog.passphrase.setText("kettle window")  # enough for a store, not for the key
        dialog.repeat.setText("kettle window")
        dialog.path.setText(str(tmp_path / "newsroom.gwkey"))
        assert "Good" in dialog.meter.text()
        assert "Too easy to guess" in dialog.meter.text()
        dialog.export()
        assert "must be stronger" in dialog.error.raw_text()
        assert not (tmp_path / "newsroom.gwkey").exists()
    finally:
        worker.shutdown()


def test_tab_from_a_passphrase_goes_to_the_next_field_and_alt_f8_shows_it(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    from PySide6.QtWidgets import QApplication

    page = window.first_run
    window.activateWindow()
    page.passphrase.setFocus()
    qtbot.waitUntil(page.passphrase.hasFocus)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not page.passphrase)
    assert QApplication.focusWidget() is page.repeat  # not the Show button
    qtbot.keyClick(page.repeat, Qt.Key.Key_F8, Qt.KeyboardModifier.AltModifier)
    assert page.repeat.echoMode() is QLineEdit.EchoMode.Normal
    assert page.repeat_field.toggle.text() == "Hide"
    assert page.passphrase.echoMode() is QLineEdit.EchoMode.Password  # only that field


def test_tab_on_the_unlock_page_goes_from_the_passphrase_to_unlock(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.unlock_pages import UnlockPage

    page = UnlockPage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.passphrase.setFocus()
    qtbot.waitUntil(page.passphrase.hasFocus)
    qtbot.keyClicks(page.passphrase, "some words")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not page.passphrase)
    assert QApplication.focusWidget() is page.unlock_button
