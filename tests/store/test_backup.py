"""A damaged store is found and said so; an encrypted backup brings every report back."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from desktop.domain.gazetteer import default_gazetteer
from desktop.store.attachments import AttachmentRepository
from desktop.store.backup import MAGIC, BackupError, restore_backup, write_backup
from desktop.store.database import DB_NAME, KEYFILE_NAME, Store, create_store, open_store
from desktop.store.errors import (
    StoreDamagedError,
    StoreExistsError,
    WrongPassphraseError,
    store_error_from,
)
from desktop.store.integrity import check_integrity
from desktop.store.reports import ReportRepository
from tests.helpers.stores import PASSPHRASE, damage, fill


def read_all(store: Store, ids: list[str]) -> int:
    reports = ReportRepository(store, default_gazetteer())
    return sum(1 for i in ids if reports.get(i).report is not None)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_a_damaged_page_is_found_and_named_in_plain_words(folder: Path, tmp_path: Path) -> None:
    with create_store(folder, PASSPHRASE) as store:
        ids = fill(store)
        assert check_integrity(store).ok
    # Which pages hold the list's index and which the rows follows the schema's layout:
    # every stride of bad pages is found; on one at least the list still reads.
    listed = 0
    for offset in range(8):
        copy = tmp_path / f"damaged-{offset}"
        shutil.copytree(folder, copy)
        damage(copy / DB_NAME, offset)
        with open_store(copy, PASSPHRASE) as store:
            result = check_integrity(store)
            assert not result.ok
            assert result.damaged_pages >= 1
            # What is readable still reads; the damaged part raises the typed, plain error.
            reports = ReportRepository(store, default_gazetteer())
            try:
                assert len(reports.ids()) == len(ids)
            except dbapi2.DatabaseError:
                continue
            listed += 1
            with pytest.raises(dbapi2.DatabaseError) as caught:
                read_all(store, ids)
            typed = store_error_from(caught.value)
            assert isinstance(typed, StoreDamagedError)
            assert "damaged" in str(typed)
            assert "restore" in str(typed)
    assert listed >= 1


def test_restore_after_damage_finds_every_report(folder: Path, tmp_path: Path) -> None:
    backup = tmp_path / "usb" / "laptop.gwbackup"
    backup.parent.mkdir()
    with create_store(folder, PASSPHRASE) as store:
        ids = fill(store)
        write_backup(store, backup)  # while open, with a live write-ahead log
    raw = backup.read_bytes()
    assert raw.startswith(MAGIC)
    assert b"Laiza" not in raw
    assert b"laiza" not in raw
    if os.name == "posix":
        assert backup.stat().st_mode & 0o777 == 0o600
    damage(folder / DB_NAME)

    restore_backup(folder, backup, PASSPHRASE, replace=True)

    with open_store(folder, PASSPHRASE) as store:
        assert check_integrity(store).ok
        assert read_all(store, ids) == len(ids)
        assert AttachmentRepository(store).data(ids[0], 1) == b"\x89PNG fake"
    assert not [p for p in folder.iterdir() if p.name.startswith(DB_NAME + "-restore")]
    assert backup.read_bytes() == raw


def test_restore_refusals_change_nothing(folder: Path, tmp_path: Path) -> None:
    backup = tmp_path / "laptop.gwbackup"
    with create_store(folder, PASSPHRASE) as store:
        fill(store, 5)
        write_backup(store, backup)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    with pytest.raises(StoreExistsError):
        restore_backup(folder, backup, PASSPHRASE, replace=False)
    with pytest.raises(WrongPassphraseError):
        restore_backup(folder, backup, "not the passphrase at all", replace=True)
    not_backup = tmp_path / "photo.jpg"
    not_backup.write_bytes(b"\xff\xd8\xff" + bytes(100))
    with pytest.raises(BackupError):
        restore_backup(folder, not_backup, PASSPHRASE, replace=True)
    truncated = tmp_path / "cut.gwbackup"
    truncated.write_bytes(backup.read_bytes()[: len(MAGIC) + 40])
    with pytest.raises(BackupError):
        restore_backup(folder, truncated, PASSPHRASE, replace=True)
    with pytest.raises(BackupError, match="No backup file"):
        restore_backup(folder, tmp_path / "missing", PASSPHRASE, replace=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_damaged_backup_is_refused_before_the_store_is_touched(
    folder: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "laptop.gwbackup"
    with create_store(folder, PASSPHRASE) as store:
        fill(store)
        write_backup(store, backup)
    with open(backup, "r+b") as f:  # a page in the middle of the database part
        f.seek(backup.stat().st_size // 2)
        f.write(bytes(64))
    before = (folder / KEYFILE_NAME).read_bytes(), (folder / DB_NAME).read_bytes()
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(folder, backup, PASSPHRASE, replace=True)
    assert ((folder / KEYFILE_NAME).read_bytes(), (folder / DB_NAME).read_bytes()) == before


def test_restore_into_an_empty_folder(tmp_path: Path) -> None:
    backup = tmp_path / "laptop.gwbackup"
    with create_store(tmp_path / "old", PASSPHRASE) as store:
        ids = fill(store, 20)
        write_backup(store, backup)
    restore_backup(tmp_path / "new", backup, PASSPHRASE, replace=False)
    with open_store(tmp_path / "new", PASSPHRASE) as store:
        assert read_all(store, ids) == 20
