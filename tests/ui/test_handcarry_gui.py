"""Delivery by hand in the window: *Send by hand…* and *Import receipts…* on a
correspondent's laptop with no network; *Import hand-carried file…* (relayed to the
server, a forged item refused in plain words) and *Write receipts for a computer…* at
the desk. Real stores, a real server, real file dialogs driven to the end."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import followup_sync, handcarry, sync
from desktop.services.correspondent import capture, followups
from desktop.services.correspondent.demo import story
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import handcarry as desk_handcarry
from desktop.store.database import Store, create_store, open_store
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from desktop.ui.app import build_window
from desktop.ui.handcarry_dialogs import HandcarryDialogs
from desktop.ui.window import GatewatchWindow
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomKeyPair, seal
from sync.payloads.bundle import open_bundle, seal_bundle
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server
from tests.e2e.conftest import fast_client, make_invite, server_stats
from tests.helpers.servers import GENEROUS
from tests.ui.conftest import PASSPHRASE, run_job
from tests.ui.fit import problems

CANARY = "CANARY-by-hand-ကချင်"


@dataclass
class Newsroom:
    desk_dir: Path
    corr_dir: Path
    server_dir: Path
    url: str
    report_ids: list[str]
    device_id: str


@contextlib.contextmanager
def newsroom(tmp_path: Path, queued: int = 2) -> Iterator[tuple[Newsroom, object]]:
    """A desk, a server and an enrolled laptop that met once with a connection (it pinned
    the desk's key, the desk learnt its keys); then ``queued`` reports wait on the laptop.
    Yields inside the running server; the caller may stop it early (the shutdown)."""
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        public = desk_connection.init_desk(store, "x25519")
    init_server(tmp_path / "server", public)
    running = running_server(tmp_path / "server", config=GENEROUS)
    url = running.__enter__()
    try:
        with ServerStore.open(tmp_path / "server") as admin:
            _, token = admin.tokens.create_desk_token("desk")
        with open_store(tmp_path / "desk", PASSPHRASE) as desk_store:
            desk_connection.connect(desk_store, url, token, client_factory=fast_client)
        with create_store(tmp_path / "corr", PASSPHRASE) as corr:
            sync.enroll(corr, url, make_invite(tmp_path / "server", "Laiza laptop"))
            assert followup_sync.sync_followups(corr, client_factory=fast_client).error is None
            identity = IdentityRepository(corr).get()
            assert identity is not None
            with open_store(tmp_path / "desk", PASSPHRASE) as desk_store:
                desk.pull(desk_store, client_factory=fast_client)
            ids = []
            for item in story("en")[:queued]:
                body = dict(item.body, narrative=f"{item.body['narrative']} {CANARY}")
                draft = capture.save_draft(corr, default_gazetteer(), body, None, None)
                ids.append(capture.queue_draft(corr, default_gazetteer(), draft).id)
        room = Newsroom(
            tmp_path / "desk", tmp_path / "corr", tmp_path / "server", url, ids, identity.device_id
        )
        yield room, running
    finally:
        running.__exit__(None, None, None)


def open_window(qtbot: QtBot, qapp: QApplication, folder: Path, page: str) -> GatewatchWindow:
    window = build_window(qapp, folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    unlock = window.unlock_page
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.unlock_button.click()
    qtbot.waitUntil(lambda: type(window.pages.currentWidget()).__name__ == page, timeout=20_000)
    return window


def pick(qtbot: QtBot, actions: HandcarryDialogs, path: Path) -> None:
    """Choose ``path`` in the open file chooser (it lists folders asynchronously: accept
    until it has closed)."""
    qtbot.waitUntil(lambda: actions.file_chooser is not None)
    chooser = actions.file_chooser
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible)

    def again() -> None:
        if actions.file_chooser is chooser and chooser.isVisible():
            chooser.setDirectory(str(path.parent))
            chooser.selectFile(str(path))
            chooser.accept()
            QTimer.singleShot(25, again)

    again()
    qtbot.waitUntil(lambda: actions.file_chooser is not chooser, timeout=10_000)


def notice(qtbot: QtBot, actions: HandcarryDialogs, title: str) -> str:
    """Wait for the notice titled ``title``; return its text and close it."""
    qtbot.waitUntil(
        lambda: actions.notice is not None and actions.notice.windowTitle() == title,
        timeout=30_000,
    )
    box = actions.notice
    assert isinstance(box, QMessageBox)
    text = box.text().replace("\n", " ")
    box.done(0)
    qtbot.waitUntil(lambda: actions.notice is None)
    return text


def state_column(window: GatewatchWindow) -> list[str]:
    model = window.main_page.model
    column = model.COLUMNS.index("state")
    return [model.index(r, column).data() or "" for r in range(model.rowCount())]


def test_a_laptop_without_network_sends_by_hand_and_imports_the_receipts(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with newsroom(tmp_path) as (room, running):
        running.__exit__(None, None, None)  # type: ignore[attr-defined]  # the shutdown
        window = open_window(qtbot, qapp, room.corr_dir, "MainPage")
        try:
            actions = window.handcarry
            qtbot.waitUntil(lambda: state_column(window) == ["Queued", "Queued"])
            assert actions.send_action.isEnabled()
            assert actions.send_action in window.report_menu.actions()
            assert actions.receipts_action in window.report_menu.actions()
            assert not window.desk_handcarry.import_action.isEnabled()
            actions.send_action.trigger()
            stick = tmp_path / "usb" / "holiday photos.zip"
            stick.parent.mkdir()
            pick(qtbot, actions, stick)
            text = notice(qtbot, actions, "File written")
            assert "2 reports written to" in text
            assert "holiday photos.zip" in text
            qtbot.waitUntil(
                lambda: all(s.startswith("Carried on 20") for s in state_column(window))
            )
            data = stick.read_bytes()
            assert CANARY.encode() not in data
            assert b"gatewatch" not in data.lower()

            # The desk imports the carried copy, asks a question and writes the receipts.
            with open_store(room.desk_dir, PASSPHRASE) as desk_store:
                desk_handcarry.import_bundle(desk_store, stick, client_factory=fast_client)
                desk_followups.ask(desk_store, room.report_ids[0], "Which lane was closed?")
                back = tmp_path / "back.dat"
                desk_handcarry.write_receipts(desk_store, room.device_id, back)

            # A file that is not a receipt file changes nothing, and says so.
            actions.receipts_action.trigger()
            pick(qtbot, actions, stick)
            refused = notice(qtbot, actions, "Nothing was done")
            assert "does not open here" in refused
            assert all(s.startswith("Carried on") for s in state_column(window))

            actions.receipts_action.trigger()
            pick(qtbot, actions, back)
            text = notice(qtbot, actions, "Receipts imported")
            assert "2 reports are now with the newsroom" in text
            assert "The desk asks: • Which lane was closed?" in text
            qtbot.waitUntil(lambda: state_column(window) == ["Sent", "Sent"])
        finally:
            window.close()
    with open_store(room.corr_dir, PASSPHRASE) as corr:
        reports = ReportRepository(corr)
        assert {reports.get(i).row.state for i in room.report_ids} == {ReportState.SENT}
        assert [q.text for q in followups.questions(corr)] == ["Which lane was closed?"]


def forged_bundle(room: Newsroom, genuine: Path, out: Path, desk_store: Store) -> int:
    """``genuine``'s envelopes and one report that names the laptop but is signed by
    another key; return how many envelopes the genuine bundle held."""
    [key] = DeskRepository(desk_store).keys()
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    envelopes = list(open_bundle(genuine.read_bytes(), [pair]).envelopes)
    forged = seal(
        b"{}",
        kind=EnvelopeKind.REPORT,
        envelope_id=str(uuid.uuid4()),
        device_id=room.device_id,
        device_key=DeviceSigningKey.generate(),
        recipient=pair.public_key,
    )
    out.write_bytes(seal_bundle([*envelopes, forged], pair.public_key))
    return len(envelopes)


def test_the_desk_imports_a_carried_file_relays_it_and_writes_receipts(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with newsroom(tmp_path) as (room, _):
        with open_store(room.corr_dir, PASSPHRASE) as corr:
            genuine = tmp_path / "genuine.dat"
            handcarry.export_bundle(corr, genuine)
        carried = tmp_path / "usb" / "notes.dat"
        carried.parent.mkdir()
        with open_store(room.desk_dir, PASSPHRASE) as desk_store:
            count = forged_bundle(room, genuine, carried, desk_store)
        before = server_stats(room.server_dir)["envelopes"]
        window = open_window(qtbot, qapp, room.desk_dir, "DeskPage")
        try:
            actions = window.desk_handcarry
            assert actions.import_action in window.desk_menu.actions()
            assert actions.import_action.isEnabled()
            assert not window.handcarry.send_action.isEnabled()
            actions.import_action.trigger()
            pick(qtbot, actions, carried)
            text = notice(qtbot, actions, "Hand-carried file imported")
            assert "2 new reports stored" in text
            assert "1 item was refused and not stored: not signed by the computer it names" in text
            assert f"{count} items handed on to the server" in text
            inbox = window.desk_page.inbox.model
            qtbot.waitUntil(lambda: inbox.rowCount() == 2, timeout=10_000)

            # Imported again: said so, nothing stored twice.
            actions.import_action.trigger()
            pick(qtbot, actions, carried)
            again = notice(qtbot, actions, "Hand-carried file imported")
            assert "already imported on" in again
            assert "0 new reports" in again

            actions.receipts_action.trigger()
            qtbot.waitUntil(lambda: actions.device_chooser is not None)
            chooser = actions.device_chooser
            assert chooser is not None
            qtbot.waitUntil(chooser.isVisible)
            assert "Laiza laptop" in chooser.devices.item(0).text()
            chooser.write_button.click()
            receipts = tmp_path / "usb" / "for-laiza.dat"
            pick(qtbot, actions, receipts)
            written = notice(qtbot, actions, "Receipts written")
            assert f"Receipts for {count} items written to" in written
        finally:
            window.close()
        assert server_stats(room.server_dir)["envelopes"] - before == count
        with open_store(room.corr_dir, PASSPHRASE) as corr:
            applied = handcarry.import_receipts(corr, receipts)
            assert applied.reports == 2


@pytest.mark.parametrize("language", ["en", "my"])
def test_the_device_chooser_fits_at_1366x768(
    qtbot: QtBot, qapp: QApplication, language: str
) -> None:
    from desktop.ui.desk.handcarry_actions import DeviceChooser
    from desktop.ui.i18n import LanguageSwitcher

    switcher = LanguageSwitcher(qapp)
    switcher.switch(language)
    try:
        chooser = DeviceChooser([("gw-00000000000000000001", "Laiza laptop")])
        qtbot.addWidget(chooser)
        chooser.show()
        qtbot.waitExposed(chooser)
        assert chooser.width() <= 1366
        assert chooser.height() <= 768
        assert problems(chooser) == []
        chooser.reject()
    finally:
        switcher.switch("en")


def test_a_carried_file_imported_at_the_desk_refreshes_the_inbox_through_changed(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    # Nothing wires the import to the inbox: the inbox hears of it on the worker's
    # `changed`, as of a pull.
    from desktop.services.desk.session import PULLED
    from desktop.ui.desk.handcarry_actions import DeskHandcarryActions
    from desktop.ui.desk.inbox import DeskInbox
    from desktop.ui.worker import StoreWorker

    with newsroom(tmp_path) as (room, _):
        with open_store(room.corr_dir, PASSPHRASE) as corr:
            carried = tmp_path / "carried.dat"
            handcarry.export_bundle(corr, carried)
        worker = StoreWorker()
        try:
            opened: list[object] = []
            worker.open(lambda: open_store(room.desk_dir, PASSPHRASE), opened.append, opened.append)
            qtbot.waitUntil(lambda: worker.is_open, timeout=20_000)
            host = QMainWindow()
            qtbot.addWidget(host)
            inbox = DeskInbox(worker, default_gazetteer(), lambda: "en")
            host.setCentralWidget(inbox)
            host.show()
            qtbot.waitExposed(host)
            inbox.refresh()
            run_job(qtbot, worker, lambda store: None)  # after the inbox's own query
            assert inbox.model.rowCount() == 0

            actions = DeskHandcarryActions(host, worker)
            with qtbot.waitSignal(worker.changed, timeout=30_000) as heard:
                actions.import_carried(carried)
            assert heard.args == [PULLED]  # all a pull brings: reports, moves, devices, answers
            text = notice(qtbot, actions, "Hand-carried file imported")
            assert "2 new reports stored" in text
            qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=10_000)
            assert set(inbox.model.report_id(r) for r in range(2)) == set(room.report_ids)
        finally:
            worker.shutdown()
