"""The encrypted store: real SQLCipher, real files, every refusal leaves the folder as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from desktop.store import database
from desktop.store.database import (
    ALT_DB_NAME,
    DB_NAME,
    KEYFILE_NAME,
    Store,
    change_passphrase,
    create_store,
    open_store,
    store_exists,
)
from desktop.store.errors import (
    DataDirNotADirectoryError,
    DataDirNotEmptyError,
    KeyfileCorruptError,
    KeyfileMissingError,
    KeyMismatchError,
    NotAStoreError,
    SQLCipherUnavailableError,
    StoreError,
    StoreExistsError,
    StoreIOError,
    StoreNotFoundError,
    StoreTooNewError,
    WeakPassphraseError,
    WrongPassphraseError,
    io_error_from,
)
from desktop.store.keyslots import open_slots, read_any
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state
from desktop.store.wipe import wipe_store
from tests.helpers.stores import PASSPHRASE

NEW_PASSPHRASE = "another long passphrase"
CANARY = "CANARY-Laiza-gate-closed-7f3a9c"
PLAIN_HEADER = b"SQLite format 3\x00"
POSIX = os.name == "posix"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Name -> (sha256, mode) of every entry in ``folder``, recursively."""
    result: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        result[str(path.relative_to(folder))] = (digest, mode)
    return result


def create_with_probe(data_dir: Path, passphrase: str = PASSPHRASE) -> None:
    with create_store(data_dir, passphrase) as store:
        store.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        store.execute("INSERT INTO probe (text) VALUES (?)", ("first",))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    create_with_probe(folder)
    return folder


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with open_store(data_dir, PASSPHRASE) as opened:
        yield opened


# --- create and open ---------------------------------------------------------------------


def test_create_close_open_keeps_the_data(data_dir: Path) -> None:
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, ALT_DB_NAME, KEYFILE_NAME]
    with open_store(data_dir, PASSPHRASE) as store:
        store.execute("INSERT INTO probe (text) VALUES (?)", ("second",))
    with open_store(data_dir, PASSPHRASE) as store:
        rows = store.execute("SELECT text FROM probe ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["first", "second"]


def test_store_exposes_its_folder_and_connection(store: Store, data_dir: Path) -> None:
    assert store.data_dir == data_dir
    assert store.conn.execute("SELECT 1").fetchone()[0] == 1
    assert not store.closed


def test_connection_settings(store: Store) -> None:
    def pragma(name: str) -> object:
        return store.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("secure_delete") == 1
    assert pragma("temp_store") == 2  # MEMORY
    assert pragma("cipher_version")
    assert pragma("cipher_memory_security") in ("0", 0)  # see prepare_cipher
    assert pragma("cipher_log_level") == "NONE"


def test_create_makes_missing_parents(tmp_path: Path) -> None:
    with create_store(tmp_path / "a" / "b" / "store", PASSPHRASE) as store:
        assert store.data_dir.is_dir()


def test_create_in_an_existing_empty_folder(tmp_path: Path) -> None:
    with create_store(tmp_path, PASSPHRASE):
        pass
    assert store_exists(tmp_path)


def test_create_refuses_an_existing_store_untouched(data_dir: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(StoreExistsError):
        create_store(data_dir, NEW_PASSPHRASE)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("name", [DB_NAME, KEYFILE_NAME])
def test_create_refuses_a_lone_store_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"something")
    with pytest.raises(StoreExistsError):
        create_store(tmp_path, PASSPHRASE)
    assert (tmp_path / name).read_bytes() == b"something"


def test_create_refuses_a_folder_holding_other_files(tmp_path: Path) -> None:
    (tmp_path / "thesis.odt").write_bytes(b"a year of work")
    before = snapshot(tmp_path)
    with pytest.raises(DataDirNotEmptyError) as info:
        create_store(tmp_path, PASSPHRASE)
    assert "empty" in str(info.value)
    assert snapshot(tmp_path) == before


def test_create_accepts_a_folder_holding_only_the_unlock_state(tmp_path: Path) -> None:
    write_unlock_state(tmp_path, UnlockState(wipe_after=3))
    with create_store(tmp_path, PASSPHRASE):
        pass
    assert read_unlock_state(tmp_path).wipe_after == 3


@pytest.mark.parametrize("weak", ["", "1234567"])
def test_create_with_weak_passphrase_touches_nothing(tmp_path: Path, weak: str) -> None:
    with pytest.raises(WeakPassphraseError):
        create_store(tmp_path / "store", weak)
    assert not (tmp_path / "store").exists()


def test_failed_create_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(conn: object, migrations: object) -> int:
        raise StoreIOError()

    monkeypatch.setattr(database, "apply_migrations", fail)
    with pytest.raises(StoreIOError):
        create_store(tmp_path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_create_interrupted_before_the_schema_opens_as_a_new_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(conn: object, migrations: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(database, "_open_keyed", crash)
    with pytest.raises(KeyboardInterrupt):
        create_store(tmp_path, PASSPHRASE)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # an interrupt is cleaned up like any error

    # What a hard crash at that point leaves: the keyfile and an empty database file.
    create_with_probe(tmp_path / "model")
    shutil.copyfile(tmp_path / "model" / KEYFILE_NAME, tmp_path / KEYFILE_NAME)
    (tmp_path / DB_NAME).touch()
    with open_store(tmp_path, PASSPHRASE) as store:
        assert store.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_a_data_dir_that_is_a_file_is_refused_untouched(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_bytes(b"my notes")
    for attempt in (
        lambda: create_store(not_a_folder, PASSPHRASE),
        lambda: open_store(not_a_folder, PASSPHRASE),
        lambda: change_passphrase(not_a_folder, PASSPHRASE, NEW_PASSPHRASE),
        lambda: wipe_store(not_a_folder),
    ):
        with pytest.raises(DataDirNotADirectoryError) as info:
            attempt()
        assert "not a folder" in str(info.value)
    assert not_a_folder.read_bytes() == b"my notes"


def test_store_exists(tmp_path: Path, data_dir: Path) -> None:
    assert store_exists(data_dir)
    assert not store_exists(tmp_path / "nowhere")
    assert not store_exists(tmp_path)


# --- nothing in plaintext --------------------------------------------------------------


def _assert_no_canary(folder: Path) -> None:
    files = [p for p in folder.iterdir() if p.is_file()]
    assert files
    for path in files:
        raw = path.read_bytes()
        assert CANARY.encode() not in raw, path.name
        assert CANARY.encode("utf-16-le") not in raw, path.name
    assert not (folder / DB_NAME).read_bytes().startswith(b"SQLite format 3")


def test_no_file_holds_plaintext(data_dir: Path) -> None:
    store = open_store(data_dir, PASSPHRASE)
    with store.transaction() as conn:
        for i in range(200):
            conn.execute("INSERT INTO probe (text) VALUES (?)", (f"{CANARY} row {i} " * 20,))
    names = {p.name for p in data_dir.iterdir()}
    assert {DB_NAME + "-wal", DB_NAME + "-shm"} <= names
    assert (data_dir / (DB_NAME + "-wal")).stat().st_size > 100_000  # the rows are in the WAL
    _assert_no_canary(data_dir)

    store.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    _assert_no_canary(data_dir)

    store.execute("DELETE FROM probe")
    store.close()
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, ALT_DB_NAME, KEYFILE_NAME]
    _assert_no_canary(data_dir)


# --- every refusal leaves the folder as it was -------------------------------------------


def _check_refusal(
    data_dir: Path, error: type[StoreError], passphrase: str = PASSPHRASE
) -> StoreError:
    before = snapshot(data_dir)
    with pytest.raises(error) as info:
        open_store(data_dir, passphrase)
    assert snapshot(data_dir) == before
    return info.value


def test_wrong_passphrase(data_dir: Path) -> None:
    err = _check_refusal(data_dir, WrongPassphraseError, "not the passphrase at all")
    assert "not the passphrase" not in str(err)


def test_truncated_keyfile(data_dir: Path) -> None:
    key = data_dir / KEYFILE_NAME
    key.write_bytes(key.read_bytes()[:40])
    _check_refusal(data_dir, KeyfileCorruptError)


def test_hostile_keyfile_params(data_dir: Path) -> None:
    key = data_dir / KEYFILE_NAME
    doc = json.loads(key.read_bytes())
    doc["kdf"]["memory_cost"] = 2**40
    key.write_text(json.dumps(doc))
    _check_refusal(data_dir, KeyfileCorruptError)


def test_keyfile_of_another_store(data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    create_with_probe(other)  # same passphrase: the keyfile opens, its key is wrong
    shutil.copyfile(other / KEYFILE_NAME, data_dir / KEYFILE_NAME)
    _check_refusal(data_dir, KeyMismatchError)


def test_key_mismatch_prints_nothing_and_leaks_no_key(
    data_dir: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    create_with_probe(other)
    shutil.copyfile(other / KEYFILE_NAME, data_dir / KEYFILE_NAME)
    wrong_key_hex = open_slots(read_any(data_dir / KEYFILE_NAME), PASSPHRASE).data_key.hex()
    # SQLCipher's log level is process-wide: put back its noisy default to prove we silence it.
    noisy = dbapi2.connect(":memory:")
    noisy.execute("PRAGMA cipher_log_level = WARN")
    noisy.close()
    capfd.readouterr()
    with pytest.raises(KeyMismatchError) as info:
        open_store(data_dir, PASSPHRASE)
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""
    text = "".join(traceback.format_exception(info.value))
    assert wrong_key_hex not in text.lower()
    assert PASSPHRASE not in text


def test_damaged_database_is_a_key_mismatch(data_dir: Path) -> None:
    db = data_dir / DB_NAME
    raw = bytearray(db.read_bytes())
    raw[100:200] = bytes(100)  # inside page 1: its HMAC no longer verifies
    db.write_bytes(bytes(raw))
    _check_refusal(data_dir, KeyMismatchError)


def test_plain_sqlite_database_is_not_a_store(data_dir: Path) -> None:
    db = data_dir / DB_NAME
    db.unlink()
    plain = dbapi2.connect(str(db))  # sqlcipher3 without a key writes plaintext
    plain.execute("CREATE TABLE t (x)")
    plain.execute("INSERT INTO t VALUES ('hello')")
    plain.commit()
    plain.close()
    assert db.read_bytes().startswith(b"SQLite format 3\x00")
    _check_refusal(data_dir, NotAStoreError)


# A child process that writes and dies without closing: -wal (with committed frames) and -shm
# stay behind, as after a crash or a power cut. Opening must not checkpoint them into store.db.
_CRASH_AFTER_WRITING = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from desktop.store.database import open_store
    store = open_store(Path(sys.argv[1]), sys.argv[2])
    store.execute("CREATE TABLE crashed (text TEXT NOT NULL)")
    with store.transaction() as conn:
        for i in range(50):
            conn.execute("INSERT INTO crashed (text) VALUES (?)", (f"row {i}",))
    os._exit(0)
    """
)
_PLAIN_WAL_CRASH = textwrap.dedent(
    """
    import os, sys
    from sqlcipher3 import dbapi2
    conn = dbapi2.connect(sys.argv[1], isolation_level=None)  # no key: plaintext
    conn.execute("PRAGMA journal_mode = WAL").fetchall()
    conn.execute("CREATE TABLE t (x)")
    for i in range(50):
        conn.execute("INSERT INTO t VALUES (?)", (f"row {i}",))
    os._exit(0)
    """
)


def _run_child(script: str, *args: str) -> None:
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script, *args], cwd=root, check=True, timeout=60)


def crash_after_writing(data_dir: Path) -> None:
    _run_child(_CRASH_AFTER_WRITING, str(data_dir), PASSPHRASE)
    assert (data_dir / (DB_NAME + "-wal")).stat().st_size > 0
    assert (data_dir / (DB_NAME + "-shm")).exists()


def test_crashed_store_refuses_a_wrong_passphrase_untouched(data_dir: Path) -> None:
    crash_after_writing(data_dir)
    _check_refusal(data_dir, WrongPassphraseError, "not the passphrase at all")


def test_crashed_store_refuses_a_foreign_keyfile_untouched(data_dir: Path, tmp_path: Path) -> None:
    crash_after_writing(data_dir)
    other = tmp_path / "other"
    create_with_probe(other)
    shutil.copyfile(other / KEYFILE_NAME, data_dir / KEYFILE_NAME)
    _check_refusal(data_dir, KeyMismatchError)


def test_crashed_plain_wal_database_is_refused_untouched(data_dir: Path) -> None:
    db = data_dir / DB_NAME
    db.unlink()
    _run_child(_PLAIN_WAL_CRASH, str(db))
    assert (data_dir / (DB_NAME + "-wal")).stat().st_size > 0
    _check_refusal(data_dir, NotAStoreError)


def test_crashed_store_opens_with_every_committed_row(data_dir: Path) -> None:
    crash_after_writing(data_dir)
    with open_store(data_dir, PASSPHRASE) as store:
        assert store.execute("SELECT count(*) FROM crashed").fetchone()[0] == 50
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, ALT_DB_NAME, KEYFILE_NAME]


def test_the_key_is_proved_on_a_connection_that_cannot_write(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    real_connect = database._connect

    def spy(db_path: Path, *, read_only: bool = False) -> database.Connection:
        opened.append(read_only)
        return real_connect(db_path, read_only=read_only)

    monkeypatch.setattr(database, "_connect", spy)
    with open_store(data_dir, PASSPHRASE):
        pass
    assert opened == [True, False]  # proved read-only first, then opened read-write
    opened.clear()
    other = data_dir.parent / "other"
    create_with_probe(other)
    opened.clear()
    shutil.copyfile(other / KEYFILE_NAME, data_dir / KEYFILE_NAME)
    with pytest.raises(KeyMismatchError):
        open_store(data_dir, PASSPHRASE)
    # store.db, then store.db-alt (a duress unlock cut short? duress.recover_switch): both
    # read-only, never read-write with an unproved key
    assert opened == [True, True]
    opened.clear()
    (data_dir / DB_NAME).write_bytes(PLAIN_HEADER + bytes(4080))
    with pytest.raises(NotAStoreError):
        open_store(data_dir, PASSPHRASE)
    assert opened == []  # the plaintext header is seen before any connection


def test_missing_keyfile(data_dir: Path) -> None:
    (data_dir / KEYFILE_NAME).unlink()
    _check_refusal(data_dir, KeyfileMissingError)


def test_keyfile_without_database(data_dir: Path) -> None:
    (data_dir / DB_NAME).unlink()
    err = _check_refusal(data_dir, StoreNotFoundError)
    assert "store.db" in str(err)


def test_no_store(tmp_path: Path) -> None:
    _check_refusal(tmp_path, StoreNotFoundError)
    with pytest.raises(StoreNotFoundError):
        open_store(tmp_path / "nowhere", PASSPHRASE)
    assert not (tmp_path / "nowhere").exists()


def test_database_from_a_newer_app(data_dir: Path) -> None:
    with open_store(data_dir, PASSPHRASE) as store:
        store.execute("PRAGMA user_version = 999")
    err = _check_refusal(data_dir, StoreTooNewError)
    assert "999" in str(err)


def test_sqlite_without_sqlcipher_is_refused(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The standard module is what "no SQLCipher" looks like: it ignores the cipher pragmas.
    def plain_connect(db_path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        uri = db_path.absolute().as_uri() + ("?mode=ro&immutable=1" if read_only else "?mode=rw")
        return sqlite3.connect(uri, uri=True, isolation_level=None)

    monkeypatch.setattr(database, "_connect", plain_connect)
    _check_refusal(data_dir, SQLCipherUnavailableError)


# --- modes ---------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX modes only")
def test_modes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = create_store(tmp_path / "store", PASSPHRASE)
        store.execute("CREATE TABLE t (x)")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in store.data_dir.iterdir()}
        assert set(modes) == {
            DB_NAME,
            ALT_DB_NAME,
            KEYFILE_NAME,
            DB_NAME + "-wal",
            DB_NAME + "-shm",
        }
        assert set(modes.values()) == {0o600}
        assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700
        store.close()
    finally:
        os.umask(old)


@pytest.mark.skipif(not POSIX, reason="POSIX modes only")
def test_open_tightens_loosened_modes(data_dir: Path) -> None:
    os.chmod(data_dir, 0o755)  # noqa: S103 - loosened on purpose, to be tightened
    os.chmod(data_dir / DB_NAME, 0o644)
    os.chmod(data_dir / KEYFILE_NAME, 0o644)
    with open_store(data_dir, PASSPHRASE):
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        for path in data_dir.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


# --- passphrase change ------------------------------------------------------------------


def test_change_passphrase(data_dir: Path) -> None:
    db_before = (data_dir / DB_NAME).read_bytes()
    change_passphrase(data_dir, PASSPHRASE, NEW_PASSPHRASE)
    assert (data_dir / DB_NAME).read_bytes() == db_before  # rewrapped, not re-encrypted
    with open_store(data_dir, NEW_PASSPHRASE) as store:
        assert store.execute("SELECT text FROM probe").fetchone()[0] == "first"
    _check_refusal(data_dir, WrongPassphraseError, PASSPHRASE)


def test_change_passphrase_refusals(data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(WeakPassphraseError):
        change_passphrase(data_dir, PASSPHRASE, "short")
    with pytest.raises(WrongPassphraseError):
        change_passphrase(data_dir, "not the passphrase", NEW_PASSPHRASE)
    with pytest.raises(StoreNotFoundError):
        change_passphrase(tmp_path / "nowhere", PASSPHRASE, NEW_PASSPHRASE)
    assert snapshot(data_dir) == before
    (data_dir / KEYFILE_NAME).unlink()
    with pytest.raises(KeyfileMissingError):
        change_passphrase(data_dir, PASSPHRASE, NEW_PASSPHRASE)


def test_change_passphrase_crash_keeps_the_old_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(data_dir)

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreIOError):
        change_passphrase(data_dir, PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert snapshot(data_dir) == before
    with open_store(data_dir, PASSPHRASE):
        pass


# --- Store: transactions, closing, errors -------------------------------------------------


def _count(store: Store) -> int:
    return int(store.execute("SELECT count(*) FROM probe").fetchone()[0])


def test_transaction_commits(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO probe (text) VALUES ('a')")
        conn.execute("INSERT INTO probe (text) VALUES ('b')")
    assert _count(store) == 3
    assert not store.conn.in_transaction


def test_transaction_rolls_back_on_error(store: Store) -> None:
    def insert_then_fail() -> None:
        with store.transaction() as conn:
            conn.execute("INSERT INTO probe (text) VALUES ('a')")
            raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        insert_then_fail()
    assert _count(store) == 1
    assert not store.conn.in_transaction


def test_transaction_rolls_back_on_sql_error(store: Store) -> None:
    def insert_then_violate() -> None:
        with store.transaction() as conn:
            conn.execute("INSERT INTO probe (text) VALUES ('a')")
            conn.execute("INSERT INTO probe (text) VALUES (NULL)")

    with pytest.raises(dbapi2.IntegrityError):
        insert_then_violate()
    assert _count(store) == 1


def test_transactions_do_not_nest(store: Store) -> None:
    with store.transaction():
        with pytest.raises(RuntimeError, match="nest"), store.transaction():
            pass
        store.execute("INSERT INTO probe (text) VALUES ('kept')")
    assert _count(store) == 2


def test_close_is_idempotent_and_final(data_dir: Path) -> None:
    store = open_store(data_dir, PASSPHRASE)
    store.close()
    store.close()
    assert store.closed
    with pytest.raises(RuntimeError, match="closed"):
        _ = store.conn
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME, ALT_DB_NAME, KEYFILE_NAME]


def test_disk_full_is_store_io_error(store: Store) -> None:
    # A page limit is SQLite's own way to say "database or disk is full".
    pages = int(store.execute("PRAGMA page_count").fetchone()[0])
    store.execute(f"PRAGMA max_page_count = {pages + 2}").fetchall()
    big = "x" * 100_000
    with pytest.raises(StoreIOError) as info:
        store.execute("INSERT INTO probe (text) VALUES (?)", (big,))
    assert "disk" in str(info.value)
    with pytest.raises(StoreIOError), store.transaction() as conn:
        conn.execute("INSERT INTO probe (text) VALUES (?)", (big,))
    assert not store.conn.in_transaction
    assert _count(store) == 1


@pytest.mark.parametrize(
    "error",
    [
        dbapi2.OperationalError("database or disk is full"),
        dbapi2.OperationalError("disk I/O error"),
        dbapi2.OperationalError("attempt to write a readonly database"),
        OSError(28, "No space left on device"),
        PermissionError(13, "Permission denied"),
    ],
    ids=str,
)
def test_io_errors_are_recognised(error: BaseException) -> None:
    assert isinstance(io_error_from(error), StoreIOError)


@pytest.mark.parametrize(
    "error",
    [
        dbapi2.OperationalError("no such table: probe"),
        dbapi2.IntegrityError("NOT NULL constraint failed: probe.text"),
        ValueError("bug"),
    ],
    ids=str,
)
def test_other_errors_are_not_io_errors(error: BaseException) -> None:
    assert io_error_from(error) is None


def test_every_store_error_has_a_user_message() -> None:
    errors: list[StoreError] = [
        cls()
        for cls in (
            KeyfileCorruptError,
            KeyfileMissingError,
            KeyMismatchError,
            NotAStoreError,
            SQLCipherUnavailableError,
            StoreExistsError,
            StoreIOError,
            StoreNotFoundError,
            WeakPassphraseError,
            WrongPassphraseError,
        )
    ]
    errors.append(StoreTooNewError(5, 3))
    for err in errors:
        assert str(err) == err.user_message
        assert len(err.user_message) > 30


def test_store_is_single_threaded_by_default(store: Store) -> None:
    failures: list[BaseException] = []

    def use() -> None:
        try:
            store.conn.execute("SELECT 1")
        except BaseException as e:
            failures.append(e)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert len(failures) == 1
    assert isinstance(failures[0], dbapi2.ProgrammingError)
