"""Unlocking with a limit on wrong passphrases: after N in a row, the store is wiped.

Every way of opening an existing store with a typed passphrase goes through here: the
GUI's unlock screen (on the store worker), every `gatewatch` command, the passphrase
change. The count survives restarts (desktop/store/unlock_state.py); a right passphrase
resets it. tests/test_architecture.py keeps other modules from opening a store around it.

The store's life on this computer before and after it is open lives here too: whether
there is one (`store_exists`), making a new one (`create_new_store`), the panic wipe
(`wipe_store`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from desktop.store import database, duress, wipe
from desktop.store.database import Store, change_passphrase, open_store
from desktop.store.errors import StoreError, WrongPassphraseError
from desktop.store.keyfile import check_passphrase
from desktop.store.reports import ensure_search_index
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state

T = TypeVar("T")
# From this many tries left, the unlock screen warns in red before the next try.
FINAL_WARNING_AT = 3


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


def remaining_tries(state: UnlockState) -> int | None:
    """Wrong passphrases still allowed before the wipe (None: no limit is set)."""
    if not state.wipe_after:
        return None
    return max(state.wipe_after - state.failed_attempts, 0)


def unlock(data_dir: Path, passphrase: str) -> Store:
    """Open the store, counting wrong passphrases.

    Raises `WrongPassphraseCountedError` (with the tries left), `StoreWipedError` when this
    wrong try reached the limit (the store is then gone), or any other `StoreError` from
    opening, which does not count as a try.
    """
    return _counted(data_dir, lambda: open_store(data_dir, passphrase))


def unlock_indexed(data_dir: Path, passphrase: str) -> Store:
    """`unlock`, then bring the search index up to this version's rules (it is rebuilt only
    when they changed); the store is closed again if that fails."""
    store = unlock(data_dir, passphrase)
    try:
        ensure_search_index(store)
    except BaseException:
        store.close()
        raise
    return store


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a store (its database or its key file, even dangling)."""
    return database.store_exists(data_dir)


def create_new_store(data_dir: Path, passphrase: str) -> Store:
    """Create a new, empty store in ``data_dir`` under ``passphrase`` and return it open.

    Raises WeakPassphraseError before anything is touched, StoreExistsError when a store
    is there already, and the store's other errors (nothing is left half made)."""
    return database.create_store(data_dir, passphrase)


def wipe_store(data_dir: Path) -> int:
    """Panic wipe: destroy the store in ``data_dir``, key material first; return how many
    of its files were found (0: there was nothing to wipe). The store must be closed."""
    return wipe.wipe_store(data_dir)


def change_passphrase_counted(data_dir: Path, old: str, new: str) -> None:
    """Re-wrap the store's key under `new`; a wrong `old` counts as a wrong try.

    The new passphrase is checked first (WeakPassphraseError), so a refused new one never
    costs a try.
    """
    _counted(data_dir, lambda: change_passphrase(data_dir, old, new))


def _counted(data_dir: Path, attempt: Callable[[], T]) -> T:
    try:
        result = attempt()
    except WrongPassphraseError:
        state = read_unlock_state(data_dir)
        failed = state.failed_attempts + 1
        if state.wipe_after and failed >= state.wipe_after:
            wipe_store(data_dir)  # the unlock state goes too: nothing is left behind
            raise StoreWipedError() from None
        write_unlock_state(data_dir, replace(state, failed_attempts=failed))
        left = remaining_tries(replace(state, failed_attempts=failed))
        raise WrongPassphraseCountedError(left) from None
    state = read_unlock_state(data_dir)
    if state.failed_attempts:
        write_unlock_state(data_dir, replace(state, failed_attempts=0))
    return result


def set_duress_counted(
    data_dir: Path, passphrase: str, duress_passphrase: str, notes: Sequence[str] = ()
) -> None:
    """Set the duress passphrase and a decoy holding ``notes`` (desktop/store/duress.py);
    a wrong store passphrase counts as a wrong try. The duress passphrase is checked
    first (WeakPassphraseError), so a refused one never costs a try."""
    check_passphrase(duress_passphrase)
    _counted(data_dir, lambda: duress.set_duress(data_dir, passphrase, duress_passphrase, notes))


def clear_duress_counted(data_dir: Path, passphrase: str) -> bool:
    """Remove the duress passphrase and its decoy; return whether one was set. A wrong
    passphrase counts as a wrong try."""
    return _counted(data_dir, lambda: duress.clear_duress(data_dir, passphrase))
