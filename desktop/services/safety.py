"""Keeping the store safe, shared by the window and the commands: backup and restore, the
health check, what stays readable before a checkpoint, and the panic wipe.

The store does the work (desktop/store/backup.py, integrity.py, travel.py, wipe.py); here
are the use cases the window and the commands call, so that neither reaches into the store.
Travel mode itself, which syncs first, is desktop/services/travel.py (the network layer).
"""

from __future__ import annotations

from pathlib import Path

from desktop.services.unlock import unlock
from desktop.store import backup, integrity, travel, wipe
from desktop.store.database import Store
from desktop.store.integrity import IntegrityResult
from desktop.store.travel import Readable

__all__ = [
    "IntegrityResult",
    "Readable",
    "check_integrity",
    "destroy_key_material",
    "readable_counts",
    "restore_and_unlock",
    "restore_backup",
    "wipe_store",
    "write_backup",
]


def write_backup(store: Store, out: Path) -> None:
    """An encrypted backup of the open store at `out` (the key file and a consistent copy)."""
    backup.write_backup(store, out)


def restore_and_unlock(data_dir: Path, source: Path, passphrase: str) -> Store:
    """Put the backup `source` in place of the store in `data_dir` (if any), then open it
    with the passphrase the store had when the backup was made (a wrong one counts)."""
    backup.restore_backup(data_dir, source, passphrase, replace=True)
    return unlock(data_dir, passphrase)


def restore_backup(data_dir: Path, file: Path, passphrase: str, *, replace: bool) -> None:
    """Bring the store in the backup ``file`` back into ``data_dir``; ``passphrase`` is the
    backup's (a wrong one is not counted against the store). An existing store is replaced
    only with ``replace`` (else StoreExistsError); every refusal changes nothing."""
    backup.restore_backup(data_dir, file, passphrase, replace=replace)


def check_integrity(store: Store) -> IntegrityResult:
    """Is the store whole: SQLCipher's page check, then SQLite's (read-only, slow)."""
    return integrity.check_integrity(store)


def readable_counts(store: Store) -> Readable:
    """What stays readable on this computer, and what travel mode would make unreadable."""
    return travel.readable_counts(store)


def destroy_key_material(data_dir: Path) -> list[OSError]:
    """The first step of a wipe: overwrite and remove the key file(s), so the database is
    unreadable at once. Returns the failures (the wipe goes on regardless)."""
    return wipe.destroy_key_material(data_dir)


def wipe_store(data_dir: Path) -> int:
    """Remove every file the store wrote (key material first), and its folder when empty;
    return how many were found (0: nothing to wipe). Raises StoreIOError if one stays."""
    return wipe.wipe_store(data_dir)
