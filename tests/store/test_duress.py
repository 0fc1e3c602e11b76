"""The duress passphrase: a fixed keyfile layout that does not tell, the real key destroyed
and a decoy opened, the upgrade of version-1 key files."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.store import duress
from desktop.store.backup import restore_backup, write_backup
from desktop.store.database import (
    ALT_DB_NAME,
    DB_NAME,
    KEYFILE_NAME,
    change_passphrase,
    check_database_file,
    create_database,
    create_store,
    open_store,
)
from desktop.store.errors import KeyMismatchError, WrongPassphraseError
from desktop.store.keyfile import create_keyfile
from desktop.store.keyslots import (
    KIND_DURESS,
    KIND_STORE,
    SLOT_COUNT,
    SlotFile,
    open_slots,
    read_any,
)
from desktop.store.reports import ReportRepository
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE

DURESS = "kettle window orange tide"
CANARY = "CANARYrealSOURCE4471"


def shape(value: Any) -> Any:
    """The structure of a JSON value: keys, list lengths and string lengths, no content."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, str):
        return ("str", len(value))
    return value


def make_store(folder: Path) -> None:
    with create_store(folder, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(
            Report.new(ReportContent.from_json(example(narrative=CANARY)))
        )


def test_the_key_file_looks_the_same_with_or_without_a_duress_passphrase(
    tmp_path: Path,
) -> None:
    plain, armed = tmp_path / "plain", tmp_path / "armed"
    make_store(plain)
    make_store(armed)
    duress.set_duress(armed, PASSPHRASE, DURESS, ["Rice is 2,500 kyat a pyi."])
    key_plain = (plain / KEYFILE_NAME).read_bytes()
    key_armed = (armed / KEYFILE_NAME).read_bytes()
    assert len(key_plain) == len(key_armed)
    assert shape(json.loads(key_plain)) == shape(json.loads(key_armed))
    assert len(json.loads(key_armed)["slots"]) == SLOT_COUNT
    assert sorted(p.name for p in plain.iterdir()) == sorted(p.name for p in armed.iterdir())
    assert (plain / ALT_DB_NAME).exists()
    assert b"2,500" not in (armed / ALT_DB_NAME).read_bytes()
    # Only the right passphrase tells the slots apart.
    parsed = read_any(armed / KEYFILE_NAME)
    assert isinstance(parsed, SlotFile)
    real = open_slots(parsed, PASSPHRASE)
    decoy = open_slots(parsed, DURESS)
    assert (real.kind, decoy.kind) == (KIND_STORE, KIND_DURESS)
    assert real.duress_index == decoy.index != real.index
    real.wipe()
    decoy.wipe()


def test_the_duress_passphrase_destroys_the_store_and_opens_the_decoy(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    make_store(folder)
    duress.set_duress(folder, PASSPHRASE, DURESS, ["Rice is 2,500 kyat a pyi."])
    parsed = read_any(folder / KEYFILE_NAME)
    assert isinstance(parsed, SlotFile)
    before = open_slots(parsed, PASSPHRASE)
    real_key = bytes(before.data_key)
    before.wipe()
    real_db = (folder / DB_NAME).read_bytes()

    with open_store(folder, DURESS) as store:
        reports = ReportRepository(store, default_gazetteer())
        rows = reports.rows(reports.ids())
        assert [r.summary for r in rows] == ["Rice is 2,500 kyat a pyi."]
        assert reports.search(CANARY.lower()) == []
        reports.save_draft({"narrative": "The road to Laiza is muddy."})  # a working store

    with pytest.raises(WrongPassphraseError):
        open_store(folder, PASSPHRASE)
    # The real key is nowhere in the folder; its database is gone from it.
    for path in folder.iterdir():
        assert real_key not in path.read_bytes()
    assert (folder / DB_NAME).read_bytes() != real_db
    # A copy of the old database cannot be opened with anything left here either.
    old = tmp_path / "old.db"
    old.write_bytes(real_db)
    after = read_any(folder / KEYFILE_NAME)
    assert isinstance(after, SlotFile)
    opened = open_slots(after, DURESS)
    assert opened.kind == KIND_STORE  # the decoy is now the store, with no duress slot
    with pytest.raises(KeyMismatchError):
        check_database_file(old, opened.data_key)
    opened.wipe()
    # After the switch the folder looks like any store: same files, same key file shape.
    fresh = tmp_path / "fresh"
    make_store(fresh)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in fresh.iterdir())
    assert shape(json.loads((folder / KEYFILE_NAME).read_bytes())) == shape(
        json.loads((fresh / KEYFILE_NAME).read_bytes())
    )
    with open_store(folder, DURESS) as store:
        assert len(ReportRepository(store).ids()) == 2


def test_a_duress_unlock_cut_short_is_finished_by_the_next_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    make_store(folder)
    duress.set_duress(folder, PASSPHRASE, DURESS, ["a note"])
    parsed = read_any(folder / KEYFILE_NAME)
    assert isinstance(parsed, SlotFile)
    opened = open_slots(parsed, DURESS)
    original = duress._decoy_becomes_store
    try:
        duress._decoy_becomes_store = lambda data_dir: None  # type: ignore[assignment]
        duress.switch_to_decoy(folder, parsed, opened)  # the key is gone, files not moved
    finally:
        duress._decoy_becomes_store = original  # type: ignore[assignment]
        opened.wipe()
    with open_store(folder, DURESS) as store:
        assert [r.summary for r in ReportRepository(store).rows(ReportRepository(store).ids())] == [
            "a note"
        ]
    assert (folder / ALT_DB_NAME).exists()


def test_clear_and_passphrase_change(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    make_store(folder)
    assert not duress.clear_duress(folder, PASSPHRASE)
    duress.set_duress(folder, PASSPHRASE, DURESS)
    with pytest.raises(duress.SameAsDuressError):
        change_passphrase(folder, PASSPHRASE, DURESS)
    with pytest.raises(duress.SameAsDuressError):
        duress.set_duress(folder, PASSPHRASE, PASSPHRASE)
    new = "bamboo bridge at dawn"
    change_passphrase(folder, PASSPHRASE, new)
    with pytest.raises(WrongPassphraseError):
        duress.set_duress(folder, DURESS, "another decoy passphrase")  # not the store's
    assert duress.clear_duress(folder, new)
    with pytest.raises(WrongPassphraseError):
        open_store(folder, DURESS)
    with open_store(folder, new) as store:
        assert len(ReportRepository(store).ids()) == 1
    duress.set_duress(folder, new, DURESS)
    with open_store(folder, DURESS) as store:  # the duress slot survived the change
        assert ReportRepository(store).ids() == []


def test_a_version_1_key_file_is_upgraded_on_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir(mode=0o700)
    data_key = bytearray(secrets.token_bytes(32))
    create_keyfile(folder / KEYFILE_NAME, PASSPHRASE, data_key)
    create_database(folder / DB_NAME, data_key)
    assert json.loads((folder / KEYFILE_NAME).read_bytes())["version"] == 1
    with open_store(folder, PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(
            Report.new(ReportContent.from_json(example(narrative=CANARY)))
        )
    assert json.loads((folder / KEYFILE_NAME).read_bytes())["version"] == 2
    assert (folder / ALT_DB_NAME).exists()
    with open_store(folder, PASSPHRASE) as store:
        assert len(ReportRepository(store).ids()) == 1
    duress.set_duress(folder, PASSPHRASE, DURESS)
    with open_store(folder, DURESS) as store:
        assert ReportRepository(store).ids() == []


def test_a_restored_backup_has_no_duress_slot(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    make_store(folder)
    duress.set_duress(folder, PASSPHRASE, DURESS, ["a note"])
    backup = tmp_path / "b.gwbackup"
    with open_store(folder, PASSPHRASE) as store:
        write_backup(store, backup)
    with pytest.raises(WrongPassphraseError):
        restore_backup(tmp_path / "elsewhere", backup, DURESS, replace=False)
    restore_backup(tmp_path / "elsewhere", backup, PASSPHRASE, replace=False)
    with pytest.raises(WrongPassphraseError):
        open_store(tmp_path / "elsewhere", DURESS)
    with open_store(tmp_path / "elsewhere", PASSPHRASE) as store:
        assert len(ReportRepository(store).ids()) == 1
