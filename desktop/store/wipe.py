"""Panic wipe: make the store unreadable at once, then remove its files (invariant 4 of
docs/architecture.md).

Which files are the store's — the rule, by name, inside ``data_dir`` only:

- key material: ``store.key`` and its temp files ``store.key.tmp-*`` (left by a crash
  during a passphrase change);
- the database: ``store.db`` and every ``store.db-*`` (SQLite's ``-wal``, ``-shm``,
  ``-journal`` and ``-mj*`` super-journals);
- the unlock state ``store.unlock`` (attempt counter, language) and its temp files.

Nothing else is touched: no other file name, no subdirectory (never recursed into, even if
named like a store file), nothing outside ``data_dir``. ``data_dir`` itself is removed only
if it is then empty.

Speed over ritual: the keyfile is overwritten once with random bytes, synced and unlinked
first; without it (and the passphrase) the database is ciphertext nobody can open, so the
database files are only unlinked, never overwritten pass by pass. An in-place overwrite is
best effort: SSDs and copy-on-write file systems may keep the old blocks, which still need
the passphrase through Argon2id to be of any use.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from desktop.store import fsutil
from desktop.store.database import DB_NAME, KEYFILE_NAME, check_data_dir
from desktop.store.errors import StoreIOError
from desktop.store.unlock_state import UNLOCK_STATE_NAME

_KEY_TEMP_PREFIX = KEYFILE_NAME + fsutil.TEMP_INFIX
_DB_SIDE_PREFIX = DB_NAME + "-"
# A real keyfile is under 4 KiB; overwrite at most this much of anything bigger.
_MAX_OVERWRITE = 1024 * 1024


def is_key_file(name: str) -> bool:
    """True for the names of files holding key material (keyfile and its temp files)."""
    return name == KEYFILE_NAME or name.startswith(_KEY_TEMP_PREFIX)


def is_database_file(name: str) -> bool:
    """True for the database, the files SQLite writes beside it, and the unlock state."""
    return name in (DB_NAME, UNLOCK_STATE_NAME) or name.startswith(
        (_DB_SIDE_PREFIX, UNLOCK_STATE_NAME + fsutil.TEMP_INFIX)
    )


def wipe_store(data_dir: Path) -> int:
    """Destroy the store in ``data_dir``: key material first, then the database files.

    Returns how many of the store's files were found (0: there was nothing to wipe).
    Missing files, or a missing ``data_dir``, are fine: the wipe finishes what it can. If a
    file cannot be removed the wipe still goes on with the others, then raises StoreIOError.
    Raises DataDirNotADirectoryError (touching nothing) if ``data_dir`` is a file.
    Never asks for confirmation and never raises for an already wiped store. The store
    must not be open in this process (close it first); its files would be unlinked anyway
    on POSIX, but Windows refuses to remove open files.
    """
    check_data_dir(data_dir)
    try:
        entries = [e for e in os.scandir(data_dir) if not e.is_dir(follow_symlinks=False)]
    except FileNotFoundError:
        return 0
    except OSError as e:
        raise StoreIOError() from e
    found = sum(1 for e in entries if is_key_file(e.name) or is_database_file(e.name))
    failures = _destroy_key_files(data_dir, entries)

    for entry in entries:
        if is_database_file(entry.name):
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                pass
            except OSError as e:
                failures.append(e)
    _sync_dir(data_dir, failures)

    with contextlib.suppress(OSError):  # not empty: other files are the user's
        data_dir.rmdir()
    if failures:
        raise StoreIOError() from failures[0]
    return found


def destroy_key_material(data_dir: Path) -> list[OSError]:
    """The first step of a wipe alone: overwrite, sync and unlink the keyfile and its temp
    files in `data_dir`, now, whatever holds the database open.

    A few hundred bytes: the GUI calls it on its own thread at a panic wipe, before the
    store worker finishes its running job and `wipe_store` removes the rest. Returns the
    errors met (empty: the key material is gone, or there was none); never raises.
    """
    try:
        entries = [e for e in os.scandir(data_dir) if not e.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        return [error]
    return _destroy_key_files(data_dir, entries)


def _destroy_key_files(data_dir: Path, entries: list[os.DirEntry[str]]) -> list[OSError]:
    failures: list[OSError] = []
    # The keyfile itself before its temp files: it is the one certain to hold the key.
    key_files = sorted((e for e in entries if is_key_file(e.name)), key=lambda e: e.name)
    for entry in key_files:
        _destroy_key_file(Path(entry.path), failures)
    _sync_dir(data_dir, failures)
    return failures


def _destroy_key_file(path: Path, failures: list[OSError]) -> None:
    """Overwrite once with random bytes and fsync, then unlink, even if the overwrite failed."""
    try:
        # O_NOFOLLOW: a symlink is only unlinked, its target never overwritten.
        fd = os.open(path, os.O_WRONLY | fsutil.NOFOLLOW | fsutil.CLOEXEC | fsutil.BINARY)
    except FileNotFoundError:
        return
    except OSError:
        fd = -1  # a symlink, or not writable: still unlink it below
    if fd >= 0:
        try:
            fsutil.overwrite_with_random(fd, min(os.fstat(fd).st_size, _MAX_OVERWRITE))
        except OSError as e:
            failures.append(e)
        finally:
            os.close(fd)
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as e:
        failures.append(e)


def _sync_dir(data_dir: Path, failures: list[OSError]) -> None:
    try:
        fsutil.fsync_dir(data_dir)
    except OSError as e:
        failures.append(e)
