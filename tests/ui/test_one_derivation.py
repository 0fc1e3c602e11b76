"""One key derivation per unlock: the sync's and the health check's connections open with
the key the window's unlock derived (Argon2id's 64 MiB once, not three times)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store import keyslots
from desktop.store.database import create_store
from desktop.ui.app import build_window
from tests.ui.conftest import PASSPHRASE


def test_unlocking_the_window_derives_the_key_once(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_store(tmp_path / "store", PASSPHRASE).close()
    threads: list[str] = []
    real = keyslots.derive

    def counting(*args: object) -> bytearray:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(keyslots, "derive", counting)
    window = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(window)
    window.show()
    try:
        verdicts: list[object] = []
        window.health.checked.connect(verdicts.append)
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        window.unlock_page.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=15_000)
        # Both other connections are open (the check has even finished with its own).
        qtbot.waitUntil(lambda: window.sync.worker.is_open, timeout=15_000)
        qtbot.waitUntil(
            lambda: any(window.health.current(v) is not None for v in verdicts), timeout=15_000
        )
        assert len(threads) == 1, threads
    finally:
        window.close()
