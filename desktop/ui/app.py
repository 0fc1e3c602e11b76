"""GUI bootstrap: the QApplication, the Myanmar font, the translator, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.domain.gazetteer import default_gazetteer
from desktop.store.unlock_state import read_unlock_state
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.window import GatewatchWindow


def build_window(app: QApplication, data_dir: Path) -> GatewatchWindow:
    """Set up fonts and language for `data_dir`'s store and return its (hidden) window."""
    app.setApplicationName("Gatewatch")
    app.setApplicationDisplayName("Gatewatch")
    languages = LanguageSwitcher(app)
    languages.switch(read_unlock_state(data_dir).language)
    return GatewatchWindow(data_dir, default_gazetteer(), languages)


def run_gui(data_dir: Path) -> int:
    """Open the GUI and return Qt's exit code when the window closes."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    window = build_window(app, data_dir)
    window.show()
    return int(app.exec())
