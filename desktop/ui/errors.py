"""What the window says about an error, in the interface language.

Lower layers carry English messages (for the CLI and support); the GUI shows these
translations for the errors a correspondent can meet, and the English text otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.photos import PhotoError
from desktop.services.unlock import StoreWipedError, WrongPassphraseCountedError
from desktop.store import errors as store_errors


def user_message(error: BaseException) -> str:
    """A translated, plain-words message for `error` (never a traceback)."""
    if isinstance(error, WrongPassphraseCountedError):
        if error.remaining is None:
            return QCoreApplication.translate(
                "Errors", "The passphrase is not correct. Check the keyboard layout and try again."
            )
        if error.remaining == 1:
            return QCoreApplication.translate(
                "Errors", "The passphrase is not correct. One more wrong try wipes this store."
            )
        return QCoreApplication.translate(
            "Errors",
            "The passphrase is not correct. {count} tries remain before this store is wiped.",
        ).format(count=error.remaining)
    if isinstance(error, StoreWipedError):
        return QCoreApplication.translate(
            "Errors",
            "Too many wrong passphrases: the store was wiped, as set up. "
            "Create a new store to go on.",
        )
    if isinstance(error, store_errors.WrongPassphraseError):
        return QCoreApplication.translate(
            "Errors", "The passphrase is not correct. Check the keyboard layout and try again."
        )
    if isinstance(error, store_errors.KeyfileMissingError | store_errors.KeyfileCorruptError):
        return QCoreApplication.translate(
            "Errors",
            "The store's key file (store.key) is missing or damaged. Put it back from a backup; "
            "without it nobody can open these reports.",
        )
    if isinstance(error, store_errors.KeyMismatchError):
        return QCoreApplication.translate(
            "Errors",
            "The key file does not fit this store: it belongs to another store, or the store "
            "is damaged. Put back this store's own key file.",
        )
    if isinstance(error, store_errors.StoreIOError):
        return QCoreApplication.translate(
            "Errors",
            "Gatewatch could not read or write its files: the disk may be full. Free some "
            "space, then try again. Nothing already saved was lost.",
        )
    if isinstance(error, store_errors.WeakPassphraseError):
        return QCoreApplication.translate(
            "Errors", "The passphrase is too short. Use at least 8 characters; a sentence is best."
        )
    if isinstance(error, PhotoError):
        reasons = {
            "unsupported": QCoreApplication.translate(
                "Errors", "Only JPEG and PNG photos can be added. Convert the file, then add it."
            ),
            "broken": QCoreApplication.translate(
                "Errors", "The photo is damaged or incomplete. Copy it again, then add it."
            ),
            "too_large": QCoreApplication.translate(
                "Errors", "The photo file is too large. Make it smaller, then add it."
            ),
            "too_many_pixels": QCoreApplication.translate(
                "Errors", "The photo has too many pixels. Make it smaller, then add it."
            ),
            "unreadable": QCoreApplication.translate(
                "Errors", "The photo file cannot be read. Check that it is still there."
            ),
        }
        return reasons.get(error.reason, str(error))
    return str(error)
