"""Unlocking with a limit on wrong passphrases: after N in a row, the store is wiped.

Every way of opening an existing store with a typed passphrase goes through here: the
GUI's unlock screen (on the store worker), every `gatewatch` command, the passphrase
change. The count survives restarts (desktop/store/unlock_state.py); a right passphrase
resets it. tests/test_architecture.py keeps other modules from opening a store around it.

Also what comes before the store is open: whether there is one, creating it, and what the
unlock screen reads and the settings write beside it (limit, language).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from desktop.store import database, duress
from desktop.store.database import Store, change_passphrase, open_store
from desktop.store.errors import StoreError, WrongPassphraseError
from desktop.store.keyfile import check_passphrase
from desktop.store.reports import ensure_search_index
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state
from desktop.store.wipe import wipe_store

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


def unlock(
    data_dir: Path, passphrase: str, *, meanwhile: Callable[[Store], object] | None = None
) -> Store:
    """Open the store, counting wrong passphrases; `meanwhile(store)` runs inside the
    unlock's padding (`desktop.store.database.open_store`).

    Raises `WrongPassphraseCountedError` (with the tries left), `StoreWipedError` when this
    wrong try reached the limit (the store is then gone), or any other `StoreError` from
    opening, which does not count as a try.
    """
    return _counted(data_dir, lambda: open_store(data_dir, passphrase, meanwhile=meanwhile))


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


# -- before the store is open -------------------------------------------------------------


def store_exists(data_dir: Path) -> bool:
    """Whether `data_dir` holds a store (its database or key file): the unlock page shows,
    else the first run's."""
    return database.store_exists(data_dir)


def create_store(data_dir: Path, passphrase: str) -> Store:
    """A new, empty store in `data_dir`, open (desktop/store/database.py says what it
    refuses: a weak passphrase before anything is written, a store already there)."""
    return database.create_store(data_dir, passphrase)


def unlock_language(data_dir: Path) -> str:
    """The interface language the unlock screen speaks before the store is open."""
    return read_unlock_state(data_dir).language


def tries_left(data_dir: Path) -> tuple[int | None, int]:
    """Wrong passphrases still allowed before the wipe (None: no limit), and the limit
    set (0: none). A file of a few bytes beside the key file: cheap on the GUI thread."""
    state = read_unlock_state(data_dir)
    return remaining_tries(state), state.wipe_after


def start_unlock_state(data_dir: Path, *, wipe_after: int, language: str) -> None:
    """The unlock state of a store just created: no wrong try yet, this limit and language."""
    write_unlock_state(data_dir, UnlockState(wipe_after=wipe_after, language=language))


def set_unlock_settings(data_dir: Path, *, wipe_after: int, language: str) -> None:
    """Change the limit and the unlock screen's language; the count of wrong tries stays."""
    state = read_unlock_state(data_dir)
    write_unlock_state(data_dir, UnlockState(state.failed_attempts, wipe_after, language))
