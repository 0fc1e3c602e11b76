"""Driving the desk's window in tests."""

from pytestqt.qtbot import QtBot

from desktop.ui.desk.page import DeskPage


def select(qtbot: QtBot, page: DeskPage, report_id: str) -> None:
    page.show_report(report_id)
    qtbot.waitUntil(lambda: page.review.shown_state is not None, timeout=10_000)
