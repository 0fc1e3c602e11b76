"""Copying report text: marked as concealed, and cleared after a while if still ours.

Clipboard managers keep a history on disk; the hints below ask them not to (KDE's Klipper
and other Linux managers read `x-kde-passwordManagerHint`; Windows' clipboard history and
cloud sync honour `ExcludeClipboardContentFromMonitorProcessing` and
`CanIncludeInClipboardHistory`; macOS managers honour `org.nspasteboard.ConcealedType`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextBrowser, QWidget

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
    """A read-only report view whose copies are concealed and expire. A copy is plain
    text without the line ends put in for display (wrapping.py: `<br>`, which Qt copies
    as U+2028), so it is the text as it was typed."""

    def createMimeDataFromSelection(self) -> QMimeData:
        raw = self.textCursor().selection().toRawText()
        # U+2028: a display line end; U+2029: a paragraph; U+FDD0/U+FDD1: table cells.
        text = raw.replace("\u2028", "").replace("\u2029", "\n")
        text = text.replace("\ufdd0", "\n").replace("\ufdd1", "\n").replace("\n\n", "\n")
        mime = QMimeData()
        mime.setText(text)
        ClipboardGuard.shared().copied(text)
        return conceal(mime)


class ConcealedPlainTextEdit(QPlainTextEdit):
    """The narrative editor: copies and cuts are concealed and expire."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = conceal(super().createMimeDataFromSelection())
        ClipboardGuard.shared().copied(mime.text())
        return mime


def copy_concealed(text: str) -> None:
    """Put `text` on the clipboard with the concealed hints; it expires like the others."""
    mime = QMimeData()
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(conceal(mime), QClipboard.Mode.Clipboard)
    ClipboardGuard.shared().copied(text)


class ConcealedLineEdit(QLineEdit):
    """A one-line field that holds report text (a crossing's name, a commodity): copies and
    cuts, by key or by context menu, are concealed and expire. Password fields never
    copy, so they need none of this."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)

    def copy_selection(self) -> None:
        if self.hasSelectedText() and self.echoMode() == QLineEdit.EchoMode.Normal:
            copy_concealed(self.selectedText())

    def cut_selection(self) -> None:
        if self.hasSelectedText() and not self.isReadOnly():
            self.copy_selection()
            self.del_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
            event.accept()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-copy":
                action.triggered.disconnect()
                action.triggered.connect(self.copy_selection)
            elif action.objectName() == "edit-cut":
                action.triggered.disconnect()
                action.triggered.connect(self.cut_selection)
        menu.exec(event.globalPos())
        menu.deleteLater()
