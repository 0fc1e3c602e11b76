"""The photos of a draft: add by file dialog or drag-and-drop, shown as thumbnails.

Reading, cleaning (metadata stripped, orientation applied) and storing run on the store
worker; thumbnails are made in memory there too. Nothing is written outside the store.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.photos import PhotoError, import_photo, make_thumbnail, read_photo_file
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store
from desktop.ui.errors import user_message
from desktop.ui.worker import StoreWorker

THUMBNAIL_EDGE = 120
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")


def _import_and_store(store: Store, path: Path, report_id: str, max_edge: int) -> bytes:
    clean = import_photo(read_photo_file(path), max_edge=max_edge)
    AttachmentRepository(store).add(
        report_id, clean.media_type, clean.data, width=clean.width, height=clean.height
    )
    return make_thumbnail(clean.data, THUMBNAIL_EDGE)


def _thumbnails(store: Store, report_id: str) -> list[bytes]:
    photos = AttachmentRepository(store)
    return [
        make_thumbnail(photos.data(report_id, info.position), THUMBNAIL_EDGE)
        for info in photos.list(report_id)
    ]


class PhotoStrip(QWidget):
    """Thumbnails of one draft's photos, and the ways to add more."""

    changed = Signal()
    needs_draft = Signal()  # photos need a saved draft to belong to
    error = Signal(object)  # an exception, or a message

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._report_id: str | None = None
        self._waiting: list[Path] = []
        self.max_edge = 2560
        self.title = QLabel()
        self.add_button = QPushButton()
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.list.setFixedHeight(THUMBNAIL_EDGE + 30)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.setAcceptDrops(True)
        self.add_button.clicked.connect(self._choose_files)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Photos (JPEG or PNG; location and camera data are removed)"))
        self.add_button.setText(self.tr("Add &photos…"))
        self.list.setAccessibleName(self.tr("Photos of this report"))

    def clear(self) -> None:
        self._report_id = None
        self._waiting.clear()
        self.list.clear()
        self.message.hide()
        self.progress.hide()

    def show_report(self, report_id: str | None) -> None:
        """Show the photos stored with `report_id`."""
        self._report_id = report_id
        self.list.clear()
        if report_id is None:
            return

        def done(thumbnails: list[bytes]) -> None:
            if self._report_id != report_id:
                return
            self.list.clear()
            for data in thumbnails:
                self._append(data)

        self._worker.submit(partial(_thumbnails, report_id=report_id), done, self._failed)

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
            self.progress.show()

            def done(thumbnail: bytes) -> None:
                self.progress.hide()
                if self._report_id == report_id:
                    self._append(thumbnail)
                    self.changed.emit()

            self._worker.submit(
                partial(_import_and_store, path=path, report_id=report_id, max_edge=self.max_edge),
                done,
                self._failed,
            )

    def _append(self, thumbnail: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(thumbnail)
        item = QListWidgetItem(QIcon(pixmap), str(self.list.count() + 1))
        item.setToolTip(self.tr("Photo {number}").format(number=self.list.count() + 1))
        self.list.addItem(item)

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        if isinstance(error, PhotoError | ValueError):
            self.message.setText(user_message(error))
            self.message.show()
        else:
            self.error.emit(error)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos (*.jpg *.jpeg *.png)")
        )
        if files:
            self.add_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
