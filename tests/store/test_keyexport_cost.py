"""A newsroom key export costs an attacker far more per guess than the store, and exports
written at the store's cost by earlier versions still open."""

import json
from pathlib import Path

from desktop.store.desk.keyexport import ExportedKey, read_key_export, write_key_export
from desktop.store.keyfile import DEFAULT_KDF
from sync.envelope import NewsroomKeyPair

PASSPHRASE = "carried across town by hand in a sealed envelope"


def key() -> ExportedKey:
    pair = NewsroomKeyPair.generate("x25519")
    return ExportedKey(pair.kem, pair.fingerprint, pair.private_bytes())


def test_an_export_costs_far_more_than_the_store(tmp_path: Path) -> None:
    exported = key()
    write_key_export(tmp_path / "k.gwkey", exported, PASSPHRASE)
    kdf = json.loads((tmp_path / "k.gwkey").read_text())["kdf"]
    assert kdf["memory_cost"] >= 4 * DEFAULT_KDF.memory_cost
    assert kdf["iterations"] >= 2 * DEFAULT_KDF.iterations
    assert read_key_export(tmp_path / "k.gwkey", PASSPHRASE) == exported


def test_an_export_written_at_the_stores_cost_still_opens(tmp_path: Path) -> None:
    exported = key()
    write_key_export(tmp_path / "old.gwkey", exported, PASSPHRASE, kdf=DEFAULT_KDF)
    assert json.loads((tmp_path / "old.gwkey").read_text())["kdf"]["memory_cost"] == 65536
    assert read_key_export(tmp_path / "old.gwkey", PASSPHRASE) == exported
