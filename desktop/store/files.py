"""A data folder's files: their names, whether a store is there, what else may be there,
kept private, and removed again when creating a store fails."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from desktop.store import fsutil
from desktop.store.errors import DataDirNotADirectoryError, DataDirNotEmptyError, StoreIOError
from desktop.store.unlock_state import UNLOCK_STATE_NAME

DB_NAME = "store.db"
KEYFILE_NAME = "store.key"
# The filler, or with a duress passphrase the decoy (desktop/store/duress.py).
ALT_DB_NAME = DB_NAME + "-alt"
# Files SQLite itself may create beside the database.
SQLITE_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def check_data_dir(data_dir: Path) -> None:
    """Raise DataDirNotADirectoryError if ``data_dir`` exists and is not a folder (a file,
    or a symlink to one). A missing ``data_dir`` is fine."""
    if os.path.lexists(data_dir) and not data_dir.is_dir():
        raise DataDirNotADirectoryError()


def store_exists(data_dir: Path) -> bool:
    """True if ``data_dir`` holds a store database or keyfile (even a dangling symlink)."""
    return os.path.lexists(data_dir / DB_NAME) or os.path.lexists(data_dir / KEYFILE_NAME)


def require_no_other_files(data_dir: Path) -> None:
    """A new store goes only into a missing or empty folder, or one holding only the unlock
    state: raise DataDirNotEmptyError otherwise (StoreIOError if it cannot be read)."""
    try:
        names = os.listdir(data_dir)
    except FileNotFoundError:
        return
    except OSError as e:
        raise StoreIOError() from e
    if any(name != UNLOCK_STATE_NAME for name in names):
        raise DataDirNotEmptyError()


def _store_files(data_dir: Path) -> list[Path]:
    db_path = data_dir / DB_NAME
    sides = [db_path.with_name(DB_NAME + suffix) for suffix in SQLITE_SIDE_SUFFIXES]
    return [db_path, *sides, data_dir / ALT_DB_NAME, data_dir / KEYFILE_NAME]


def make_files_private(data_dir: Path) -> None:
    """The folder and every store file in it private to the user (StoreIOError if not)."""
    try:
        fsutil.make_private(data_dir)
        for path in _store_files(data_dir):
            fsutil.make_private(path)
    except OSError as e:
        raise StoreIOError() from e


def remove_created(paths: Iterable[Path]) -> None:
    """Remove what a failed create wrote, with the side files of a database among them."""
    for path in paths:
        targets = [path]
        if path.name == DB_NAME:
            targets += [path.with_name(DB_NAME + suffix) for suffix in SQLITE_SIDE_SUFFIXES]
        for target in targets:
            with contextlib.suppress(OSError):
                target.unlink()
