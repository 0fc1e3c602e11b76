"""Driving the desk's window in tests, on a desk store the window tests' passphrase opens."""

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store.database import create_store
from desktop.ui.app import build_window
from desktop.ui.desk.page import DeskPage
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_stores import fill_desk
from tests.ui.conftest import PASSPHRASE


def select(qtbot: QtBot, page: DeskPage, report_id: str) -> None:
    page.show_report(report_id)
    qtbot.waitUntil(lambda: page.review.shown_state is not None, timeout=10_000)


def make_desk_store(
    folder: Path, *, extra: int = 0, label: str = "Night desk", approved: bool = True
) -> list[str]:
    """A desk store (newsroom key, label) filled by `fill_desk`; closed again."""
    with create_store(folder, PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, label)
        return fill_desk(store, extra=extra, approved=approved)


def unlock_desk(qtbot: QtBot, window: GatewatchWindow) -> DeskPage:
    page = window.unlock_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000)
    inbox = window.desk_page.inbox
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=10_000)
    # What needs attention comes first; the tests of the inbox go on from there.
    assert window.desk_page.tabs.currentWidget() is window.desk_page.attention
    window.desk_page.show_inbox()
    return window.desk_page


def desk_window(qtbot: QtBot, qapp: QApplication, data_dir: Path) -> GatewatchWindow:
    window = build_window(qapp, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_ids(page: DeskPage) -> list[str]:
    model = page.inbox.model
    return [model.report_id(row) or "" for row in range(model.rowCount())]


def wait_count(qtbot: QtBot, page: DeskPage, count: int) -> None:
    qtbot.waitUntil(lambda: page.inbox.model.rowCount() == count, timeout=10_000)
