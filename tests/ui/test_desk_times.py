"""The desk shows times in Myanmar time (+06:30) with the zone visible, whatever the
computer's zone; Settings switches to this computer's time, the choice is kept in the store,
and every time on screen is written again in it."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.services.desk.demo import fill_demo_desk
from desktop.store.database import create_store, open_store
from desktop.store.settings import SettingsRepository
from desktop.ui import desk_clock
from desktop.ui.desk.board_view import COLUMNS
from desktop.ui.desk.page import DeskPage
from desktop.ui.settings_dialog import SettingsDialog
from tests.helpers.desk_ui import desk_window, shown_ids, unlock_desk
from tests.ui.conftest import PASSPHRASE, rescue_dialogs

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # Yangon 18:30; New York 07:00 (EST)


@pytest.fixture
def new_york() -> Iterator[None]:
    """The computer's zone is New York's (-05:00 in March before DST), not Myanmar's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()
    desk_clock.set_zone(desk_clock.MYANMAR)


def header(page: DeskPage, column: int) -> str:
    return str(page.inbox.model.headerData(column, Qt.Orientation.Horizontal))


def choose_zone(zone: str) -> None:
    def pick() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, SettingsDialog)]
        if dialogs and dialogs[0].isVisible():
            dialogs[0].time_zone.setCurrentIndex(dialogs[0].time_zone.findData(zone))
            dialogs[0].accept()
        else:
            QTimer.singleShot(20, pick)

    QTimer.singleShot(20, pick)


def test_desk_times_are_myanmar_time_until_settings_choose_this_computers(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, new_york: None
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        demo = fill_demo_desk(store, NOW)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        wire = demo.ids["laiza_kia_wire"]  # observed 48 hours before NOW: 27 Feb 12:00 UTC
        qtbot.waitUntil(lambda: wire in shown_ids(page), timeout=10_000)
        row = shown_ids(page).index(wire)
        model = page.inbox.model
        qtbot.waitUntil(lambda: model.cached(wire) is not None, timeout=10_000)
        assert header(page, 0) == "Observed (MMT)"
        assert model.data(model.index(row, 0)) == "2026-02-27 18:30"
        page.show_report(wire)
        qtbot.waitUntil(lambda: page.review.shown_state is not None, timeout=10_000)
        qtbot.waitUntil(lambda: "2026-02-27 18:30 MMT" in page.review.browser.toPlainText())
        page.tabs.setCurrentWidget(page.board)
        qtbot.waitUntil(lambda: page.board.board is not None, timeout=10_000)
        assert page.board.since_zone.text() == "MMT"
        assert "(MMT)" in page.board.table.horizontalHeaderItem(COLUMNS.index("changed")).text()

        with rescue_dialogs():
            choose_zone(desk_clock.LOCAL)
            window.open_settings()
        qtbot.waitUntil(lambda: header(page, 0) == "Observed (UTC-05:00)", timeout=10_000)
        assert model.data(model.index(shown_ids(page).index(wire), 0)) == "2026-02-27 07:00"
        assert page.board.since_zone.text() == "UTC-05:00"
        qtbot.waitUntil(lambda: "2026-02-27 07:00 UTC-05:00" in page.review.browser.toPlainText())
    finally:
        window.close()
    # The choice is the store's, kept encrypted with the rest of its settings.
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        assert SettingsRepository(store).get("desk.time_zone") == desk_clock.LOCAL


def test_a_picked_time_is_read_in_the_desks_zone(new_york: None) -> None:
    picked = datetime(2026, 3, 1, 18, 0)
    assert desk_clock.aware(picked) == datetime(2026, 3, 1, 11, 30, tzinfo=UTC)
    desk_clock.set_zone(desk_clock.LOCAL)
    assert desk_clock.aware(picked) == datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert desk_clock.desk_time(NOW, with_zone=True) == "2026-03-01 07:00 UTC-05:00"
