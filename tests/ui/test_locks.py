"""Locks and wipes against what is still on its way: queued answers, open dialogs, a
save in flight, a suspended laptop, a file dialog's memory, the clipboard, the key file."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.report_state import ReportState
from desktop.services.correspondent import capture
from desktop.store.database import DB_NAME, KEYFILE_NAME
from desktop.store.errors import StoreIOError
from desktop.ui import window as window_module
from desktop.ui.locks import IdleWatcher, SleepWatcher
from desktop.ui.window import GatewatchWindow
from tests.helpers.photos import jpeg_with_metadata
from tests.helpers.stores import wiped
from tests.ui.conftest import (
    PASSPHRASE,
    add_draft,
    create_store_through_ui,
    drain,
    held,
    rescue_dialogs,
    stored,
)

ENTRY_ONLY = ("new_action", "search_action", "save_action", "queue_action", "delete_action")


def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def assert_locked_and_blank(window: GatewatchWindow) -> None:
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.worker.is_open
    assert window.form.narrative.toPlainText() == ""
    assert window.form.new_name.text() == ""
    assert window.main_page.model.rowCount() == 0
    assert visible_dialogs() == []
    for name in ENTRY_ONLY:
        assert not getattr(window, name).isEnabled(), name


# -- answers queued before a lock ------------------------------------------------------


def test_a_draft_loading_when_the_lock_comes_never_shows(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    draft_id = add_draft(qtbot, window, "the trader's words")
    with held(window.worker):
        window._edit(draft_id)  # what activating a draft in the list does
        window.lock()
    drain(qtbot, window.worker)  # the load's answer has come (and was dropped)
    assert_locked_and_blank(window)


def test_a_lock_right_after_unlock_stays_locked(
    qtbot: QtBot, window: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_store_through_ui(qtbot, window)
    with qtbot.waitSignal(window.worker.closed, timeout=10_000):  # not the one awaited below
        window.lock()
    real = capture.after_unlock

    def slow_after_unlock(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)  # the list and settings still loading when Ctrl+L comes
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(capture, "after_unlock", slow_after_unlock)
    window.worker.opened.connect(lambda: QTimer.singleShot(0, window.lock))
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.worker.closed, timeout=10_000):  # the lock's close
        qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    drain(qtbot, window.worker)  # the slow list and settings have answered
    assert_locked_and_blank(window)
    assert not window.lock_action.isEnabled()
    assert window.unlock_page.passphrase.isEnabled()


def test_a_lock_while_the_store_is_opening_wins(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    window.lock()
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert window.worker.opening  # Argon2id is still deriving
    window.lock()
    drain(qtbot, window.worker)  # the opening has answered, and the lock's close
    assert_locked_and_blank(window)


# -- dialogs ----------------------------------------------------------------------------


def test_auto_lock_closes_the_pii_warning_and_nothing_is_queued(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    window.form.gate.set_gate("laiza")
    window.form.narrative.setPlainText("Call him on 09 7512 34567 before noon.")
    seen: list[str] = []

    def watch() -> None:
        boxes = [d for d in visible_dialogs() if isinstance(d, QMessageBox)]
        seen.extend(box.informativeText() for box in boxes)
        if not seen:
            QTimer.singleShot(20, watch)

    QTimer.singleShot(20, watch)
    window.idle.start(400)
    with qtbot.waitSignal(window.worker.closed, timeout=5000), rescue_dialogs():
        window.form.queue_button.click()  # returns when the warning closes
    assert seen
    assert "7512" in seen[0]
    assert_locked_and_blank(window)
    [draft] = stored(tmp_path / "store")  # kept by the lock's last save, not queued
    assert draft.row.state is ReportState.DRAFT


def test_lock_closes_the_settings_dialog(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    QTimer.singleShot(100, window.lock)
    with rescue_dialogs():
        window.open_settings()
    assert_locked_and_blank(window)


# -- idle time across a suspend, and sleep ----------------------------------------------


class FakeClocks:
    def __init__(self) -> None:
        self.wall = 1_700_000_000.0
        self.mono = 50.0


def test_idle_time_counts_the_wall_clock_a_suspend_skipped(qtbot: QtBot) -> None:
    clocks = FakeClocks()
    fired: list[bool] = []
    watcher = IdleWatcher(
        lambda: fired.append(True), clock=lambda: clocks.wall, monotonic=lambda: clocks.mono
    )
    watcher.start(5 * 60_000)
    clocks.wall += 4 * 60
    clocks.mono += 4 * 60
    watcher.check()
    assert fired == []
    clocks.wall += 6 * 3600  # the lid was closed: the monotonic clock stood still
    qtbot.waitUntil(lambda: fired == [True], timeout=3000)  # the one-second check
    assert not watcher.active


def test_input_resets_idle_time_but_not_after_a_suspend(qtbot: QtBot) -> None:
    clocks = FakeClocks()
    fired: list[bool] = []
    watcher = IdleWatcher(
        lambda: fired.append(True), clock=lambda: clocks.wall, monotonic=lambda: clocks.mono
    )
    QApplication.instance().installEventFilter(watcher)  # type: ignore[union-attr]
    try:
        watcher.start(5 * 60_000)
        clocks.wall += 4 * 60
        scratch = _scratch(qtbot)
        qtbot.keyClick(scratch, Qt.Key.Key_Shift)
        clocks.wall += 4 * 60
        watcher.check()
        assert fired == []  # a key was pressed four minutes in
        clocks.wall += 3 * 3600
        qtbot.keyClick(scratch, Qt.Key.Key_Shift)  # the first key after opening the lid
        assert fired == [True]
    finally:
        QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]


def _scratch(qtbot: QtBot) -> QDialog:
    widget = QDialog()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_laptop_opened_hours_later_locks_at_once(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    clocks = FakeClocks()
    window.idle.clock = lambda: clocks.wall
    window.idle.monotonic = lambda: clocks.mono
    window.idle.start(5 * 60_000)
    clocks.wall += 3 * 3600
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert_locked_and_blank(window)


@pytest.fixture
def private_bus() -> object:
    """A D-Bus daemon of our own, standing in for the system bus."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon on this machine")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    yield address
    process.terminate()
    process.wait(5)
    process.stdout.close()


def test_prepare_for_sleep_from_logind_locks(qtbot: QtBot, private_bus: str) -> None:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    listener = QDBusConnection.connectToBus(private_bus, "gatewatch-test-listener")
    logind = QDBusConnection.connectToBus(private_bus, "gatewatch-test-logind")
    try:
        assert listener.isConnected()
        assert logind.isConnected()
        assert logind.registerService("org.freedesktop.login1")
        slept: list[bool] = []
        watcher = SleepWatcher(lambda: slept.append(True), bus=listener)
        assert watcher.available
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"
        )
        signal.setArguments([False])  # waking up: nothing to do
        logind.send(signal)
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"
        )
        signal.setArguments([True])
        logind.send(signal)
        qtbot.waitUntil(lambda: slept == [True], timeout=5000)
    finally:
        QDBusConnection.disconnectFromBus("gatewatch-test-listener")
        QDBusConnection.disconnectFromBus("gatewatch-test-logind")


def test_without_a_system_bus_sleep_watching_is_off() -> None:
    watcher = SleepWatcher(lambda: None)
    assert watcher.available in (True, False)  # never raises; off where no bus exists


# -- the file dialog's memory -----------------------------------------------------------


def test_the_photo_dialog_leaves_no_trace_of_the_folder(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    config = home / ".config"
    config.mkdir(parents=True)
    before = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(form, QSettings.Scope.UserScope, str(config))
    folder = tmp_path / "photos from Naw Seng"
    folder.mkdir()
    (folder / "gate.jpg").write_bytes(jpeg_with_metadata())
    try:
        create_store_through_ui(qtbot, window)
        window.new_action.trigger()
        window.form.gate.set_gate("laiza")

        deadline = time.monotonic() + 20
        seen: list[QFileDialog] = []

        def choose() -> None:
            # The dialog lists the folder asynchronously: accept() before the file shows
            # does nothing, so try again until the dialog has closed. Past the deadline
            # the test closes every dialog itself (exec() returns) and fails below.
            dialogs = [d for d in visible_dialogs() if isinstance(d, QFileDialog)]
            if time.monotonic() > deadline:
                for dialog in reversed(visible_dialogs()):
                    dialog.reject()
                return
            if dialogs:
                seen.append(dialogs[0])
                dialogs[0].setDirectory(str(folder))
                dialogs[0].selectFile(str(folder / "gate.jpg"))
                dialogs[0].accept()
            if dialogs or not seen:
                QTimer.singleShot(25, choose)

        QTimer.singleShot(20, choose)
        window.form.photos.add_button.click()
        qtbot.waitUntil(lambda: window.form.photos.list.count() == 1, timeout=10_000)
        written = [p for p in home.rglob("*") if p.is_file()]
        for path in written:
            assert b"Naw Seng" not in path.read_bytes(), path
            assert b"Naw%20Seng" not in path.read_bytes(), path
    finally:
        for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(form, QSettings.Scope.UserScope, before)


# -- what stays in memory -----------------------------------------------------------------


def test_lock_empties_the_list_cache_and_the_pixmap_cache(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    add_draft(qtbot, window, "rows are cached")
    window.main_page.refresh()
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=5000)
    window.main_page.model.data(window.main_page.model.index(0, 5))
    qtbot.waitUntil(lambda: bool(window.main_page.model._cache), timeout=5000)
    pixmap = QPixmap(8, 8)
    QPixmapCache.insert("gatewatch-test", pixmap)
    window.lock()
    assert window.main_page.model._cache == {}
    assert QPixmapCache.find("gatewatch-test") is None


def test_closing_the_window_clears_a_copied_report_text(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    window.form.not_listed.setChecked(True)
    window.form.new_name.setText("Footpath behind the school")
    window.form.new_name.selectAll()
    window.form.new_name.setFocus()
    qtbot.keyClick(window.form.new_name, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    assert clipboard.text() == "Footpath behind the school"
    assert mime is not None
    assert mime.hasFormat("x-kde-passwordManagerHint")
    window.close()
    assert clipboard.text() == ""


# -- saves in flight -----------------------------------------------------------------------


def test_text_typed_while_a_save_is_in_flight_survives_a_lock(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    window.form.gate.set_gate("laiza")
    with qtbot.waitSignal(window.worker.closed, timeout=10_000), held(window.worker):
        window.form.narrative.insertPlainText("Diesel is 4500 kyat")
        window.form.save_if_dirty()  # the autosave: in flight behind a slow job
        window.form.narrative.insertPlainText(", rice 95 yuan a bag")
        window.lock()
    [draft] = stored(tmp_path / "store")
    assert draft.body["narrative"] == "Diesel is 4500 kyat, rice 95 yuan a bag"


def test_text_typed_while_a_save_is_in_flight_survives_quitting(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    window.form.gate.set_gate("laiza")
    with held(window.worker) as gate:
        window.form.narrative.insertPlainText("Diesel is 4500 kyat")
        window.form.save_if_dirty()
        window.form.narrative.insertPlainText(", rice 95 yuan a bag")
        threading.Timer(0.3, gate.set).start()  # the slow job ends while we quit
        window.close()
    [draft] = stored(tmp_path / "store")
    assert draft.body["narrative"] == "Diesel is 4500 kyat, rice 95 yuan a bag"


# -- panic wipe ---------------------------------------------------------------------------


def test_panic_wipe_destroys_the_key_at_once_without_waiting_for_queued_jobs(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    data_dir = tmp_path / "store"
    ran: list[str] = []
    with held(window.worker):
        for _ in range(3):
            window.worker.submit(lambda store: ran.append("job"), lambda _: None, lambda _: None)
        window.wipe_now()
        assert not (data_dir / KEYFILE_NAME).exists()  # before any queued job ran
        assert window.pages.currentWidget() is window.first_run
    qtbot.waitUntil(lambda: wiped(data_dir), timeout=15_000)
    assert ran == []  # skipped, never run against a store being wiped
    assert not window.first_run.error.isVisible()


def test_a_failed_wipe_says_so(
    qtbot: QtBot, window: GatewatchWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)

    def failing_wipe(data_dir: Path) -> int:
        raise StoreIOError()

    monkeypatch.setattr(window_module, "wipe_store", failing_wipe)
    window.wipe_now()
    assert not (tmp_path / "store" / KEYFILE_NAME).exists()
    qtbot.waitUntil(window.first_run.error.isVisible, timeout=15_000)
    assert "could not remove" in window.first_run.error.text()
    assert (tmp_path / "store" / DB_NAME).exists()  # left behind, and the user was told


def test_the_wipe_forgets_the_file_dialog_history(
    qtbot: QtBot, window: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    forgotten: list[bool] = []
    monkeypatch.setattr(window_module, "forget_file_dialog_history", lambda: forgotten.append(True))
    create_store_through_ui(qtbot, window)
    window.wipe_now()
    assert forgotten == [True]
