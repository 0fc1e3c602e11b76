"""Fixtures for the window tests: a real window on a real store in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.app import build_window
from desktop.ui.window import GatewatchWindow

PASSPHRASE = "bamboo gate opens at two"


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[GatewatchWindow]:
    created = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    yield created
    created.close()
    created.languages.switch("en")


def create_store_through_ui(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.first_run
    assert window.pages.currentWidget() is page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    assert page.create_button.isEnabled()
    page.create_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
