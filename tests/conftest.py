"""Test setup shared by every test: Qt offscreen, a quiet environment, and no test that
can block forever."""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import pytest_timeout

# Before anything imports Qt: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

# pytest-timeout's signal method fails the one test and the run goes on, but its handler
# is Python code: while Qt holds the main thread (a dialog's exec(), a nested event loop
# with nothing of Python to run) it never gets to run. faulthandler's watchdog is a C
# thread that needs neither the main thread nor the GIL: if the test is still running
# BACKSTOP_GRACE seconds after its timeout, it dumps every thread's stack and ends the run.
BACKSTOP_GRACE = float(os.environ.get("GATEWATCH_TEST_BACKSTOP_GRACE", "30"))
# A modal dialog still open after this long is closed by the dialog watchdog (below) and
# the test fails: well inside the timeout, so the suite goes on.
DIALOG_LIMIT = float(os.environ.get("GATEWATCH_TEST_DIALOG_SECONDS", "30"))

_real_stderr: dict[str, int] = {}


def pytest_configure(config: pytest.Config) -> None:
    # Output capturing is suspended here: fd 2 is still the terminal (or CI's log).
    _real_stderr["fd"] = os.dup(2)


def pytest_unconfigure(config: pytest.Config) -> None:
    fd = _real_stderr.pop("fd", None)
    if fd is not None:
        os.close(fd)


def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> bool | None:
    """pytest-timeout's timer, plus the backstop, plus: the alarm closes modal dialogs."""
    if settings.timeout and "fd" in _real_stderr:
        faulthandler.dump_traceback_later(
            settings.timeout + BACKSTOP_GRACE, exit=True, file=_real_stderr["fd"]
        )
    if settings.method != "signal" or threading.current_thread() is not threading.main_thread():
        return None  # pytest-timeout's own implementation sets its timer

    def alarm(signum: int, frame: object) -> None:
        __tracebackhide__ = True
        # The Python code the alarm interrupts may be a slot inside a dialog's exec(): an
        # exception there does not end exec(), closing the dialog does.
        _close_modal_dialogs()
        pytest_timeout.timeout_sigalrm(item, settings)

    def cancel() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)

    item.cancel_timeout = cancel  # type: ignore[attr-defined]  # what pytest-timeout calls
    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    return True


def pytest_timeout_cancel_timer(item: pytest.Item) -> None:
    """Disarm the backstop (returning None lets pytest-timeout cancel its own timer)."""
    faulthandler.cancel_dump_traceback_later()


def pytest_enter_pdb() -> None:
    faulthandler.cancel_dump_traceback_later()  # someone is debugging: no backstop


def _modal_dialogs() -> list[Any]:
    """Every visible modal dialog (none if Qt was never imported or has no application)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    if QApplication.instance() is None:
        return []
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog)
        and widget.isVisible()
        and (widget.isModal() or widget.windowModality() != Qt.WindowModality.NonModal)
    ]


def _close_modal_dialogs() -> list[str]:
    """Reject every visible modal dialog (its exec() returns); say which they were."""
    closed = []
    for dialog in _modal_dialogs():
        closed.append(f"{type(dialog).__name__} {dialog.objectName() or dialog.windowTitle()!r}")
        dialog.done(0)  # QDialog.Rejected
    return closed


@pytest.fixture(autouse=True)
def _dialog_watchdog(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a test that runs Qt, close any modal dialog left open for DIALOG_LIMIT seconds
    and fail the test: a dialog's exec() waiting for a click that never comes would
    otherwise hold the main thread for good. Its timer runs in every event loop, the
    dialog's own included. A modal dialog still open when the test ends fails it too."""
    if "qapp" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import QTimer

    first_seen: dict[int, float] = {}
    closed: list[str] = []

    def check() -> None:
        now = time.monotonic()
        open_now = {id(dialog) for dialog in _modal_dialogs()}
        for key in list(first_seen):
            if key not in open_now:
                del first_seen[key]
        for key in open_now:
            first_seen.setdefault(key, now)
        if any(now - seen >= DIALOG_LIMIT for seen in first_seen.values()):
            closed.extend(_close_modal_dialogs())
            first_seen.clear()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(check)
    timer.start()
    try:
        yield
    finally:
        timer.stop()
        left = _close_modal_dialogs()
    if closed:
        pytest.fail(f"modal dialog open for {DIALOG_LIMIT:g} s, closed by the watchdog: {closed}")
    if left:
        pytest.fail(f"modal dialog left open by the test: {left}")
