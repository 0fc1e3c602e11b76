"""The window's store safety: a damaged store is said so after unlock and restored from a
backup; *Back up to…* writes one; *Prepare for a checkpoint* says what stays readable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.store.backup import restore_backup, write_backup
from desktop.store.database import DB_NAME, create_store, open_store
from desktop.store.integrity import check_integrity
from desktop.store.reports import ReportRepository
from desktop.ui.app import build_window
from desktop.ui.duress_dialog import DuressDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.window import GatewatchWindow
from tests.helpers.reports import example
from tests.helpers.stores import damage, fill
from tests.ui.conftest import PASSPHRASE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def opened_window(qtbot: QtBot, qapp: QApplication, folder: Path) -> Iterator[GatewatchWindow]:
    created = build_window(qapp, folder)
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    yield created
    created.close()


def unlock_through_ui(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.unlock_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=15_000)


def choose_file(qtbot: QtBot, window: GatewatchWindow, path: Path) -> None:
    """Pick ``path`` in the window's file chooser (it lists folders asynchronously, so
    accept until it has closed)."""
    qtbot.waitUntil(lambda: window.safety.file_chooser is not None)
    chooser = window.safety.file_chooser
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    tries = [0]

    def pick() -> None:
        tries[0] += 1
        if chooser.isVisible():
            chooser.setDirectory(str(path.parent))
            chooser.selectFile(str(path))
            chooser.accept()
            if tries[0] < 400:
                QTimer.singleShot(25, pick)

    pick()
    qtbot.waitUntil(lambda: not chooser.isVisible(), timeout=10_000)


def title(window: GatewatchWindow) -> str:
    box = window.safety.notice
    return box.windowTitle() if isinstance(box, QMessageBox) else ""


def notice_text(window: GatewatchWindow) -> str:
    box = window.safety.notice
    return box.text() if isinstance(box, QMessageBox) and box.isVisible() else ""


def test_a_damaged_store_says_so_after_unlock_and_a_backup_brings_it_back(
    qtbot: QtBot, qapp: QApplication, folder: Path, tmp_path: Path
) -> None:
    with create_store(folder, PASSPHRASE) as store:
        ids = fill(store)
        backup = tmp_path / "laptop.gwbackup"
        write_backup(store, backup)
    damage(folder / DB_NAME)
    window = build_window(qapp, folder)
    qtbot.addWidget(window)
    window.show()
    try:
        unlock_through_ui(qtbot, window)
        qtbot.waitUntil(lambda: "damaged on disk" in notice_text(window), timeout=20_000)
        box = window.safety.notice
        assert isinstance(box, QMessageBox)
        verdicts: list[object] = []
        window.health.checked.connect(verdicts.append)
        [restore] = [b for b in box.buttons() if "Restore" in b.text()]
        restore.click()
        assert not window.worker.is_open  # restoring starts with a lock
        choose_file(qtbot, window, backup)
        dialog = window.safety.restore_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        assert "replaced" in dialog.note.text()
        qtbot.keyClicks(dialog.passphrase.edit, "not the passphrase at all")
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(dialog.error.isVisible, timeout=15_000)
        dialog.passphrase.edit.clear()
        qtbot.keyClicks(dialog.passphrase.edit, PASSPHRASE)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=20_000)
        qtbot.waitUntil(lambda: window.main_page.model.rowCount() == len(ids), timeout=10_000)
        # The restored store is checked too, and found whole: no notice this time.
        qtbot.waitUntil(
            lambda: any(window.health.current(v) is not None for v in verdicts), timeout=20_000
        )
        [result] = [r for v in verdicts if (r := window.health.current(v)) is not None]
        assert result.ok
        assert not notice_text(window)
    finally:
        window.close()
    with open_store(folder, PASSPHRASE) as store:
        assert check_integrity(store).ok
        reports = ReportRepository(store, default_gazetteer())
        assert sum(1 for i in ids if reports.get(i).report is not None) == len(ids)


def test_back_up_to_writes_a_backup_that_restores(
    qtbot: QtBot, opened_window: GatewatchWindow, folder: Path, tmp_path: Path
) -> None:
    with create_store(folder, PASSPHRASE) as store:
        ids = fill(store, 20)
    opened_window.close()
    window = build_window(QApplication.instance(), folder)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    try:
        unlock_through_ui(qtbot, window)
        assert window.safety.backup_action.isEnabled()
        assert not window.safety.restore_action.isEnabled()
        window.safety.backup_action.trigger()
        out = tmp_path / "usb" / "laptop.gwbackup"
        out.parent.mkdir()
        choose_file(qtbot, window, out)
        qtbot.waitUntil(out.exists, timeout=10_000)
        qtbot.waitUntil(lambda: "Backup written" in window.statusBar().currentMessage())
    finally:
        window.close()
    restore_backup(tmp_path / "copy", out, PASSPHRASE, replace=False)
    with open_store(tmp_path / "copy", PASSPHRASE) as store:
        assert len(ReportRepository(store).ids()) == len(ids)


def test_prepare_for_a_checkpoint_says_what_stays_readable(
    qtbot: QtBot, opened_window: GatewatchWindow, folder: Path
) -> None:
    opened_window.close()
    with create_store(folder, PASSPHRASE) as store:
        reports = ReportRepository(store, default_gazetteer())
        for narrative in ("one", "two", "three"):
            reports.add(
                Report.new(ReportContent.from_json(example(narrative=narrative))),
                state=ReportState.DRAFT,
            )
        reports.add(Report.new(ReportContent.from_json(example(narrative="queued"))))
    window = build_window(QApplication.instance(), folder)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    try:
        unlock_through_ui(qtbot, window)
        assert window.safety.travel_action.isEnabled()
        window.safety.travel_action.trigger()
        qtbot.waitUntil(lambda: "3 draft(s) stay readable" in notice_text(window))
        box = window.safety.notice
        assert isinstance(box, QMessageBox)
        [go] = [b for b in box.buttons() if "Prepare" in b.text()]
        go.click()
        qtbot.waitUntil(lambda: "Ready" in title(window), timeout=20_000)
        text = notice_text(window)
        assert "3 draft(s) stay readable on this laptop." in text
        assert "1 waiting report(s) also stay readable" in text
        done = window.safety.notice
        assert isinstance(done, QMessageBox)
        done.close()
    finally:
        window.close()


def test_settings_sets_a_duress_passphrase_that_opens_the_decoy_at_unlock(
    qtbot: QtBot, opened_window: GatewatchWindow, folder: Path
) -> None:
    opened_window.close()
    with create_store(folder, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(
            Report.new(ReportContent.from_json(example(narrative="CANARYguiDURESS")))
        )
    window = build_window(QApplication.instance(), folder)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    duress = "kettle window orange tide"
    try:
        unlock_through_ui(qtbot, window)
        qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=10_000)

        def press_duress() -> None:
            dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, SettingsDialog)]
            if dialogs and dialogs[0].isVisible():
                dialogs[0].duress_button.click()
            else:
                QTimer.singleShot(20, press_duress)

        QTimer.singleShot(20, press_duress)
        window.open_settings()
        dialog = window.safety.duress_dialog
        assert isinstance(dialog, DuressDialog)
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClicks(dialog.current.edit, PASSPHRASE)
        qtbot.keyClicks(dialog.duress.edit, duress)
        qtbot.keyClicks(dialog.repeat.edit, duress + "x")
        dialog.set_button.click()
        assert "differ" in dialog.error.text()
        dialog.repeat.edit.clear()
        qtbot.keyClicks(dialog.repeat.edit, duress)
        dialog.notes.setPlainText("Rice is dear in Myitkyina.\n")
        dialog.set_button.click()
        qtbot.waitUntil(lambda: window.safety.duress_dialog is None, timeout=20_000)
        assert "Duress passphrase set" in window.statusBar().currentMessage()

        window.lock()
        page = window.unlock_page
        qtbot.keyClicks(page.passphrase, duress)
        page.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=15_000)
        qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=10_000)
    finally:
        window.close()
    with open_store(folder, duress) as store:
        reports = ReportRepository(store)
        assert [r.summary for r in reports.rows(reports.ids())] == ["Rice is dear in Myitkyina."]


def test_travel_mode_tells_the_views_what_it_changed(
    qtbot: QtBot, opened_window: GatewatchWindow, folder: Path
) -> None:
    # A command like any other: the list refreshes itself on `changed`, nothing calls it.
    from desktop.services.changes import Changes
    from desktop.services.travel import TRAVELLED

    opened_window.close()
    with create_store(folder, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(
            Report.new(ReportContent.from_json(example(narrative="queued")))
        )
    window = build_window(QApplication.instance(), folder)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    heard: list[Changes] = []
    window.worker.changed.connect(heard.append)
    try:
        unlock_through_ui(qtbot, window)
        window.safety.travel_action.trigger()
        qtbot.waitUntil(lambda: "stay readable" in notice_text(window))
        box = window.safety.notice
        assert isinstance(box, QMessageBox)
        [go] = [b for b in box.buttons() if "Prepare" in b.text()]
        go.click()
        qtbot.waitUntil(lambda: "Ready" in title(window), timeout=20_000)
        assert heard == [TRAVELLED]
        done = window.safety.notice
        assert isinstance(done, QMessageBox)
        done.close()
    finally:
        window.close()
