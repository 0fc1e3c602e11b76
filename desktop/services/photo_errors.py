"""The error a refused photo raises, apart from the decoder: the window's error messages
know it before a photo is ever imported, without importing PIL at start."""

from __future__ import annotations

from typing import Literal

PhotoErrorReason = Literal["unsupported", "broken", "too_large", "too_many_pixels", "unreadable"]


class PhotoError(ValueError):
    """A photo was refused. `str(error)` says in plain words what to do; `reason` is a code.

    Messages never contain the file's name or path: a name can describe a source.
    """

    def __init__(self, reason: PhotoErrorReason, message: str) -> None:
        super().__init__(message)
        self.reason: PhotoErrorReason = reason
