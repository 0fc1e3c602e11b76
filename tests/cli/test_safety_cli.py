"""`gatewatch check`, `backup`, `restore` and `travel` on real stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_FAILURE, EXIT_OK, EXIT_WRONG_PASSPHRASE, main
from desktop.store.database import DB_NAME, open_store
from tests.helpers.reports import example
from tests.helpers.stores import PAGE, PASSPHRASE, damage, fill

CANARY = "CANARYtravel5521"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    store = tmp_path / "store"
    assert main(["--data-dir", str(store), "init"]) == EXIT_OK
    return store


def add(data_dir: Path, tmp_path: Path, narrative: str, *, draft: bool = False) -> str:
    report = tmp_path / "report.json"
    report.write_text(json.dumps(example(narrative=narrative)), encoding="utf-8")
    command = ["--data-dir", str(data_dir), "report", "add", "--json", str(report)]
    assert main(command + (["--draft"] if draft else [])) == EXIT_OK
    return report.name


def listed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "report", "list", "--json"]) == EXIT_OK
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_damage_is_said_plainly_and_a_backup_brings_every_report_back(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema_pages = (data_dir / DB_NAME).stat().st_size // PAGE  # a new store's
    with open_store(data_dir, PASSPHRASE) as store:
        fill(store, 150)
    assert main(["--data-dir", str(data_dir), "check"]) == EXIT_OK
    backup = tmp_path / "laptop.gwbackup"
    assert main(["--data-dir", str(data_dir), "backup", "--out", str(backup)]) == EXIT_OK
    before = listed(data_dir, capsys)
    assert len(before) == 150

    damage(data_dir / DB_NAME, after=schema_pages)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "check"]) == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "the store is damaged" in err
    assert "gatewatch restore" in err
    code = main(["--data-dir", str(data_dir), "report", "list"])
    err = capsys.readouterr().err
    assert code == EXIT_FAILURE
    assert "damaged" in err
    assert "unexpected error" not in err

    assert main(["--data-dir", str(data_dir), "restore", str(backup)]) == EXIT_FAILURE
    assert "--replace" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "restore", str(backup), "--replace"]) == EXIT_OK
    assert main(["--data-dir", str(data_dir), "check"]) == EXIT_OK
    assert listed(data_dir, capsys) == before


def test_restore_checks_the_passphrase_first(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "laptop.gwbackup"
    assert main(["--data-dir", str(data_dir), "backup", "--out", str(backup)]) == EXIT_OK
    snapshot = (data_dir / DB_NAME).read_bytes()
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", "not the passphrase at all")
    code = main(["--data-dir", str(data_dir), "restore", str(backup), "--replace"])
    assert code == EXIT_WRONG_PASSPHRASE
    assert (data_dir / DB_NAME).read_bytes() == snapshot


def test_a_store_damaged_where_its_tables_are_listed_says_so(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(data_dir, tmp_path, "The gate is closed.")
    db = data_dir / DB_NAME
    with open(db, "r+b") as f:  # every page but the first: the schema cannot be read
        for page in range(1, db.stat().st_size // PAGE):
            f.seek(PAGE * page + 100)
            f.write(bytes(32))
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "damaged" in err
    assert "unexpected error" not in err


def test_travel_says_what_stays_readable(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(3):
        add(data_dir, tmp_path, f"draft {index}", draft=True)
    add(data_dir, tmp_path, CANARY)  # queued on a computer not enrolled: nothing seals it
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "travel"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Readable on this laptop now: 3 draft(s), 1 waiting report(s)" in out
    assert "3 draft(s) stay readable on this laptop." in out
    assert "1 waiting report(s) also stay readable: this computer is not connected" in out
