"""Copying report text: marked as concealed, and cleared after a while if still ours.

Clipboard managers keep a history on disk; the hints below ask them not to (KDE's Klipper
and other Linux managers read `x-kde-passwordManagerHint`; Windows' clipboard history and
cloud sync honour `ExcludeClipboardContentFromMonitorProcessing` and
`CanIncludeInClipboardHistory`; macOS managers honour `org.nspasteboard.ConcealedType`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

CLEAR_AFTER_MS = 45_000
_CONCEALED_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
    "org.nspasteboard.ConcealedType": b"",
}


def conceal(mime: QMimeData) -> QMimeData:
    """Add the "do not keep this" hints to `mime` and return it."""
    for kind, value in _CONCEALED_HINTS.items():
        mime.setData(kind, QByteArray(value))
    return mime


class ClipboardGuard(QObject):
    """Clears the clipboard `CLEAR_AFTER_MS` after a copy, if it still holds that text."""

    _instance: ClipboardGuard | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CLEAR_AFTER_MS)
        self.timer.timeout.connect(self.clear_if_ours)

    @classmethod
    def shared(cls) -> ClipboardGuard:
        if cls._instance is None:
            cls._instance = cls(QGuiApplication.instance())
        return cls._instance

    def copied(self, text: str) -> None:
        self._text = text
        self.timer.start()

    def clear_if_ours(self) -> None:
        """Clear now if the clipboard still holds what we put there (on lock and on timer)."""
        self.timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._text is not None and clipboard.text(QClipboard.Mode.Clipboard) == self._text:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._text = None


class ConcealedTextBrowser(QTextBrowser):
    """A read-only report view whose copies are concealed and expire."""

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = conceal(super().createMimeDataFromSelection())
        ClipboardGuard.shared().copied(mime.text())
        return mime


class ConcealedPlainTextEdit(QPlainTextEdit):
    """The narrative editor: copies and cuts are concealed and expire."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = conceal(super().createMimeDataFromSelection())
        ClipboardGuard.shared().copied(mime.text())
        return mime
