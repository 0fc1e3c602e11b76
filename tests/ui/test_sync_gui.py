"""The window's sync: what the status bar says, Send now on the sync thread, and Connect to
newsroom against a real server on 127.0.0.1 (as tests/e2e runs it)."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from desktop.services import sync as sync_service
from desktop.services.changes import Changes
from desktop.services.correspondent import capture
from desktop.services.sync import SyncErrorKind, SyncOutcome, SyncProgress, SyncStatus
from desktop.store.database import create_store
from desktop.store.identity import IdentityRepository
from desktop.ui.sync_controller import SyncIndicator
from desktop.ui.window import GatewatchWindow
from sync.server.store import ServerStore
from tests.helpers.connect_ui import connect_through_the_dialog, newsroom
from tests.helpers.servers import invite
from tests.sync.socks5 import Socks5Server
from tests.ui.conftest import add_draft, create_store_through_ui, run_job

__all__ = ["newsroom"]  # a fixture

ENROLLED = SyncStatus(
    enrolled=True,
    device_id="dev-1",
    server_url="http://127.0.0.1:1",
    waiting=3,
    last_error=None,
    last_success_at=None,
)


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (SyncErrorKind.OFFLINE, "Offline: 3 waiting, nothing is lost"),
        (SyncErrorKind.REVOKED, "revoked by the newsroom"),
        (SyncErrorKind.UNAUTHORIZED, "no longer knows this computer"),
        (SyncErrorKind.PIN_MISMATCH, "certificate is not the newsroom's"),
        (SyncErrorKind.REFUSED, "refused reports"),
        (SyncErrorKind.FAILED, "Sending failed: 3 waiting"),
    ],
)
def test_the_indicator_says_what_went_wrong(qtbot: QtBot, kind: SyncErrorKind, words: str) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_status(ENROLLED)
    indicator.show_outcome(SyncOutcome(sent=0, remaining=3, error=kind, message="detail"))
    assert words in indicator.label.text()
    assert indicator.label.toolTip() == "detail"


def test_the_indicator_without_an_enrolment_says_how_to_connect(qtbot: QtBot) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_status(SyncStatus(False, None, None, 2, None, None))
    assert indicator.label.text() == "Not connected to a newsroom"
    assert "Connect to newsroom" in indicator.label.toolTip()


def test_the_indicator_shows_progress_and_the_last_sync(qtbot: QtBot) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    indicator.show_status(ENROLLED)
    assert indicator.label.text() == "3 waiting to be sent"
    indicator.show_running(True)
    assert indicator.label.text() == "Sending…"
    indicator.show_progress(SyncProgress(2, 6, 4096, 16384, 1, 3))
    assert indicator.label.text() == "Sending 1 of 3…"
    assert indicator.bar.isVisible()
    assert (indicator.bar.value(), indicator.bar.maximum()) == (4096, 16384)
    indicator.show_running(False)
    assert not indicator.bar.isVisible()
    moment = datetime(2024, 11, 12, 3, 0, tzinfo=UTC)
    indicator.show_status(SyncStatus(True, "d", "u", 0, None, moment))
    indicator.show_outcome(SyncOutcome(sent=3, remaining=0))
    expected = moment.astimezone().strftime("%H:%M")
    assert indicator.label.text() == f"All sent · last sync {expected}"
    indicator.clear()
    assert indicator.label.text() == ""


def test_connect_then_send_now_runs_on_the_sync_thread(
    qtbot: QtBot,
    window: GatewatchWindow,
    newsroom: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, server_dir = newsroom
    create_store_through_ui(qtbot, window)
    qtbot.waitUntil(
        lambda: window.sync_indicator.label.text() == "Not connected to a newsroom", timeout=15_000
    )
    threads: list[str] = []
    real = sync_service.sync_once

    def recording(*args: Any, **kwargs: Any) -> SyncOutcome:
        threads.append(QThread.currentThread().objectName())
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_service, "sync_once", recording)  # looked up at each sync
    assert connect_through_the_dialog(qtbot, window, invite(server_dir), url) == []
    assert window.statusBar().currentMessage() == "Connected to the newsroom."

    draft_id = add_draft(qtbot, window, "Gate closed at noon.")
    run_job(qtbot, window.worker, lambda s: capture.queue_draft(s, window.gazetteer, draft_id))
    qtbot.waitUntil(lambda: not window.sync.running, timeout=15_000)
    window.sync.timer.stop()
    threads.clear()
    window.sync_action.trigger()
    qtbot.waitUntil(lambda: "All sent" in window.sync_indicator.label.text(), timeout=30_000)
    assert threads
    assert set(threads) == {"gatewatch-sync"}
    with ServerStore.open(server_dir) as admin:
        assert admin.stats()["envelopes"] >= 1


def test_a_used_invite_is_refused_in_plain_words(
    qtbot: QtBot, window: GatewatchWindow, newsroom: tuple[str, Path], tmp_path: Path
) -> None:
    url, server_dir = newsroom
    used = invite(server_dir)
    with create_store(tmp_path / "other", "another long passphrase") as other:
        sync_service.enroll(other, url, used)
    create_store_through_ui(qtbot, window)
    errors = connect_through_the_dialog(qtbot, window, used, url)
    assert errors
    assert "already used" in errors[0]


def test_the_connect_dialog_says_when_the_invite_is_not_whole(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    errors = connect_through_the_dialog(qtbot, window, "gwinvite1:broken", "http://127.0.0.1:9")
    assert errors == [
        "This is not a whole invite. Copy all of it again, from gwinvite1: to the end."
    ]


def test_the_connect_dialog_refuses_an_onion_address_without_tor(
    qtbot: QtBot, window: GatewatchWindow, newsroom: tuple[str, Path]
) -> None:
    _, server_dir = newsroom
    create_store_through_ui(qtbot, window)
    onion = "http://" + "a" * 56 + ".onion"
    errors = connect_through_the_dialog(qtbot, window, invite(server_dir), onion)
    assert errors
    assert "socks5h://127.0.0.1:9050" in errors[0]


def test_the_connect_dialog_sends_names_to_a_socks5_proxy(
    qtbot: QtBot, window: GatewatchWindow, newsroom: tuple[str, Path]
) -> None:
    url, server_dir = newsroom
    port = urlsplit(url).port
    create_store_through_ui(qtbot, window)
    with Socks5Server() as socks:
        proxy = socks.url.replace("socks5h://", "socks5://")
        named = f"http://localhost:{port}"
        assert connect_through_the_dialog(qtbot, window, invite(server_dir), named, proxy) == []
        assert ("localhost", port) in socks.requests  # the name, unresolved, at the proxy
    identity = run_job(qtbot, window.worker, lambda s: IdentityRepository(s).get())
    assert identity is not None
    assert identity.proxy == socks.url


def test_what_a_sync_sent_reaches_the_window_s_views_through_changed(
    qtbot: QtBot, window: GatewatchWindow, newsroom: tuple[str, Path]
) -> None:
    # The sync runs on its own worker; the window's worker broadcasts what it changed, and
    # the list shows the report sent with nothing else telling it to.
    url, server_dir = newsroom
    create_store_through_ui(qtbot, window)
    assert connect_through_the_dialog(qtbot, window, invite(server_dir), url) == []
    draft_id = add_draft(qtbot, window, "Gate closed at noon.")
    heard: list[Changes] = []
    window.worker.changed.connect(heard.append)
    run_job(qtbot, window.worker, lambda s: capture.queue_draft(s, window.gazetteer, draft_id))
    qtbot.waitUntil(lambda: not window.sync.running, timeout=15_000)
    window.sync_action.trigger()
    qtbot.waitUntil(lambda: Changes(reports=True, delivery=True) in heard, timeout=30_000)
    model = window.main_page.model
    column = model.COLUMNS.index("state")
    qtbot.waitUntil(lambda: model.index(0, column).data() == "Sent", timeout=10_000)
