"""Setting up an editor desk through the window: create the newsroom key, or import it
from another editor's export (right and wrong passphrase); export it from the desk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store.database import create_store, open_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.keyexport import read_key_export
from desktop.store.desk.review import ReviewRepository
from desktop.ui.desk.key_export_dialog import ExportKeyDialog
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_ui import desk_window, make_desk_store
from tests.ui.conftest import PASSPHRASE, run_job

KEY_PASSPHRASE = "hand this over separately"


def create_desk_store_through_ui(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.first_run
    assert window.pages.currentWidget() is page
    page.desk_button.click()
    assert page.desk_mode
    assert page.title.text() == "Set up an editor desk"
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    page.create_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_setup, timeout=15_000)


def test_the_first_editor_creates_the_newsroom_key(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_desk_store_through_ui(qtbot, window)
    setup = window.desk_setup
    assert setup.steps.currentIndex() == 0
    qtbot.keyClicks(setup.label, "Night desk")
    setup.create_button.click()
    qtbot.waitUntil(lambda: setup.steps.currentIndex() == 1, timeout=10_000)

    key = run_job(qtbot, window.worker, lambda store: DeskRepository(store).key())
    assert key is not None
    groups = setup.fingerprint.text().split(" ")
    assert "".join(groups) == key.fingerprint
    assert all(len(group) == 4 for group in groups)
    assert setup.public_key.toPlainText() == key.public_key
    assert setup.public_key.isVisible()
    setup.save_public_key(tmp_path / "newsroom.pub")
    assert (tmp_path / "newsroom.pub").read_text().strip() == key.public_key
    identity = run_job(qtbot, window.worker, lambda store: ReviewRepository(store).identity())
    assert identity is not None
    assert identity.label == "Night desk"

    setup.next_button.click()
    assert setup.steps.currentIndex() == 2
    setup.later_button.click()
    assert window.pages.currentWidget() is window.desk_page
    qtbot.waitUntil(lambda: "Not connected" in window.desk_page.status.text())
    assert window.desk_menu.menuAction().isVisible()

    # Locked and unlocked again, it opens as a desk.
    window.lock()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000)


def test_a_second_editor_imports_the_key_and_a_wrong_passphrase_changes_nothing(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    with create_store(tmp_path / "first", PASSPHRASE) as first:
        desk_connection.init_desk(first, "x25519")
        fingerprint = desk_review.export_newsroom_key(
            first, tmp_path / "newsroom.key", KEY_PASSPHRASE
        )
    create_desk_store_through_ui(qtbot, window)
    setup = window.desk_setup
    qtbot.keyClicks(setup.label, "Day desk")
    setup.key_file.setText(str(tmp_path / "newsroom.key"))
    qtbot.keyClicks(setup.key_passphrase, "not the passphrase at all")
    setup.import_button.click()
    qtbot.waitUntil(lambda: setup.choose_error.isVisible(), timeout=15_000)
    assert "passphrase does not open this key file" in setup.choose_error.raw_text()
    assert "Nothing was changed" in setup.choose_error.raw_text()
    assert setup.steps.currentIndex() == 0
    assert setup.import_button.isEnabled()
    assert run_job(qtbot, window.worker, lambda store: DeskRepository(store).key()) is None

    # Not a key file at all: said plainly too.
    (tmp_path / "notes.txt").write_text("hello")
    setup.key_file.setText(str(tmp_path / "notes.txt"))
    setup.import_button.click()
    qtbot.waitUntil(lambda: "not a newsroom key export" in setup.choose_error.raw_text())

    setup.key_file.setText(str(tmp_path / "newsroom.key"))
    setup.key_passphrase.setText(KEY_PASSPHRASE)
    setup.import_button.click()
    qtbot.waitUntil(lambda: setup.steps.currentIndex() == 1, timeout=15_000)
    assert setup.fingerprint.text() == desk_review.spoken_fingerprint(fingerprint)
    assert not setup.public_key.isVisible()  # the first editor gave it to the admin already
    key = run_job(qtbot, window.worker, lambda store: DeskRepository(store).key())
    assert key is not None
    assert key.fingerprint == fingerprint
    identity = run_job(qtbot, window.worker, lambda store: ReviewRepository(store).identity())
    assert identity is not None
    assert identity.label == "Day desk"


def test_the_desk_exports_its_key_for_another_editor(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        window.unlock_page.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000)
        dialog = ExportKeyDialog(window.worker, window)
        qtbot.addWidget(dialog)
        dialog.passphrase.setText(KEY_PASSPHRASE)
        dialog.repeat.setText(KEY_PASSPHRASE + "x")
        dialog.path.setText(str(tmp_path / "for-second-editor.key"))
        dialog.export()
        assert dialog.error.raw_text() == "The two passphrases differ."
        dialog.repeat.setText(KEY_PASSPHRASE)
        with qtbot.waitSignal(dialog.accepted, timeout=120_000):  # Argon2id at export cost
            dialog.export()
    finally:
        window.close()
    exported = read_key_export(tmp_path / "for-second-editor.key", KEY_PASSPHRASE)
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        key = DeskRepository(store).key()
    assert key is not None
    assert exported.fingerprint == key.fingerprint
