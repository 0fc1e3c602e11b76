"""The duress passphrase: a second passphrase that destroys the store's key and opens a
decoy store instead.

Files. Beside ``store.db`` there is always a second SQLCipher database, ``store.db-alt``,
with the store's schema. Without a duress passphrase it is a filler keyed by a random key
nobody keeps; with one it is the decoy, keyed by the duress slot's data key
(keyslots.py). Both look alike: random pages. (The decoy grows with what it holds.)

A duress unlock (`switch_to_decoy`), in this order, the key first as in a panic wipe:

1. ``store.key`` is replaced (the old file's bytes overwritten): every slot but the one
   that opened becomes random, and that one is sealed again as the store's own slot. The
   store's data key now exists nowhere in the folder;
2. ``store.db`` and its ``-wal``/``-shm`` are removed, and the decoy is renamed to
   ``store.db``;
3. a new filler takes ``store.db-alt``.

Afterwards the folder looks like any store without a duress passphrase, and the duress
passphrase opens the decoy as its ordinary passphrase. A crash between 1 and 2 is
finished by the next unlock (`recover_switch`). The unlock's time is padded
(database.open_store) so both paths take as long.

What it cannot do: a copy of the folder taken before the duress unlock (a disk image, a
backup) still opens with the real passphrase; SSDs and copy-on-write file systems may keep
old blocks of ``store.key``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from desktop.store import fsutil
from desktop.store.database import (
    ALT_DB_NAME,
    DB_NAME,
    KEYFILE_NAME,
    SQLITE_SIDE_SUFFIXES,
    check_database_file,
    create_database,
    open_database,
)
from desktop.store.errors import (
    KeyMismatchError,
    PassphraseChangeUnconfirmedError,
    StoreIOError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from desktop.store.keyfile import DATA_KEY_BYTES, check_passphrase, zero
from desktop.store.keyslots import (
    KIND_DURESS,
    KIND_STORE,
    NO_DURESS,
    SLOT_COUNT,
    Opened,
    SlotFile,
    derive,
    free_slot,
    new_slot_file,
    open_slots,
    randomize_slot,
    read_any,
    seal_slot,
)
from desktop.store.reports import ReportRepository

_NEW_ALT = ALT_DB_NAME + "-new"  # a store.db-* name: the panic wipe removes it too


class SameAsDuressError(WeakPassphraseError):
    default_message = (
        "The duress passphrase must differ from the store's passphrase (and the store's "
        "from the duress one). Nothing was changed."
    )


def create_filler(data_dir: Path) -> None:
    """Put a filler at store.db-alt: the schema under a random key that is then forgotten.

    Replaces what is there (a decoy being cleared). Raises StoreIOError.
    """
    key = bytearray(secrets.token_bytes(DATA_KEY_BYTES))
    try:
        _replace_alt(data_dir, key, ())
    finally:
        zero(key)


def new_keyfile_bytes(passphrase: str, data_key: bytearray) -> bytes:
    """A version-2 keyfile: ``data_key`` in a random slot under ``passphrase``, the other
    slots random."""
    slot_file = new_slot_file()
    kek = derive(slot_file, passphrase)
    try:
        index = secrets.randbelow(SLOT_COUNT)
        return seal_slot(slot_file, index, kek, KIND_STORE, data_key).to_json()
    finally:
        zero(kek)


def migrate_keyfile(data_dir: Path, passphrase: str, data_key: bytearray) -> None:
    """Replace a version-1 keyfile by a version-2 one holding the same data key (the old
    file's bytes overwritten), and add the filler if it is missing. Run once, after a
    version-1 keyfile opened the store."""
    if not os.path.lexists(data_dir / ALT_DB_NAME):
        create_filler(data_dir)
    _write_keyfile(data_dir, new_keyfile_bytes(passphrase, data_key))


def switch_to_decoy(data_dir: Path, slot_file: SlotFile, opened: Opened) -> None:
    """The duress unlock (module doc, steps 1 to 3). ``opened`` is the duress slot."""
    kept = slot_file
    for index in range(SLOT_COUNT):
        if index != opened.index:
            kept = randomize_slot(kept, index)
    kept = seal_slot(kept, opened.index, opened.kek, KIND_STORE, opened.data_key)
    _write_keyfile(data_dir, kept.to_json())
    _decoy_becomes_store(data_dir)


def recover_switch(data_dir: Path, data_key: bytearray) -> bool:
    """After a crash between steps 1 and 2: if store.db refuses ``data_key`` and
    store.db-alt takes it, finish the switch and return True."""
    alt = data_dir / ALT_DB_NAME
    if not alt.exists():
        return False
    try:
        check_database_file(alt, data_key)
    except KeyMismatchError:
        return False
    _decoy_becomes_store(data_dir)
    return True


def set_duress(
    data_dir: Path, passphrase: str, duress_passphrase: str, notes: Sequence[str] = ()
) -> None:
    """Set (or replace) the duress passphrase, with a new decoy holding ``notes`` as drafts.

    ``passphrase`` must open the store's own slot (WrongPassphraseError, uncounted: the
    caller has just unlocked with it). Raises WeakPassphraseError for a duress passphrase
    below the floor, SameAsDuressError if it equals the store's, StoreIOError.
    Order: the new decoy is built and put in place first, then the keyfile names it.
    """
    check_passphrase(duress_passphrase)
    slot_file = _slot_file(data_dir)
    opened = open_slots(slot_file, passphrase)
    duress_kek = bytearray()
    decoy_key = bytearray(secrets.token_bytes(DATA_KEY_BYTES))
    try:
        if opened.kind != KIND_STORE:
            raise WrongPassphraseError()
        duress_kek = derive(slot_file, duress_passphrase)
        if duress_kek == opened.kek:
            raise SameAsDuressError()
        index = opened.duress_index
        if index == NO_DURESS or index >= SLOT_COUNT:
            index = free_slot(slot_file, opened)
        _replace_alt(data_dir, decoy_key, notes)
        updated = seal_slot(slot_file, index, duress_kek, KIND_DURESS, decoy_key)
        updated = seal_slot(
            updated, opened.index, opened.kek, KIND_STORE, opened.data_key, duress_index=index
        )
        _write_keyfile(data_dir, updated.to_json())
    finally:
        opened.wipe()
        zero(duress_kek)
        zero(decoy_key)


def clear_duress(data_dir: Path, passphrase: str) -> bool:
    """Remove the duress passphrase and its decoy (a filler takes its place); return
    whether one was set. Raises WrongPassphraseError, StoreIOError."""
    slot_file = _slot_file(data_dir)
    opened = open_slots(slot_file, passphrase)
    try:
        if opened.kind != KIND_STORE:
            raise WrongPassphraseError()
        index = opened.duress_index
        if index == NO_DURESS or index >= SLOT_COUNT:
            return False
        updated = randomize_slot(slot_file, index)
        updated = seal_slot(updated, opened.index, opened.kek, KIND_STORE, opened.data_key)
        _write_keyfile(data_dir, updated.to_json())
    finally:
        opened.wipe()
    create_filler(data_dir)
    return True


def reseal_store_slot(
    data_dir: Path, slot_file: SlotFile, opened: Opened, new_passphrase: str
) -> None:
    """The passphrase change of a version-2 keyfile: the store's slot sealed again under
    ``new_passphrase`` (same salt, so a duress slot keeps working). Raises
    SameAsDuressError if ``new_passphrase`` opens another slot."""
    new_kek = derive(slot_file, new_passphrase)
    try:
        with contextlib.suppress(WrongPassphraseError):
            other = open_slots(slot_file, new_passphrase)
            other.wipe()
            if other.index != opened.index:
                raise SameAsDuressError()
        updated = seal_slot(
            slot_file,
            opened.index,
            new_kek,
            KIND_STORE,
            opened.data_key,
            duress_index=opened.duress_index,
        )
    finally:
        zero(new_kek)
    _write_keyfile(data_dir, updated.to_json())


def strip_duress(key_bytes: bytes, passphrase: str) -> tuple[bytes, bytearray]:
    """A backup's keyfile without its duress slot (the decoy is not in the backup), and the
    data key it holds (zero it after use). Version 1 comes back as it is. Raises
    WrongPassphraseError (the duress passphrase does not restore)."""
    from desktop.store.keyfile import WrappedKey, unwrap
    from desktop.store.keyslots import parse_any

    parsed = parse_any(key_bytes)
    if isinstance(parsed, WrappedKey):
        return key_bytes, unwrap(parsed, passphrase)
    opened = open_slots(parsed, passphrase)
    try:
        if opened.kind != KIND_STORE:
            raise WrongPassphraseError()
        updated = parsed
        if opened.duress_index < SLOT_COUNT:
            updated = randomize_slot(parsed, opened.duress_index)
        updated = seal_slot(updated, opened.index, opened.kek, KIND_STORE, opened.data_key)
        return updated.to_json(), bytearray(opened.data_key)
    finally:
        opened.wipe()


def read_slot_file(data_dir: Path) -> SlotFile:
    """The version-2 keyfile of ``data_dir``."""
    return _slot_file(data_dir)


def _slot_file(data_dir: Path) -> SlotFile:
    parsed = read_any(data_dir / KEYFILE_NAME)
    if not isinstance(parsed, SlotFile):
        raise StoreIOError(
            "Open the store once with this version of Gatewatch first: it upgrades the key "
            "file. Nothing was changed."
        )
    return parsed


def _write_keyfile(data_dir: Path, data: bytes) -> None:
    try:
        fsutil.atomic_write(data_dir / KEYFILE_NAME, data, shred_old=True)
    except fsutil.NotDurableError as e:
        raise PassphraseChangeUnconfirmedError() from e
    except OSError as e:
        raise StoreIOError() from e


def _decoy_becomes_store(data_dir: Path) -> None:
    try:
        for suffix in ("", *SQLITE_SIDE_SUFFIXES):
            with contextlib.suppress(FileNotFoundError):
                (data_dir / (DB_NAME + suffix)).unlink()
        os.replace(data_dir / ALT_DB_NAME, data_dir / DB_NAME)
        fsutil.fsync_dir(data_dir)
    except OSError as e:
        raise StoreIOError() from e
    create_filler(data_dir)


def _replace_alt(data_dir: Path, key: bytearray, notes: Sequence[str]) -> None:
    """Build a database keyed by ``key`` holding ``notes`` as drafts beside the store, then
    rename it over store.db-alt."""
    new = data_dir / _NEW_ALT
    for suffix in ("", *SQLITE_SIDE_SUFFIXES):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / (_NEW_ALT + suffix)).unlink()
    try:
        create_database(new, key)
        if notes:
            with open_database(new, key) as decoy:
                reports = ReportRepository(decoy)
                for note in notes:
                    reports.save_draft({"narrative": note})
        os.replace(new, data_dir / ALT_DB_NAME)
        fsutil.fsync_dir(data_dir)
    except OSError as e:
        raise StoreIOError() from e
    finally:
        with contextlib.suppress(FileNotFoundError):
            new.unlink()
