"""The keyfile: wrapping, strict parsing, bounds, atomic passphrase change."""

from __future__ import annotations

import base64
import json
import os
import stat
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from desktop.store import fsutil, keyfile
from desktop.store.database import DB_NAME, KEYFILE_NAME, open_store
from desktop.store.errors import (
    KeyfileCorruptError,
    KeyfileMissingError,
    PassphraseChangeUnconfirmedError,
    StoreExistsError,
    StoreIOError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from desktop.store.keyfile import (
    DEFAULT_KDF,
    KdfParams,
    create_keyfile,
    parse_keyfile,
    read_keyfile,
    rewrap,
    unwrap,
)

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple in the rain"
DATA_KEY = bytes(range(32))


@pytest.fixture(scope="module")
def valid_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("kf") / "store.key"
    create_keyfile(path, PASSPHRASE, DATA_KEY)
    doc: dict[str, Any] = json.loads(path.read_bytes())
    return doc


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.key"
    create_keyfile(path, PASSPHRASE, DATA_KEY)
    return path


def test_round_trip_returns_the_data_key(key_path: Path) -> None:
    assert unwrap(read_keyfile(key_path), PASSPHRASE) == bytearray(DATA_KEY)


def test_file_is_small_private_json_without_the_key(key_path: Path) -> None:
    raw = key_path.read_bytes()
    assert len(raw) <= keyfile.MAX_KEYFILE_BYTES
    assert DATA_KEY not in raw
    assert base64.b64encode(DATA_KEY) not in raw
    doc = json.loads(raw)
    assert doc["format"] == "gatewatch-keyfile"
    assert doc["version"] == 1
    assert doc["aead"] == "chacha20poly1305"
    assert doc["kdf"] == {
        "name": "argon2id",
        "memory_cost": 65536,
        "iterations": 3,
        "lanes": 4,
        "salt": doc["kdf"]["salt"],
    }
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    if os.name == "posix":
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600


def test_default_kdf_meets_invariant_2() -> None:
    assert DEFAULT_KDF.memory_cost >= 64 * 1024
    assert DEFAULT_KDF.iterations >= 3


def test_each_keyfile_has_its_own_salt_and_nonce(tmp_path: Path) -> None:
    a, b = tmp_path / "a.key", tmp_path / "b.key"
    create_keyfile(a, PASSPHRASE, DATA_KEY)
    create_keyfile(b, PASSPHRASE, DATA_KEY)
    doc_a, doc_b = json.loads(a.read_bytes()), json.loads(b.read_bytes())
    assert doc_a["kdf"]["salt"] != doc_b["kdf"]["salt"]
    assert doc_a["wrapped_key"] != doc_b["wrapped_key"]


def test_wrong_passphrase_is_refused(key_path: Path) -> None:
    with pytest.raises(WrongPassphraseError) as info:
        unwrap(read_keyfile(key_path), "not the passphrase")
    assert "not the passphrase" not in str(info.value)


def test_passphrase_is_nfc_normalised(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "café au lait")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    path = tmp_path / "store.key"
    create_keyfile(path, composed, DATA_KEY)
    assert unwrap(read_keyfile(path), decomposed) == bytearray(DATA_KEY)


@pytest.mark.parametrize("weak", ["", "short", "1234567", "  \u1000\u1001 "])
def test_weak_passphrase_is_refused_and_nothing_written(tmp_path: Path, weak: str) -> None:
    with pytest.raises(WeakPassphraseError):
        create_keyfile(tmp_path / "store.key", weak, DATA_KEY)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("guessable", [" " * 8, "12345678", "aaaaaaaa", "password", "password1"])
def test_guessable_passphrases_are_refused_with_advice(tmp_path: Path, guessable: str) -> None:
    with pytest.raises(WeakPassphraseError, match="too easy to guess") as caught:
        create_keyfile(tmp_path / "store.key", guessable, DATA_KEY)
    assert "Nothing was changed" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_unrelated_words_are_enough(tmp_path: Path) -> None:
    keyfile.check_passphrase("kettle window")  # zxcvbn: 3, the store's floor
    keyfile.check_passphrase("ကချင်ပြည်နယ်")  # Burmese: "Kachin State"


def test_missing_keyfile(tmp_path: Path) -> None:
    with pytest.raises(KeyfileMissingError):
        read_keyfile(tmp_path / "store.key")


def test_truncated_keyfile_is_corrupt(key_path: Path) -> None:
    raw = key_path.read_bytes()
    for cut in (0, 1, len(raw) // 2, len(raw) - 3):
        key_path.write_bytes(raw[:cut])
        with pytest.raises(KeyfileCorruptError):
            read_keyfile(key_path)


def test_oversized_keyfile_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    path.write_bytes(b" " * (keyfile.MAX_KEYFILE_BYTES + 1))
    with pytest.raises(KeyfileCorruptError):
        read_keyfile(path)


def _mutations() -> list[tuple[str, Any]]:
    def set_top(name: str, value: object) -> Any:
        return lambda d: d.__setitem__(name, value)

    def set_kdf(name: str, value: object) -> Any:
        return lambda d: d["kdf"].__setitem__(name, value)

    return [
        ("not an object", lambda d: d.clear() or d.update({"x": [1]})),
        ("other format", set_top("format", "other")),
        ("version 2", set_top("version", 2)),
        ("version 0", set_top("version", 0)),
        ("version as text", set_top("version", "1")),
        ("version as bool", set_top("version", True)),
        ("extra field", set_top("comment", "hi")),
        ("missing nonce", lambda d: d.pop("nonce")),
        ("other aead", set_top("aead", "aes-256-gcm")),
        ("other kdf", set_kdf("name", "scrypt")),
        ("kdf not object", set_top("kdf", [1, 2])),
        ("extra kdf field", set_kdf("parallel", 1)),
        ("memory 2**40", set_kdf("memory_cost", 2**40)),
        ("memory over 1 GiB", set_kdf("memory_cost", 1024 * 1024 + 1)),
        ("memory under 64 MiB", set_kdf("memory_cost", 1024)),
        ("memory as float", set_kdf("memory_cost", 65536.0)),
        ("iterations 10**9", set_kdf("iterations", 10**9)),
        ("iterations 2", set_kdf("iterations", 2)),
        ("lanes 0", set_kdf("lanes", 0)),
        ("lanes 17", set_kdf("lanes", 17)),
        ("lanes negative", set_kdf("lanes", -4)),
        ("salt short", set_kdf("salt", base64.b64encode(b"x" * 8).decode())),
        ("salt not base64", set_kdf("salt", "!!!!")),
        ("salt as number", set_kdf("salt", 7)),
        ("nonce long", set_top("nonce", base64.b64encode(b"x" * 24).decode())),
        ("wrapped key short", set_top("wrapped_key", base64.b64encode(b"x" * 32).decode())),
        ("wrapped key non-ascii", set_top("wrapped_key", "ကချင်")),
    ]


@pytest.mark.parametrize(("case", "mutate"), _mutations(), ids=[m[0] for m in _mutations()])
def test_malformed_keyfile_is_corrupt(valid_doc: dict[str, Any], case: str, mutate: Any) -> None:
    doc = json.loads(json.dumps(valid_doc))
    mutate(doc)
    with pytest.raises(KeyfileCorruptError):
        parse_keyfile(json.dumps(doc).encode())


@pytest.mark.parametrize(
    "raw",
    [b"", b"null", b"[]", b"\xff\xfe{}", b"{" * 4000, b"[" * 4000, b'{"version": NaN}'],
    ids=["empty", "null", "list", "not utf-8", "deep braces", "deep lists", "NaN"],
)
def test_garbage_keyfile_is_corrupt(raw: bytes) -> None:
    with pytest.raises(KeyfileCorruptError):
        parse_keyfile(raw)


def test_newer_version_says_so(valid_doc: dict[str, Any]) -> None:
    doc = dict(valid_doc, version=2)
    with pytest.raises(KeyfileCorruptError, match="another version of Gatewatch"):
        parse_keyfile(json.dumps(doc).encode())


def test_hostile_kdf_params_are_refused_before_any_work(
    valid_doc: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(json.dumps(valid_doc))
    doc["kdf"].update(memory_cost=2**40, iterations=2**31, lanes=2**24)
    (tmp_path / KEYFILE_NAME).write_text(json.dumps(doc))
    (tmp_path / DB_NAME).write_bytes(b"")
    derived: list[KdfParams] = []
    real_derive = keyfile._derive

    def recording(passphrase: str, kdf: KdfParams, salt: bytes) -> bytearray:
        derived.append(kdf)
        return real_derive(passphrase, kdf, salt)

    monkeypatch.setattr(keyfile, "_derive", recording)
    with pytest.raises(KeyfileCorruptError) as refused:
        open_store(tmp_path, PASSPHRASE)  # the whole unlock path, not the parser alone
    assert derived == []  # no Argon2id run was started with the file's parameters
    assert isinstance(refused.value.__cause__, ValueError)
    assert "kdf memory_cost must be" in str(refused.value.__cause__)  # the bounds said no
    # How long the refusal takes is a figure of bench/lifecycle_bench.py.


def test_altered_bound_params_fail_the_tag(key_path: Path) -> None:
    # Within bounds, so it parses; but the params are in the associated data.
    doc = json.loads(key_path.read_bytes())
    doc["kdf"]["iterations"] = 4
    wrapped = parse_keyfile(json.dumps(doc).encode())
    with pytest.raises(WrongPassphraseError):
        unwrap(wrapped, PASSPHRASE)


def test_swapped_salt_fails_the_tag(key_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.key"
    create_keyfile(other, PASSPHRASE, DATA_KEY)
    doc = json.loads(key_path.read_bytes())
    doc["kdf"]["salt"] = json.loads(other.read_bytes())["kdf"]["salt"]
    with pytest.raises(WrongPassphraseError):
        unwrap(parse_keyfile(json.dumps(doc).encode()), PASSPHRASE)


def test_explicit_kdf_params_are_used_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    params = KdfParams(memory_cost=65536, iterations=4, lanes=2)
    create_keyfile(path, PASSPHRASE, DATA_KEY, params)
    wrapped = read_keyfile(path)
    assert wrapped.kdf == params
    assert unwrap(wrapped, PASSPHRASE) == bytearray(DATA_KEY)


@pytest.mark.parametrize(
    "params",
    [
        KdfParams(memory_cost=1024, iterations=3, lanes=4),
        KdfParams(memory_cost=65536, iterations=1, lanes=4),
        KdfParams(memory_cost=65536, iterations=3, lanes=64),
    ],
)
def test_creating_with_weak_or_absurd_params_is_a_programming_error(
    tmp_path: Path, params: KdfParams
) -> None:
    with pytest.raises(ValueError, match="kdf"):
        create_keyfile(tmp_path / "store.key", PASSPHRASE, DATA_KEY, params)
    assert list(tmp_path.iterdir()) == []


def test_data_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        create_keyfile(tmp_path / "store.key", PASSPHRASE, b"short")


def test_rewrap_changes_the_passphrase_not_the_key(key_path: Path) -> None:
    rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
    wrapped = read_keyfile(key_path)
    assert unwrap(wrapped, NEW_PASSPHRASE) == bytearray(DATA_KEY)
    with pytest.raises(WrongPassphraseError):
        unwrap(wrapped, PASSPHRASE)
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["store.key"]
    if os.name == "posix":
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="the old file is shredded on POSIX only")
def test_rewrap_overwrites_the_old_keyfiles_bytes(key_path: Path) -> None:
    before = key_path.read_bytes()
    old = os.open(key_path, os.O_RDONLY)  # the old inode, as a forensic tool could find it
    try:
        rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
        left = os.pread(old, len(before) + 100, 0)
    finally:
        os.close(old)
    assert len(left) == len(before)
    assert left != before
    assert b"wrapped_key" not in left  # random bytes, not the old wrapping
    assert unwrap(read_keyfile(key_path), NEW_PASSPHRASE) == bytearray(DATA_KEY)


@pytest.mark.skipif(os.name != "posix", reason="hard links")
def test_rewrap_leaves_a_hard_linked_copy_alone(key_path: Path) -> None:
    before = key_path.read_bytes()
    backup = key_path.with_name("backup.key")
    os.link(key_path, backup)  # the user's own copy: like any copy, not revoked
    rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
    assert backup.read_bytes() == before


def test_failed_rewrap_does_not_shred_the_old_keyfile(
    key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = key_path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreIOError):
        rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert key_path.read_bytes() == before


def test_rewrap_unconfirmed_by_the_disk_says_either_passphrase_may_work(
    key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = key_path.read_bytes()
    old = os.open(key_path, os.O_RDONLY)

    def fail(path: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fsutil, "fsync_dir", fail)
    try:
        with pytest.raises(PassphraseChangeUnconfirmedError) as info:
            rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
        left = os.pread(old, len(before), 0)
    finally:
        os.close(old)
    monkeypatch.undo()
    assert isinstance(info.value, StoreIOError)
    assert "may have changed" in str(info.value)
    assert "Try the new passphrase first, then the old one" in str(info.value)
    # The rename may not be durable: the old file must still be intact for a crash.
    assert left == before
    assert unwrap(read_keyfile(key_path), NEW_PASSPHRASE) == bytearray(DATA_KEY)


def test_create_keyfile_never_replaces_a_file(key_path: Path) -> None:
    before = key_path.read_bytes()
    with pytest.raises(StoreExistsError):
        create_keyfile(key_path, NEW_PASSPHRASE, bytes(32))
    assert key_path.read_bytes() == before
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["store.key"]
    dangling = key_path.with_name("dangling.key")
    dangling.symlink_to(key_path.with_name("nowhere"))
    with pytest.raises(StoreExistsError):
        create_keyfile(dangling, PASSPHRASE, DATA_KEY)
    assert not key_path.with_name("nowhere").exists()


def test_create_keyfile_without_hard_links_still_never_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")  # FAT: no hard links

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "store.key"
    create_keyfile(path, PASSPHRASE, DATA_KEY)
    assert unwrap(read_keyfile(path), PASSPHRASE) == bytearray(DATA_KEY)
    before = path.read_bytes()
    with pytest.raises(StoreExistsError):
        create_keyfile(path, NEW_PASSPHRASE, DATA_KEY)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.key"]


def test_rewrap_never_lowers_the_kdf_cost(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    create_keyfile(path, PASSPHRASE, DATA_KEY, KdfParams(memory_cost=65536, iterations=5, lanes=2))
    rewrap(path, PASSPHRASE, NEW_PASSPHRASE)
    assert read_keyfile(path).kdf == KdfParams(memory_cost=65536, iterations=5, lanes=4)


def test_rewrap_with_wrong_old_passphrase_changes_nothing(key_path: Path) -> None:
    before = key_path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        rewrap(key_path, "not the passphrase", NEW_PASSPHRASE)
    assert key_path.read_bytes() == before


def test_rewrap_to_weak_passphrase_is_refused_first(key_path: Path) -> None:
    before = key_path.read_bytes()
    with pytest.raises(WeakPassphraseError):
        rewrap(key_path, "not even checked", "short")
    assert key_path.read_bytes() == before


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_rewrap_crash_leaves_old_passphrase_working_and_no_temp_file(
    key_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = key_path.read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, crash)
    with pytest.raises(StoreIOError):
        rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()

    assert key_path.read_bytes() == before
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["store.key"]
    assert unwrap(read_keyfile(key_path), PASSPHRASE) == bytearray(DATA_KEY)


def test_rewrap_interrupted_by_non_os_error_also_cleans_up(
    key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        rewrap(key_path, PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert sorted(p.name for p in key_path.parent.iterdir()) == ["store.key"]
    assert unwrap(read_keyfile(key_path), PASSPHRASE) == bytearray(DATA_KEY)


def test_umask_does_not_loosen_or_break_the_mode(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes only")
    old = os.umask(0)
    try:
        create_keyfile(tmp_path / "a.key", PASSPHRASE, DATA_KEY)
    finally:
        os.umask(old)
    old = os.umask(0o277)  # would leave the owner without write permission
    try:
        create_keyfile(tmp_path / "b.key", PASSPHRASE, DATA_KEY)
    finally:
        os.umask(old)
    for name in ("a.key", "b.key"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_derivations_from_two_threads_both_finish(tmp_path: Path) -> None:
    # Concurrent Argon2id calls with lanes > 1 hang in this cryptography/OpenSSL build;
    # the store serialises them. The GUI unlocks its store and its sync connection at once.
    import threading

    path = tmp_path / "store.key"
    create_keyfile(path, "a long test passphrase", bytes(32))
    wrapped = read_keyfile(path)
    results: list[bytes] = []

    def unwrap_once() -> None:
        results.append(bytes(unwrap(wrapped, "a long test passphrase")))

    threads = [threading.Thread(target=unwrap_once, daemon=True) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == [bytes(32)] * 3
