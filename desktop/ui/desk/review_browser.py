"""The review pane's document: the report as HTML whose photo thumbnails come from memory.

The document names each thumbnail ``photo:N``; the browser answers those names with the
images the store worker decoded, so no photo is ever written to a file to be shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from desktop.ui.clipboard import ConcealedTextBrowser


class ReviewBrowser(ConcealedTextBrowser):
    """Serves the photo thumbnails the document names ``photo:N`` from memory (never a file)."""

    def __init__(self) -> None:
        super().__init__()
        self.images: dict[str, QImage] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        image = self.images.get(name.toString() if isinstance(name, QUrl) else name)
        if image is not None:
            return image
        return super().loadResource(kind, name)
