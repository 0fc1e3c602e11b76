"""Answering the app's message boxes in tests, as a user would."""

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot


def answer_message_box(
    qtbot: QtBot, button_text: str, seen: list[str], seconds: float = 20.0
) -> None:
    """Click `button_text` in the next message box, recording its text. If no such box
    came within `seconds`, reject whatever box is open (its exec() returns, the test fails
    on its asserts) and stop looking, so that no later box is answered by mistake."""
    deadline = time.monotonic() + seconds

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        for widget in boxes:
            if widget.isVisible():
                seen.append(widget.text() + "\n" + widget.informativeText())
                for button in widget.findChildren(QPushButton):
                    if button.text().replace("&", "") == button_text:
                        button.click()
                        return
        if time.monotonic() > deadline:
            for widget in boxes:
                if widget.isVisible():
                    widget.reject()
            return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)
