"""The unlock screen: the wipe limit said before the first try, a stronger warning near the
end, and the passphrase field's show/hide toggle and Caps Lock warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.database import create_store
from desktop.store.unlock_state import UnlockState, write_unlock_state
from desktop.ui.app import build_window
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import PASSPHRASE


def locked_window(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, state: UnlockState
) -> GatewatchWindow:
    create_store(data_dir, PASSPHRASE).close()
    write_unlock_state(data_dir, state)
    window = build_window(qapp, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.pages.currentWidget() is window.unlock_page
    return window


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[GatewatchWindow]:
    created = locked_window(qtbot, qapp, tmp_path / "store", UnlockState(wipe_after=5))
    yield created
    created.close()


def wrong_try(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.unlock_page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    page.error.hide()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible() and page.passphrase.isEnabled(), timeout=10_000)


def test_the_limit_is_said_before_the_first_try(window: GatewatchWindow) -> None:
    limit = window.unlock_page.limit
    assert limit.isVisible()
    assert limit.text() == "After 5 wrong passphrases in a row, this store is destroyed."


def test_the_warning_grows_stronger_near_the_end(qtbot: QtBot, window: GatewatchWindow) -> None:
    limit = window.unlock_page.limit
    wrong_try(qtbot, window)
    assert "4 tries left." in limit.text()
    assert "Careful" not in limit.text()
    wrong_try(qtbot, window)
    assert limit.text() == (
        "Careful: 3 more wrong passphrases destroy this store and every report in it for good."
    )
    assert "#b3261e" in limit.styleSheet()
    wrong_try(qtbot, window)
    wrong_try(qtbot, window)
    assert limit.text() == (
        "Careful: 1 more wrong passphrase destroys this store and every report in it for good."
    )


def test_no_limit_no_warning(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    window = locked_window(qtbot, qapp, tmp_path / "store", UnlockState(wipe_after=0))
    assert not window.unlock_page.limit.isVisible()
    window.close()
