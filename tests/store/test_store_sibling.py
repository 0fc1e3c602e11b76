"""`Store.open_sibling`: more connections with the key the unlock derived, never again from
the passphrase, and none once the store is closed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.store import keyslots
from desktop.store.database import Store, create_store, open_store

PASSPHRASE = "correct horse battery staple"


def count_derivations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = keyslots.derive

    def counting(*args: object) -> bytearray:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(keyslots, "derive", counting)
    return calls


def test_a_sibling_opens_the_same_store_without_deriving_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_store(tmp_path / "s", PASSPHRASE).close()
    calls = count_derivations(monkeypatch)
    with open_store(tmp_path / "s", PASSPHRASE) as store:
        assert len(calls) == 1
        store.execute("CREATE TABLE t (x TEXT)")
        store.execute("INSERT INTO t VALUES ('seen by both')")
        rows: list[object] = []
        data_dirs: list[Path] = []

        def on_another_thread() -> None:  # as the sync and the health check open theirs
            with store.open_sibling() as sibling:  # it belongs to the thread that opened it
                data_dirs.append(sibling.data_dir)
                rows.extend(sibling.execute("SELECT x FROM t").fetchall())

        thread = threading.Thread(target=on_another_thread)
        thread.start()
        thread.join()
        assert len(calls) == 1
        assert data_dirs == [store.data_dir]
        assert [tuple(r) for r in rows] == [("seen by both",)]  # type: ignore[arg-type]


def test_a_closed_store_opens_no_sibling_and_wipes_its_key(tmp_path: Path) -> None:
    store = create_store(tmp_path / "s", PASSPHRASE)
    kept = store._key  # the copy open_sibling uses
    assert kept is not None
    assert any(kept)
    store.close()
    assert not any(kept)  # zeroed, not just dropped
    with pytest.raises(RuntimeError, match="closed"):
        store.open_sibling()


def test_a_sibling_opened_before_the_close_stays_its_owners(tmp_path: Path) -> None:
    """A sibling opened before the close stays the caller's to close; one asked for after
    the close is refused."""
    store = open_store_created(tmp_path)
    sibling = store.open_sibling()
    store.close()
    assert sibling.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    sibling.close()
    with pytest.raises(RuntimeError):
        store.open_sibling()


def open_store_created(tmp_path: Path) -> Store:
    create_store(tmp_path / "s", PASSPHRASE).close()
    return open_store(tmp_path / "s", PASSPHRASE)
