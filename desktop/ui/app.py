"""GUI bootstrap: the one place outside desktop/ui widgets that starts Qt.

Until the correspondent's app lands this opens a placeholder window that says where the
store is and how to use the command line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


class PlaceholderWindow(QMainWindow):
    """The main window until the correspondent's screens exist."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.setWindowTitle("Gatewatch")
        message = QLabel(
            self.tr(
                "<h2>Gatewatch</h2>"
                "<p>The correspondent's window is being built.</p>"
                "<p>Until then, use the <code>gatewatch</code> command: "
                "<code>gatewatch init</code>, <code>gatewatch report add --json FILE</code>, "
                "<code>gatewatch report list</code>.</p>"
                "<p>Store folder: <code>{path}</code></p>"
            ).format(path=data_dir)
        )
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(message)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.resize(560, 260)


def run_gui(data_dir: Path) -> int:
    """Open the GUI and return Qt's exit code when the last window closes."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Gatewatch")
    window = PlaceholderWindow(data_dir)
    window.show()
    return int(app.exec())
