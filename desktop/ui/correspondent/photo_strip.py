"""The photos of a draft: add by file dialog or drag-and-drop, shown as thumbnails.

Reading, cleaning (metadata stripped, orientation applied) and storing run on the store
worker; thumbnails are made in memory there too. Nothing is written outside the store:
the file dialog is Qt's own (never the platform's, which keeps a list of recent files),
and what Qt remembers of it (the last folder, which can name a source) is removed from
the user's QtProject settings after each use.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.correspondent.session import CorrespondentSession
from desktop.services.photos import PhotoError
from desktop.store.database import Store
from desktop.ui.errors import user_message
from desktop.ui.locks import forget_file_dialog_history
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

THUMBNAIL_EDGE = 120
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
POSITION_ROLE = Qt.ItemDataRole.UserRole + 1


def _add_photo(store: Store, path: Path, report_id: str, max_edge: int) -> tuple[int, bytes]:
    # Submitted rather than run as a command so that a lock can skip it (see `retry`); no
    # view listens for photo changes.
    session = CorrespondentSession(store)
    return session.add_photo(
        path, report_id, max_edge=max_edge, thumbnail_edge=THUMBNAIL_EDGE
    ).value


class PhotoStrip(QWidget):
    """Thumbnails of one draft's photos, and the ways to add more."""

    changed = Signal()
    removed = Signal()
    needs_draft = Signal()  # photos need a saved draft to belong to
    error = Signal(object)  # an exception, or a message

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._report_id: str | None = None
        self._waiting: list[Path] = []
        self._importing = 0
        self.max_edge = 2560
        self.title = WrapLabel()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.remove_button.setEnabled(False)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.list.setFixedHeight(THUMBNAIL_EDGE + 30)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = WrapLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.remove_button)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.setAcceptDrops(True)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Photos (location and camera data are removed)"))
        self.add_button.setText(self.tr("Add photos…"))
        self.add_button.setToolTip(self.tr("Ctrl+O"))
        self.remove_button.setText(self.tr("Remove photo"))
        self.remove_button.setToolTip(
            self.tr("The selected photo, else the last one (Delete, Ctrl+Shift+R)")
        )
        self.list.setAccessibleName(self.tr("Photos of this report"))
        self._renumber()

    def clear(self) -> None:
        self._report_id = None
        self._waiting.clear()
        self._importing = 0
        self.list.clear()
        self.remove_button.setEnabled(False)
        self.message.clear()
        self.message.hide()
        self.progress.hide()

    def show_report(self, report_id: str | None) -> None:
        """Show the photos stored with `report_id`."""
        self._report_id = report_id
        self.list.clear()
        self.remove_button.setEnabled(False)
        if report_id is None:
            return

        def done(thumbnails: list[tuple[int, bytes]]) -> None:
            if self._report_id != report_id:
                return
            self.list.clear()
            for position, data in thumbnails:
                self._append(position, data)

        self._worker.submit(
            lambda store: CorrespondentSession(store).photo_thumbnails(report_id, THUMBNAIL_EDGE),
            done,
            self._failed,
        )

    def add_files(self, paths: list[Path]) -> None:
        """Import photos; asks for a saved draft first if there is none yet."""
        self.message.hide()
        self._waiting.extend(paths)
        if self._report_id is None:
            self.needs_draft.emit()
            return
        self.retry()

    def retry(self) -> None:
        """Import the photos waiting for a draft, now that there is one."""
        report_id = self._report_id
        if report_id is None:
            return
        paths, self._waiting = self._waiting, []
        for path in paths:
            self._importing += 1
            self.progress.show()

            def done(result: tuple[int, bytes]) -> None:
                self._import_ended()
                if self._report_id == report_id:
                    self._append(*result)
                    self.changed.emit()

            def failed(error: Exception) -> None:
                self._import_ended()
                self._failed(error)

            # Cancellable: a lock or quit skips imports not yet started (the file is still
            # where the user took it from); a save queued behind them is never skipped.
            self._worker.submit(
                partial(_add_photo, path=path, report_id=report_id, max_edge=self.max_edge),
                done,
                failed,
                cancellable=True,
            )

    def _import_ended(self) -> None:
        self._importing = max(0, self._importing - 1)
        if not self._importing:
            self.progress.hide()

    @property
    def selected_position(self) -> int | None:
        """The stored position of the selected photo, else of the last one; None if none."""
        selected = self.list.selectedItems()
        if selected:
            return int(selected[0].data(POSITION_ROLE))
        if self.list.count():
            return int(self.list.item(self.list.count() - 1).data(POSITION_ROLE))
        return None

    def remove_selected(self) -> None:
        """Remove the selected (else the last) photo from the draft, in the store."""
        report_id, position = self._report_id, self.selected_position
        if report_id is None or position is None:
            return

        def done(_: None) -> None:
            if self._report_id != report_id:
                return
            for row in range(self.list.count()):
                item = self.list.item(row)
                if item is not None and int(item.data(POSITION_ROLE)) == position:
                    self.list.takeItem(row)
                    break
            self._renumber()
            self.removed.emit()

        self._worker.command(
            lambda store: CorrespondentSession(store).remove_photo(report_id, position),
            done,
            self._failed,
        )

    def _append(self, position: int, thumbnail: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(thumbnail)
        item = QListWidgetItem(QIcon(pixmap), "")
        item.setData(POSITION_ROLE, position)
        self.list.addItem(item)
        self._renumber()

    def _renumber(self) -> None:
        self.remove_button.setEnabled(self.list.count() > 0)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None:
                item.setText(str(row + 1))
                item.setToolTip(self.tr("Photo {number}").format(number=row + 1))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, PhotoError | ValueError):
            self.message.setText(user_message(error))
            self.message.show()
        else:
            self.error.emit(error)

    def choose_files(self) -> None:
        """Ask for photos in Qt's own file dialog; nothing of it is remembered."""
        title = self.tr("Add photos")
        kinds = self.tr("Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif)")
        dialog = QFileDialog(self, title, "", kinds)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setHistory([])
        dialog.setObjectName("photo-file-dialog")
        accepted = dialog.exec()
        files = dialog.selectedFiles() if accepted else []
        # Delete it now: Qt writes its settings (the last folder) when the dialog goes.
        shiboken6.delete(dialog)
        forget_file_dialog_history()
        if files and self._worker.is_open and self.isVisible():
            self.add_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
