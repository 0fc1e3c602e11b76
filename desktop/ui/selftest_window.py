"""Qt parts of the packaging checks: the startup probe (and, later, the offscreen window)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def install_startup_probe() -> None:
    """Create the application now and quit once its first window is exposed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.installEventFilter(_ShownProbe(app))


class _ShownProbe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Expose:
            self._done = True
            print(f"shown {time.perf_counter() * 1000:.0f} ms", flush=True)
            QTimer.singleShot(0, self._app.closeAllWindows)
        return False
