from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.ui.clipboard import ClipboardGuard, ConcealedTextBrowser


def test_copied_report_text_is_concealed_and_cleared(qtbot: QtBot) -> None:
    view = ConcealedTextBrowser()
    qtbot.addWidget(view)
    view.setPlainText("The trader said the gate opens at two.")
    view.selectAll()
    view.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "The trader said the gate opens at two."
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    assert mime.hasFormat("ExcludeClipboardContentFromMonitorProcessing")

    guard = ClipboardGuard.shared()
    assert guard.timer.isActive()
    guard.timer.setInterval(20)
    guard.timer.start()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)


def test_the_guard_leaves_other_text_alone(qtbot: QtBot) -> None:
    view = ConcealedTextBrowser()
    qtbot.addWidget(view)
    view.setPlainText("report text")
    view.selectAll()
    view.copy()
    QGuiApplication.clipboard().setText("something the user copied elsewhere")
    ClipboardGuard.shared().clear_if_ours()
    assert QGuiApplication.clipboard().text() == "something the user copied elsewhere"
