"""What the window says about an error, in the interface language.

Lower layers carry English messages (for the CLI and support); the GUI shows these
translations for the errors a correspondent can meet, and the English text otherwise.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from desktop.services.photo_errors import PhotoError
from desktop.services.unlock import StoreWipedError, WrongPassphraseCountedError
from desktop.store import errors as store_errors


def user_message(error: BaseException) -> str:
    """A translated, plain-words message for `error` (never a traceback)."""
    if store_errors.is_damage(error):  # also a raw SQLite error read off a damaged page
        return QCoreApplication.translate(
            "Errors",
            "Part of this store is damaged on disk and cannot be read. What is still readable "
            "keeps working. Restore your last backup: Tools > Restore from backup.",
        )
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
            "Errors",
            "The passphrase is too easy to guess. Use a few unrelated words; the strength "
            "meter shows when it is enough.",
        )
    sync_message = _sync_message(error)
    if sync_message is not None:
        return sync_message
    if isinstance(error, PhotoError):
        reasons = {
            "unsupported": QCoreApplication.translate(
                "Errors",
                "Only JPEG, PNG, WebP and HEIC photos can be added. Convert the file, then add it.",
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


def _sync_message(error: BaseException) -> str | None:
    """Connecting to the newsroom and sending: what the Connect dialog and the status bar
    say (the lower layers' English stays for the CLI and support)."""
    if isinstance(error, store_errors.AlreadyEnrolledError):
        return QCoreApplication.translate(
            "Errors", "This computer is already connected to a newsroom."
        )
    if "sync.client" not in sys.modules:
        # The network layer is imported on first use, not at start: before that, no error
        # of its kinds can exist.
        return None
    from desktop.services.sync import EnrollmentError
    from sync import client as sync_client

    if isinstance(error, EnrollmentError):
        reasons = {
            "invalid_invite": QCoreApplication.translate(
                "Errors",
                "This is not a whole invite. Copy all of it again, from gwinvite1: to the end.",
            ),
            "no_server": QCoreApplication.translate(
                "Errors", "The invite does not name the server: type the server address too."
            ),
            "fingerprint_mismatch": QCoreApplication.translate(
                "Errors",
                "The server handed over another newsroom key than the invite names. Nothing "
                "was stored. Tell the newsroom admin at once and ask for a new invite.",
            ),
        }
        return reasons.get(error.reason, str(error))
    if isinstance(error, sync_client.AlreadyEnrolledError):
        return QCoreApplication.translate(
            "Errors",
            "This invite was already used. Ask the newsroom admin for a new one (and to check "
            "whether this computer is already on the list).",
        )
    if isinstance(error, sync_client.OverloadedError):
        return QCoreApplication.translate(
            "Errors",
            "The newsroom server is overloaded or under attack and refused the request for "
            "now. Nothing is lost: try again later.",
        )
    if isinstance(error, sync_client.OfflineError):
        return QCoreApplication.translate(
            "Errors",
            "The server cannot be reached. Check the connection, the address and the proxy "
            "(Tor), then try again.",
        )
    if isinstance(error, sync_client.RevokedError):
        return QCoreApplication.translate(
            "Errors", "The newsroom revoked this computer: ask your editor for a new invite."
        )
    if isinstance(error, sync_client.UnauthorizedError) and error.reason == "invite_expired":
        return QCoreApplication.translate(
            "Errors",
            "The server does not accept this invite: it may have expired. Ask the newsroom "
            "admin for a new one.",
        )
    if isinstance(error, sync_client.UnauthorizedError):  # a spent invite is unknown
        return QCoreApplication.translate(
            "Errors",
            "This invite was already used, or this server does not know it. Ask the newsroom "
            "admin for a new one (and to check whether this computer is already on the list).",
        )
    if isinstance(error, sync_client.PinMismatchError | sync_client.CertificateError):
        return QCoreApplication.translate(
            "Errors", "The server's certificate is not the newsroom's: stop and tell your editor."
        )
    if isinstance(error, sync_client.ConfigError) and error.reason == "onion_needs_tor":
        return QCoreApplication.translate(
            "Errors",
            "An .onion address is reached only through Tor: start Tor and set the proxy to "
            "socks5h://127.0.0.1:9050 (Tor Browser: socks5h://127.0.0.1:9150).",
        )
    if isinstance(error, sync_client.ConfigError):
        return QCoreApplication.translate(
            "Errors", "The server address or the proxy is not valid: check how they are typed."
        )
    if isinstance(error, sync_client.SyncError):
        return QCoreApplication.translate(
            "Errors", "The server did not answer as expected. Try again later, or tell your editor."
        )
    return None
