"""What both roles' hand-carry actions share: the file chooser, the notice that says how an
action went, and a failure told in plain words (desktop/ui/handcarry_text.py).

Every dialog opens window-modal with ``open()`` (never ``exec()``), so a lock's
`close_modals` rejects it and nothing runs after it. The correspondent's actions are
desktop/ui/correspondent/handcarry_actions.py, the desk's desktop/ui/desk/handcarry_actions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from desktop.ui import handcarry_text
from desktop.ui.errors import user_message
from desktop.ui.locks import discard, forget_file_dialog_history
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import set_message


def ordinary_name() -> str:
    """A file name that says nothing of what the file is."""
    return f"notes-{date.today():%Y-%m-%d}.dat"


class HandcarryDialogs(QObject):
    """The dialogs of a role's hand-carry actions: the one file chooser or notice open at a
    time (``file_chooser``, ``notice``; None once closed)."""

    def __init__(self, window: QMainWindow, worker: StoreWorker) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self.file_chooser: QFileDialog | None = None
        self.notice: QMessageBox | None = None

    def _choose(self, title: str, then: Callable[[Path], None], *, save: bool) -> None:
        start = str(Path.home() / ordinary_name()) if save else str(Path.home())
        chooser = QFileDialog(self._window, title, start)
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.setHistory([])
        if save:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            chooser.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda name: then(Path(name)))

        def closed() -> None:
            if self.file_chooser is chooser:
                self.file_chooser = None
            discard(chooser)
            forget_file_dialog_history()

        chooser.finished.connect(closed)
        self.file_chooser = chooser
        chooser.open()

    def _tell(self, title: str, text: str, *, warning: bool = False) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        set_message(box, text)

        def closed() -> None:
            if self.notice is box:
                self.notice = None
            discard(box)

        box.finished.connect(closed)
        self.notice = box
        box.open()

    def _failed(self, error: Exception) -> None:
        self._window.statusBar().clearMessage()
        text = handcarry_text.file_error(error) or user_message(error)
        # The context named: `tr` in a base class would look under each subclass's name.
        title = QCoreApplication.translate("HandcarryDialogs", "Nothing was done")
        self._tell(title, text, warning=True)
