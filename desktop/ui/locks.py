"""What locking and wiping need from Qt: idle time, system sleep, open modals, file dialogs.

- `IdleWatcher` measures idle time on the wall clock as well as the monotonic one, checked
  every second: Qt's timers run on a monotonic clock that stops while the laptop sleeps,
  so a laptop opened hours later would otherwise wait out the rest of the idle time.
- `SleepWatcher` locks when logind announces a suspend (D-Bus `PrepareForSleep`), where
  QtDBus and a system bus exist; elsewhere it does nothing.
- `close_modals()` rejects every open dialog and popup: a message box must not keep
  showing report text on top of the unlock screen.
- `forget_file_dialog_history()` removes what Qt's own file dialog remembers in the
  user's QtProject settings (the last folder, which can name a source).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import SLOT, QEvent, QObject, QSettings, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget

try:  # PySide6-Essentials ships QtDBus on Linux; other builds may not.
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # pragma: no cover - depends on the platform's wheel
    QDBusConnection = None  # type: ignore[assignment,misc]

CHECK_MS = 1000

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Calls `on_idle` once, `milliseconds` after the last keyboard, mouse or touch input.

    Idle time is the larger of the wall-clock and the monotonic time since the last input,
    checked every second (and by `check()` whenever the caller likes, e.g. when the
    application becomes active again). `clock` and `monotonic` are injectable for tests.
    """

    def __init__(
        self,
        on_idle: Callable[[], None],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._on_idle = on_idle
        self.clock = clock
        self.monotonic = monotonic
        self._limit_s: float | None = None
        self._last_wall = clock()
        self._last_mono = monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._limit_s is not None

    def start(self, milliseconds: int) -> None:
        """Watch from now on, with this idle limit."""
        self._limit_s = milliseconds / 1000
        self.touch()
        self.timer.start(max(10, min(CHECK_MS, milliseconds)))

    def stop(self) -> None:
        self._limit_s = None
        self.timer.stop()

    def touch(self) -> None:
        """Input happened now."""
        self._last_wall = self.clock()
        self._last_mono = self.monotonic()

    def idle_seconds(self) -> float:
        return max(self.clock() - self._last_wall, self.monotonic() - self._last_mono)

    def check(self) -> None:
        """Call `on_idle` (once; watching stops) if the limit has passed."""
        if self._limit_s is not None and self.idle_seconds() >= self._limit_s:
            self.stop()
            self._on_idle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._limit_s is not None and event.type() in _INPUT_EVENTS:
            # Input after a long sleep must not count as activity before the check ran.
            self.check()
            if self._limit_s is not None:
                self.touch()
        return False


class SleepWatcher(QObject):
    """Calls `on_sleep` when logind says the system is about to suspend or hibernate.

    `available` is False (and nothing happens) without QtDBus or a system bus. `bus` is
    for tests (a private bus); by default the system bus.
    """

    def __init__(
        self,
        on_sleep: Callable[[], None],
        parent: QObject | None = None,
        *,
        bus: QDBusConnection | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_sleep = on_sleep
        self.available = False
        if QDBusConnection is None:
            return
        if bus is None:
            bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return
        # The stubs ask for bytes; PySide6 takes the str that SLOT() returns, and only that.
        self.available = bus.connect(  # type: ignore[call-overload]
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("prepare_for_sleep(bool)"),
        )

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self._on_sleep()


def close_modals() -> None:
    """Reject every visible dialog (message boxes, file dialogs, settings…) and close
    every popup (menus, completers, calendars). Code after a dialog's `exec()` runs only
    once control returns to its event loop: it must check that the store is still open."""
    for _ in range(20):  # a popup may open another; never loop forever
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
            widget.hide()


def discard(widget: QWidget) -> None:
    """Hide `widget` and delete it soon (a dialog that showed report text)."""
    widget.hide()
    widget.deleteLater()


def forget_file_dialog_history() -> None:
    """Remove Qt's file dialog settings (last folder, history) from QtProject.conf, and the
    file itself if nothing else is left in it. Never raises."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()
    if not settings.allKeys():
        path = Path(settings.fileName())
        del settings
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
