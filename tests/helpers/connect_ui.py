"""Connecting the window to a real server on 127.0.0.1 through Tools → Connect to newsroom."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.desk import connection as desk_connection
from desktop.store.database import create_store
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.window import GatewatchWindow
from sync.server.testing import init_server, running_server
from tests.ui.conftest import rescue_dialogs


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A desk key, a server for it on 127.0.0.1; yields (URL, server folder)."""
    with create_store(tmp_path / "desk", "a long desk passphrase") as desk_store:
        public = desk_connection.init_desk(desk_store)
    server_dir = tmp_path / "server"
    init_server(server_dir, public)
    with running_server(server_dir) as url:
        yield url, server_dir


def connect_through_the_dialog(
    qtbot: QtBot, window: GatewatchWindow, invite: str, url: str, proxy: str = ""
) -> list[str]:
    """Open Tools → Connect to newsroom, paste, connect; return the errors it showed."""
    errors: list[str] = []

    def fill() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConnectDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(20, fill)
            return
        dialog = dialogs[0]
        dialog.invite.setPlainText(invite)
        dialog.server.setText(url)
        dialog.label.setText("test laptop")
        dialog.proxy.setText(proxy)
        dialog.connect_button.click()
        watch(dialog)

    def watch(dialog: ConnectDialog) -> None:
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return
        if dialog.error.isVisible():
            errors.append(dialog.error.text())
            dialog.reject()
            return
        QTimer.singleShot(20, lambda: watch(dialog))

    QTimer.singleShot(20, fill)
    with rescue_dialogs(30):
        window.connect_action.trigger()
    return errors
