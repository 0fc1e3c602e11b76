"""Converting Zawgyi is offered only for Zawgyi, previewed first, undoable, and declinable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.window import GatewatchWindow
from tests.helpers.form_ui import ZAWGYI, start_report

UNICODE = "လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်"
CONVERT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _type(qtbot: QtBot, window: GatewatchWindow, text: str) -> None:
    """Type `text` into the narrative, a key event a character as a Burmese keyboard
    sends them, and wait until the pause's check has run."""
    form = window.form
    form.narrative.setFocus()
    with qtbot.waitSignal(form.zawgyi.paused, timeout=5000):
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(form.narrative, event)


def _press_convert(qtbot: QtBot, window: GatewatchWindow) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_U, CONVERT)


def test_unicode_burmese_is_never_converted(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    _type(qtbot, window, UNICODE)
    assert not window.form.zawgyi.offered
    assert not window.convert_action.isEnabled()
    _press_convert(qtbot, window)
    window.form.convert_zawgyi()  # the menu's slot, too
    assert window.form.narrative.toPlainText() == UNICODE


def test_the_shortcut_shows_the_result_first_and_ctrl_z_brings_back_what_was_typed(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    form = window.form
    typed = f"{ZAWGYI} 10:30"
    _type(qtbot, window, typed)
    assert form.zawgyi.offered
    assert window.convert_action.isEnabled()
    _press_convert(qtbot, window)
    # The first press shows the result, with Convert focused; nothing is changed yet.
    assert form.narrative.toPlainText() == typed
    assert form.zawgyi.isVisible()
    assert form.zawgyi.after.text().startswith("မြန်မာ ဂိတ်ကို")
    assert form.zawgyi.convert_button.hasFocus()
    _press_convert(qtbot, window)
    converted = form.narrative.toPlainText()
    assert converted.startswith("မြန်မာ ဂိတ်ကို")
    assert converted.endswith(" 10:30")
    assert not form.zawgyi.isVisible()
    assert form.narrative.hasFocus()

    qtbot.keyClick(form.narrative, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.narrative.toPlainText() == typed  # exactly, in one step
    qtbot.waitUntil(lambda: form.zawgyi.offered, timeout=5000)  # and the offer is back
    qtbot.keyClick(form.narrative, Qt.Key.Key_Z, CONVERT)  # redo (Ctrl+Shift+Z) converts again
    assert form.narrative.toPlainText() == converted


def test_keep_as_typed_withdraws_the_offer(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    form = window.form
    _type(qtbot, window, ZAWGYI)
    assert form.zawgyi.offered
    form.zawgyi.keep_button.click()
    assert not form.zawgyi.isVisible()
    assert not window.convert_action.isEnabled()
    assert form.narrative.hasFocus()
    _type(qtbot, window, " ပိတ္")  # more of the same: not asked again
    assert not form.zawgyi.offered
    _press_convert(qtbot, window)
    assert form.narrative.toPlainText() == ZAWGYI + " ပိတ္"
