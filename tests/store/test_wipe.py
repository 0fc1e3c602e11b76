"""Panic wipe: key first, then every file the store wrote, and nothing that is not its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.store import wipe
from desktop.store.database import ALT_DB_NAME, DB_NAME, KEYFILE_NAME, create_store, open_store
from desktop.store.errors import StoreIOError, StoreNotFoundError
from desktop.store.unlock_state import UnlockState, write_unlock_state
from desktop.store.wipe import wipe_store
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    with create_store(folder, PASSPHRASE) as store:
        store.execute("CREATE TABLE probe (text TEXT)")
        store.execute("INSERT INTO probe VALUES ('at the gate')")
    return folder


def test_wipe_leaves_nothing_and_the_folder_can_hold_a_new_store(data_dir: Path) -> None:
    assert wipe_store(data_dir) == 3  # store.db, store.db-alt and store.key
    assert not data_dir.exists()
    assert wipe_store(data_dir) == 0  # nothing left to wipe
    with pytest.raises(StoreNotFoundError):
        open_store(data_dir, PASSPHRASE)
    with create_store(data_dir, PASSPHRASE) as store:
        assert (
            store.execute("SELECT count(*) FROM sqlite_master WHERE name = 'probe'").fetchone()[0]
            == 0
        )


def test_wipe_removes_side_files_and_crash_leftovers(data_dir: Path) -> None:
    leftovers = [
        DB_NAME + "-wal",
        DB_NAME + "-shm",
        DB_NAME + "-journal",
        DB_NAME + "-mj1A2B3C4D",
        KEYFILE_NAME + ".tmp-0123456789abcdef",
    ]
    for name in leftovers:
        (data_dir / name).write_bytes(b"left by a crash")
    wipe_store(data_dir)
    assert not data_dir.exists()


def test_wipe_of_an_open_store(data_dir: Path) -> None:
    if os.name != "posix":
        pytest.skip("Windows refuses to remove open files")
    store = open_store(data_dir, PASSPHRASE)
    assert (data_dir / (DB_NAME + "-wal")).exists()
    wipe_store(data_dir)
    assert not data_dir.exists()
    store.close()


def test_wipe_keeps_what_is_not_the_stores(data_dir: Path) -> None:
    (data_dir / "notes.txt").write_text("mine")
    (data_dir / "store.db.bak").write_text("a user's own copy")
    (data_dir / "photos").mkdir()
    (data_dir / "photos" / "store.key").write_text("not at the top level")
    (data_dir / "store.db-folder").mkdir()  # named like a side file, but a directory
    (data_dir / "store.db-folder" / "x").write_text("x")
    wipe_store(data_dir)
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "notes.txt",
        "photos",
        "store.db-folder",
        "store.db.bak",
    ]
    assert (data_dir / "photos" / "store.key").read_text() == "not at the top level"
    assert (data_dir / "store.db-folder" / "x").read_text() == "x"


def test_key_material_goes_first_and_is_overwritten(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second name for the keyfile's inode shows what the wipe did to the bytes themselves.
    witness = tmp_path / "witness"
    os.link(data_dir / KEYFILE_NAME, witness)
    original = witness.read_bytes()
    order: list[str] = []
    real_unlink = os.unlink

    def recording_unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        order.append(Path(path).name)
        real_unlink(path)

    monkeypatch.setattr(os, "unlink", recording_unlink)
    (data_dir / (KEYFILE_NAME + ".tmp-00")).write_bytes(b"temp key")
    wipe_store(data_dir)
    monkeypatch.undo()

    assert order[:2] == [KEYFILE_NAME, KEYFILE_NAME + ".tmp-00"]
    assert sorted(order[2:]) == [DB_NAME, ALT_DB_NAME]
    after = witness.read_bytes()
    assert len(after) == len(original)
    assert after != original
    assert b"wrapped_key" not in after


def test_symlinked_keyfile_target_is_not_overwritten(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("symlinks need privileges on Windows")
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file")
    data_dir = tmp_path / "store"
    data_dir.mkdir()
    (data_dir / KEYFILE_NAME).symlink_to(outside)
    wipe_store(data_dir)
    assert outside.read_text() == "someone else's file"
    assert not data_dir.exists()


def test_wipe_tolerates_missing_files_and_folders(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / DB_NAME).unlink()
    wipe_store(data_dir)
    wipe_store(data_dir)
    wipe_store(tmp_path / "never-existed")
    assert not data_dir.exists()


def test_wipe_does_not_walk_through_a_big_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    data_dir.mkdir()
    (data_dir / KEYFILE_NAME).write_bytes(b"k" * 600)
    with open(data_dir / DB_NAME, "wb") as f:
        f.truncate(2 * 1024**3)  # sparse: 2 GiB the wipe must not walk through
    # Held open, the unlinked file can still be looked at: nothing was written into it.
    fd = os.open(data_dir / DB_NAME, os.O_RDONLY)
    try:
        blocks = os.fstat(fd).st_blocks
        wipe_store(data_dir)
        assert os.fstat(fd).st_nlink == 0  # unlinked
        assert os.fstat(fd).st_blocks == blocks  # not overwritten (that would allocate)
    finally:
        os.close(fd)
    assert not data_dir.exists()
    # How long it takes against a small store's wipe is a figure of bench/lifecycle_bench.py.


def test_a_file_that_cannot_go_does_not_stop_the_rest(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = os.unlink

    def refuse_db(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if Path(path).name == DB_NAME:
            raise PermissionError(13, "Permission denied")
        real_unlink(path)

    (data_dir / (DB_NAME + "-shm")).write_bytes(b"shm")
    monkeypatch.setattr(os, "unlink", refuse_db)
    with pytest.raises(StoreIOError):
        wipe_store(data_dir)
    monkeypatch.undo()
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]


@pytest.mark.parametrize(
    ("name", "key", "db"),
    [
        ("store.key", True, False),
        ("store.key.tmp-abc", True, False),
        ("store.keys", False, False),
        ("store.db", False, True),
        ("store.db-wal", False, True),
        ("store.db.bak", False, False),
        ("other.db", False, False),
    ],
)
def test_the_naming_rule(name: str, key: bool, db: bool) -> None:
    assert wipe.is_key_file(name) is key
    assert wipe.is_database_file(name) is db


def test_wipe_removes_the_unlock_state(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    create_store(data_dir, PASSPHRASE).close()
    write_unlock_state(data_dir, UnlockState(failed_attempts=3))
    wipe_store(data_dir)
    assert not data_dir.exists()


def test_destroy_key_material_leaves_the_database_for_wipe_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "store"
    create_store(data_dir, PASSPHRASE).close()
    assert wipe.destroy_key_material(data_dir) == []
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, ALT_DB_NAME]
    assert wipe.destroy_key_material(tmp_path / "missing") == []
    wipe_store(data_dir)
    assert not data_dir.exists()
