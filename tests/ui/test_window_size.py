"""The window opens sized to its screen's available area: a 1366×768 laptop's is filled,
not left at 1100×720; a large screen gets a roomy window in its middle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.app import ROOMY, build_window, show_fitted


def test_a_laptop_screen_is_filled(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    window = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(window)
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px taskbar
    show_fitted(window, laptop)
    qtbot.waitExposed(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.normalGeometry().size() == laptop.size()  # un-maximized, it still fills
    window.close()


def test_a_large_screen_gets_a_roomy_centered_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    window = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(window)
    large = QRect(0, 0, 2560, 1400)
    show_fitted(window, large)
    qtbot.waitExposed(window)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.size() == ROOMY
    assert abs(window.geometry().center().x() - large.center().x()) <= 4  # frame: a few px
    window.close()
