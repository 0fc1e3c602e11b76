from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.app import PlaceholderWindow


def test_placeholder_window_points_to_the_cli_and_the_store(qtbot: QtBot, tmp_path: Path) -> None:
    window = PlaceholderWindow(tmp_path / "store")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    text = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "gatewatch report add" in text
    assert str(tmp_path / "store") in text
    assert window.windowTitle() == "Gatewatch"
