"""The status bar's release line: a signed notice from a real server on 127.0.0.1 shows as
"Version … is available" with the notes, archives and how to check them; a refused one
says so."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services.updates import UpdateStatus
from desktop.ui.update_notice import UpdateNotice
from desktop.ui.window import GatewatchWindow
from sync import release
from sync.protocol import Invite, encode_invite
from sync.server import releases
from sync.server.store import ServerStore
from tests.helpers.connect_ui import connect_through_the_dialog, newsroom
from tests.ui.conftest import create_store_through_ui

__all__ = ["newsroom"]  # a fixture

SHA = "cd" * 32


def test_a_verified_release_shows_in_the_status_bar(
    qtbot: QtBot,
    window: GatewatchWindow,
    newsroom: tuple[str, Path],
) -> None:
    url, server_dir = newsroom
    key = release.generate_key()
    public = key.public_key().public_bytes_raw()
    manifest = release.manifest_from_json(
        {
            "version": "9.1.0",
            "archives": [{"platform": "macos-arm64", "name": "Gatewatch-9.1.0.zip", "sha256": SHA}],
            "notes": {"en": "Locks on sleep on macOS.", "my": "macOS တွင် အိပ်ချိန် သော့ခတ်သည်။"},
        },
        require_format=False,
    )
    with ServerStore.open(server_dir) as admin:
        releases.set_release_key(admin, public)
        releases.publish(admin, release.sign(manifest, key))
        _, token, _ = admin.tokens.create_invite("laptop", 7)
        invite = Invite(
            token, admin.newsroom_key.fingerprint, release_key=release.key_fingerprint(public)
        )
    create_store_through_ui(qtbot, window)
    assert not window.update_notice.isVisible()
    assert connect_through_the_dialog(qtbot, window, encode_invite(invite), url) == []
    window.sync_action.trigger()
    qtbot.waitUntil(window.update_notice.isVisible, timeout=30_000)
    assert window.update_notice.text() == "Version 9.1.0 is available"
    tip = window.update_notice.toolTip()
    assert "Locks on sleep on macOS." in tip
    assert f"macos-arm64: Gatewatch-9.1.0.zip\n  {SHA}" in tip
    assert "shasum -a 256" in tip


def test_a_refused_release_notice_says_so(qtbot: QtBot) -> None:
    notice = UpdateNotice()
    qtbot.addWidget(notice)
    notice.show_status(
        UpdateStatus(
            running="0.1.0",
            pinned="ab" * 32,
            manifest=None,
            refusal_code="release_bad_signature",
            refusal="the release manifest's signature does not verify",
        )
    )
    assert notice.text() == "Release notice refused: tell the newsroom"
    assert "does not verify" in notice.toolTip()
    notice.show_status(UpdateStatus(running="0.1.0", pinned=None, manifest=None))
    assert notice.isHidden()
