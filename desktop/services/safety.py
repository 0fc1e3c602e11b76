"""A store's safety on this computer: encrypted backups, bringing one back, and the check
that the store is whole. Shared by the window's safety actions and `gatewatch check`,
`backup` and `restore`; the formats and guarantees are the store's
(desktop/store/backup.py, desktop/store/integrity.py).
"""

from __future__ import annotations

from pathlib import Path

from desktop.store import backup, integrity
from desktop.store.database import Store
from desktop.store.integrity import IntegrityResult

__all__ = ["IntegrityResult", "check_store", "restore_backup", "write_backup"]


def write_backup(store: Store, out: Path) -> None:
    """Write an encrypted backup of the open ``store`` to ``out`` (0600), whole or not at
    all. Raises StoreIOError, StoreDamagedError (back up from a restore, not this store),
    StoreBusyError."""
    backup.write_backup(store, out)


def restore_backup(data_dir: Path, file: Path, passphrase: str, *, replace: bool) -> None:
    """Bring the store in the backup ``file`` back into ``data_dir``; ``passphrase`` is the
    backup's (a wrong one is not counted against the store). An existing store is replaced
    only with ``replace`` (else StoreExistsError); every refusal changes nothing."""
    backup.restore_backup(data_dir, file, passphrase, replace=replace)


def check_store(store: Store) -> IntegrityResult:
    """SQLCipher's page check, then SQLite's structure check: is the store whole."""
    return integrity.check_integrity(store)
