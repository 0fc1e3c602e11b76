"""Bounded reads: a file from outside never gets more than a set size into memory.

Plain Python, importable from every layer (the domain's gazetteer, the store's keyfile and
unlock state, the CLI's report files).
"""

from __future__ import annotations

import os
from typing import BinaryIO

__all__ = ["TooLargeError", "read_bounded"]


class TooLargeError(ValueError):
    """The file holds more than the limit; nothing beyond limit + 1 bytes was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"larger than {limit} bytes")
        self.limit = limit


def read_bounded(source: str | os.PathLike[str] | BinaryIO, limit: int) -> bytes:
    """Return the whole content of ``source`` (a path, or a binary stream read from where
    it stands) if it is at most ``limit`` bytes.

    Reads at most ``limit + 1`` bytes, whatever the size of the file. Raises TooLargeError
    when there is more, and OSError (FileNotFoundError, PermissionError, IsADirectoryError…)
    when the file cannot be opened or read.
    """
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            raw = stream.read(limit + 1)
    else:
        raw = source.read(limit + 1)
    if len(raw) > limit:
        raise TooLargeError(limit)
    return raw
