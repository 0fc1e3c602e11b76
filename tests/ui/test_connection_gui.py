"""*Use Tor* and *Test connection* in the Connect dialog and in Settings → Connection…,
against a real TLS server and a real SOCKS5 proxy that stands in for Tor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services import sync
from desktop.services.connection_check import detect_tor
from desktop.store.database import create_store, open_store
from desktop.store.identity import IdentityRepository
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.connection_dialog import ConnectionDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.window import GatewatchWindow
from sync.protocol import Invite, encode_invite
from sync.server.store import ServerStore
from tests.helpers.servers import NAME, Newsroom, newsroom
from tests.helpers.servers import free_port as closed_port
from tests.sync.socks5 import Socks5Server
from tests.ui.conftest import PASSPHRASE
from tests.ui.fit import problems

__all__ = ["newsroom"]  # a fixture


@pytest.fixture
def tor() -> Iterator[Socks5Server]:
    with Socks5Server(names={NAME: "127.0.0.1"}, only_names=True) as proxy:
        yield proxy


def invite_for(newsroom: Newsroom) -> str:
    return encode_invite(
        Invite(newsroom.token, "ab" * 16, tls_sha256=newsroom.pin, server_url=None)
    )


def test_the_connect_dialog_offers_tor_and_says_which_step_fails(
    qtbot: QtBot, newsroom: Newsroom, tor: Socks5Server
) -> None:
    dialog = ConnectDialog(detect=lambda: detect_tor([closed_port(), tor.port]))
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.connection
    qtbot.waitUntil(lambda: box.detected)
    assert box.use_tor.isVisible()
    box.test_button.click()
    assert "Paste the whole invite first" in box.answer.raw_text()
    dialog.invite.setPlainText(invite_for(newsroom))
    dialog.server.setText(f"https://{NAME}:{newsroom.port}")
    box.use_tor.setChecked(True)
    assert dialog.proxy.text() == tor.url
    box.test_button.click()
    qtbot.waitUntil(lambda: box.last_result is not None, timeout=20_000)
    assert box.answer.raw_text().startswith("Every step works")
    dialog.proxy.setText(f"socks5h://127.0.0.1:{closed_port()}")
    box.test_button.click()
    qtbot.waitUntil(lambda: box.last_result.failed == "proxy", timeout=20_000)
    assert "start Tor or Tor Browser" in box.answer.raw_text()
    dialog.proxy.setText(tor.url)
    dialog.server.setText(f"https://nowhere.example:{newsroom.port}")
    box.test_button.click()
    qtbot.waitUntil(lambda: box.last_result.failed == "name", timeout=20_000)
    assert "name cannot be found" in box.answer.raw_text()
    dialog.reject()


def test_no_tor_no_offer(qtbot: QtBot, newsroom: Newsroom) -> None:
    dialog = ConnectDialog(detect=lambda: detect_tor([closed_port(), newsroom.port]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.connection.detected, timeout=10_000)
    assert not dialog.connection.use_tor.isVisible()
    dialog.reject()


def test_settings_connection_tests_and_saves_the_proxy(
    qtbot: QtBot, qapp: QApplication, newsroom: Newsroom, tor: Socks5Server, tmp_path: Path
) -> None:
    from desktop.ui.app import build_window

    folder = tmp_path / "store"
    with create_store(folder, PASSPHRASE) as store:
        with ServerStore.open(newsroom.data_dir) as admin:
            _, token, _ = admin.create_invite("laptop", 7)
        sync.enroll(
            store,
            newsroom.url,
            encode_invite(Invite(token, admin_fingerprint(newsroom), tls_sha256=newsroom.pin)),
        )
    window: GatewatchWindow = build_window(qapp, folder)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        window.unlock_page.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=15_000)

        def choose_connection() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, SettingsDialog) and widget.isVisible():
                    widget.connection_button.click()
                    return
            QTimer.singleShot(25, choose_connection)

        QTimer.singleShot(0, choose_connection)
        window.open_settings()  # exec(): returns once the button was clicked
        qtbot.waitUntil(lambda: bool(window.findChildren(ConnectionDialog)), timeout=10_000)
        [dialog] = window.findChildren(ConnectionDialog)
        qtbot.waitUntil(dialog.isVisible)
        assert problems(dialog) == []
        dialog.proxy.setText(tor.url)
        dialog.connection.test_button.click()
        qtbot.waitUntil(lambda: dialog.connection.last_result is not None, timeout=20_000)
        assert dialog.connection.last_result.failed is None
        assert ("127.0.0.1", newsroom.port) in tor.requests  # the test went through the proxy
        dialog.accept()
        qtbot.waitUntil(lambda: "Connection saved" in window.statusBar().currentMessage())
    finally:
        window.close()
    with open_store(folder, PASSPHRASE) as store:
        identity = IdentityRepository(store).get()
        assert identity is not None
        assert identity.proxy == tor.url


def admin_fingerprint(newsroom: Newsroom) -> str:
    with ServerStore.open(newsroom.data_dir) as admin:
        return admin.newsroom_key.fingerprint


@pytest.mark.parametrize("language", ["en", "my"])
def test_the_connection_widgets_fit(qtbot: QtBot, qapp: QApplication, language: str) -> None:
    from desktop.services.connection_check import CheckResult
    from desktop.ui.connection_test import describe
    from desktop.ui.i18n import LanguageSwitcher
    from desktop.ui.settings_dialog import AppSettings

    switcher = LanguageSwitcher(qapp)
    switcher.switch(language)
    try:
        dialog = ConnectDialog(detect=lambda: "socks5h://127.0.0.1:9050")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.connection.use_tor.isVisible())
        dialog.connection._show(describe(CheckResult("tcp", ("proxy", "name"))))
        qtbot.waitUntil(lambda: dialog.connection.answer.isVisible())
        assert problems(dialog) == []
        assert dialog.width() <= 1366
        assert dialog.height() <= 768
        dialog.reject()
        settings = SettingsDialog(AppSettings(language=language))
        qtbot.addWidget(settings)
        settings.show()
        qtbot.waitExposed(settings)
        assert problems(settings) == []
        settings.reject()
    finally:
        switcher.switch("en")
