"""Unlocking with a limit on wrong passphrases: after N in a row, the store is wiped.

Used by the GUI's unlock screen (on the store worker) and usable from scripts. The count
survives restarts (desktop/store/unlock_state.py); a right passphrase resets it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.store.database import Store, open_store
from desktop.store.errors import StoreError, WrongPassphraseError
from desktop.store.unlock_state import read_unlock_state, write_unlock_state
from desktop.store.wipe import wipe_store


class WrongPassphraseCountedError(WrongPassphraseError):
    """A wrong passphrase, with how many tries remain before the wipe (None: no limit)."""

    def __init__(self, remaining: int | None) -> None:
        if remaining is None:
            message = "The passphrase is not correct. Check the keyboard layout and try again."
        elif remaining == 1:
            message = "The passphrase is not correct. One more wrong try wipes this store for good."
        else:
            message = (
                f"The passphrase is not correct. {remaining} tries remain before this store "
                "is wiped."
            )
        super().__init__(message)
        self.remaining = remaining


class StoreWipedError(StoreError):
    default_message = (
        "Too many wrong passphrases: the store was wiped, as set up. Create a new store to go on."
    )


def unlock(data_dir: Path, passphrase: str) -> Store:
    """Open the store, counting wrong passphrases.

    Raises `WrongPassphraseCountedError` (with the tries left), `StoreWipedError` when this
    wrong try reached the limit (the store is then gone), or any other `StoreError` from
    opening, which does not count as a try.
    """
    try:
        store = open_store(data_dir, passphrase)
    except WrongPassphraseError:
        state = read_unlock_state(data_dir)
        failed = state.failed_attempts + 1
        if state.wipe_after and failed >= state.wipe_after:
            wipe_store(data_dir)  # the unlock state goes too: nothing is left behind
            raise StoreWipedError() from None
        write_unlock_state(data_dir, replace(state, failed_attempts=failed))
        remaining = state.wipe_after - failed if state.wipe_after else None
        raise WrongPassphraseCountedError(remaining) from None
    state = read_unlock_state(data_dir)
    if state.failed_attempts:
        write_unlock_state(data_dir, replace(state, failed_attempts=0))
    return store
