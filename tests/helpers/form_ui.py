"""Driving the report form in tests."""

from pytestqt.qtbot import QtBot

from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import create_store_through_ui

ZAWGYI = "ျမန္မာ ဂိတ္ကို ပိတ္ထားသည္"  # Burmese typed in the Zawgyi encoding


def start_report(qtbot: QtBot, window: GatewatchWindow) -> None:
    """A new store made through the first-run page, and a report begun at Laiza, witnessed."""
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    form.gate.set_gate("laiza")
    form.how_known.setCurrentIndex(form.how_known.findData("witnessed"))
