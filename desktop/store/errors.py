"""Typed errors of the encrypted store.

Every error a user can meet carries ``user_message``: one or two sentences that say what
happened and what to do. ``str(error)`` is that message. No message ever contains a
passphrase, a key, or stored content; the underlying OS or SQLite error, if any, is kept
as ``__cause__`` for support, never shown as the message.
"""

from __future__ import annotations

from typing import ClassVar


class StoreError(Exception):
    """Base of every error the store raises on purpose."""

    default_message: ClassVar[str] = "The encrypted store could not be used."

    def __init__(self, user_message: str | None = None) -> None:
        self.user_message: str = user_message or self.default_message
        super().__init__(self.user_message)

    def __str__(self) -> str:
        return self.user_message


class WrongPassphraseError(StoreError):
    default_message = "The passphrase is not correct. Check the keyboard layout and try again."


class KeyfileMissingError(StoreError):
    default_message = (
        "The store's key file (store.key) is missing, so the store cannot be unlocked. "
        "Put the key file back in the data folder; without it the data cannot be recovered."
    )


class KeyfileCorruptError(StoreError):
    default_message = (
        "The store's key file (store.key) is damaged or not a Gatewatch key file. "
        "Restore it from a backup; without it the data cannot be recovered."
    )


class KeyMismatchError(StoreError):
    default_message = (
        "The key file opens, but the database does not accept its key: the key file belongs "
        "to another store, or the database is damaged. Put back this store's own key file."
    )


class NotAStoreError(StoreError):
    default_message = (
        "The data folder holds a database that is not an encrypted Gatewatch store. "
        "Choose another data folder; Gatewatch did not change the file."
    )


class StoreExistsError(StoreError):
    default_message = (
        "A store already exists in this data folder. Open it with its passphrase, "
        "or choose another folder."
    )


class StoreNotFoundError(StoreError):
    default_message = (
        "No store was found in this data folder. Create one, or choose another folder."
    )


class SQLCipherUnavailableError(StoreError):
    default_message = (
        "This installation's database library cannot encrypt, so Gatewatch refuses to store "
        "anything. Reinstall Gatewatch from your newsroom's official build."
    )


class StoreIOError(StoreError):
    """The disk is full, or the data folder cannot be read or written."""

    default_message = (
        "Gatewatch could not read or write its files: the disk may be full or the data folder "
        "not writable. Free some disk space or check the folder's permissions, then try again."
    )


class PassphraseChangeUnconfirmedError(StoreIOError):
    """The new keyfile was renamed into place but the folder could not be synced."""

    default_message = (
        "The disk did not confirm the passphrase change, so the passphrase may have changed "
        "or not. Try the new passphrase first, then the old one, and check the disk."
    )


class DataDirNotEmptyError(StoreError):
    default_message = (
        "The chosen data folder already holds other files. Choose an empty or new folder "
        "for a new store; nothing was changed."
    )


class DataDirNotADirectoryError(StoreError):
    default_message = (
        "The data folder given is a file, not a folder. Choose a folder for the store "
        "(--data-dir); nothing was changed."
    )


class WeakPassphraseError(StoreError):
    default_message = (
        "The passphrase is too easy to guess. Use a few unrelated words; nothing was changed."
    )


class StoreTooNewError(StoreError):
    """The database was written by a newer Gatewatch; this one refuses to touch it."""

    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(
            f"This store was written by a newer version of Gatewatch (schema {found}; this "
            f"version knows up to {known}). Install the newer version to open it. "
            "Nothing was changed."
        )


class StoreBusyError(StoreError):
    """Another connection holds the lock SQLite needed (SQLITE_BUSY) past the wait."""

    default_message = (
        "Another program is using the store right now (the Gatewatch window, or another "
        "gatewatch command). Wait for it to finish or close it, then try again."
    )


class StoreDamagedError(StoreError):
    """SQLite or SQLCipher found a damaged page (SQLITE_CORRUPT): the disk changed bytes of
    the database. What is still readable stays readable; a backup brings back the rest."""

    default_message = (
        "Part of this store is damaged on disk and cannot be read. What is still readable "
        "keeps working. Back up what you can now, then restore your last backup "
        "(gatewatch restore FILE, or Tools > Restore from backup)."
    )


class StoreMigrationError(StoreError):
    default_message = (
        "The store could not be upgraded to this version of Gatewatch. Nothing was changed; "
        "report this to your newsroom and keep using the previous version meanwhile."
    )


class AlreadyEnrolledError(RuntimeError):
    """The store already holds an enrolment; a device enrolls once (desktop/store/identity.py)."""

    def __init__(self, device_id: str) -> None:
        super().__init__(
            f"this store is already enrolled as device {device_id}: one store enrolls once; "
            "use a new store (another --data-dir) to enroll again"
        )
        self.device_id = device_id


# SQLite result codes (by name, as sqlcipher3 reports them in ``sqlite_errorname``) and
# messages that mean the disk or the file system refused, not that our SQL is wrong.
_IO_ERROR_NAMES = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_PERM",
)
_IO_ERROR_TEXTS = (
    "database or disk is full",
    "disk i/o error",
    "unable to open database file",
    "attempt to write a readonly database",
)

_DAMAGE_TEXTS = ("database disk image is malformed", "file is not a database")


def store_error_from(exc: BaseException) -> StoreError | None:
    """The typed error an OS or SQLite error stands for, or None for any other exception.

    SQLITE_BUSY ("database is locked": another process holds the lock past the wait) is
    StoreBusyError; SQLITE_CORRUPT or SQLITE_NOTADB (a damaged page) is StoreDamagedError;
    disk full, I/O and permission errors are StoreIOError (see io_error_from). The caller
    raises the result ``from exc``.
    """
    name = getattr(exc, "sqlite_errorname", None)
    if (isinstance(name, str) and name.startswith("SQLITE_BUSY")) or (
        not isinstance(exc, OSError) and "database is locked" in str(exc).lower()
    ):
        return StoreBusyError()
    # Once the key is proved (database.py turns a wrong key into KeyMismatchError first),
    # SQLITE_NOTADB too means a page failed its HMAC: damage, not a wrong key.
    if (isinstance(name, str) and name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))) or (
        not isinstance(exc, OSError) and any(text in str(exc).lower() for text in _DAMAGE_TEXTS)
    ):
        return StoreDamagedError()
    return io_error_from(exc)


def is_damage(exc: BaseException) -> bool:
    """True for StoreDamagedError and for the raw SQLite error of a damaged page."""
    return isinstance(exc, StoreDamagedError) or isinstance(
        store_error_from(exc), StoreDamagedError
    )


def io_error_from(exc: BaseException) -> StoreIOError | None:
    """Return a StoreIOError for an OSError or a SQLite disk-full / I/O / permission error.

    Returns None for any other exception. The caller raises the result ``from exc``.
    """
    if isinstance(exc, OSError):
        return StoreIOError()
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and name.startswith(_IO_ERROR_NAMES):
        return StoreIOError()
    text = str(exc).lower()
    if any(marker in text for marker in _IO_ERROR_TEXTS):
        return StoreIOError()
    return None
