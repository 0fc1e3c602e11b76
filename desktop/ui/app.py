"""GUI bootstrap: the QApplication, the Myanmar font, the translator, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.gazetteer import default_gazetteer
from desktop.services.unlock import unlock_language
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.window import GatewatchWindow


def build_window(app: QApplication, data_dir: Path) -> GatewatchWindow:
    """Set up fonts and language for `data_dir`'s store and return its (hidden) window."""
    app.setApplicationName("Gatewatch")
    app.setApplicationDisplayName("Gatewatch")
    languages = LanguageSwitcher(app)
    languages.switch(unlock_language(data_dir))
    return GatewatchWindow(data_dir, default_gazetteer(), languages)


ROOMY = QSize(1600, 1000)  # past this the window opens at this size, centered


def show_fitted(window: QWidget, available: QRect | None = None) -> None:
    """Show `window` sized to its screen's available area (without the taskbar): filling
    it (maximized) on a laptop screen such as 1366×768, where every column counts, and
    `ROOMY`, centered, on a larger one."""
    if available is None:
        screen = window.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect()
    if available.isEmpty():
        window.show()
    elif available.width() <= ROOMY.width() or available.height() <= ROOMY.height():
        window.setGeometry(available)  # its size again when it is no longer maximized
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        window.show()
    else:
        window.resize(ROOMY)
        frame = window.frameGeometry()
        frame.moveCenter(available.center())
        window.move(frame.topLeft())
        window.show()


def run_gui(data_dir: Path) -> int:
    """Open the GUI and return Qt's exit code when the window closes."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    window = build_window(app, data_dir)
    show_fitted(window)
    return int(app.exec())
