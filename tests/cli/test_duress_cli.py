"""`gatewatch duress set/clear`, and the duress passphrase typed to any command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_WRONG_PASSPHRASE, main
from tests.helpers.stores import PASSPHRASE

DURESS = "kettle window orange tide"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    store = tmp_path / "store"
    assert main(["--data-dir", str(store), "init"]) == EXIT_OK
    report = tmp_path / "report.json"
    from tests.helpers.reports import example

    report.write_text(json.dumps(example(narrative="CANARYcliDURESS")), encoding="utf-8")
    assert main(["--data-dir", str(store), "report", "add", "--json", str(report)]) == EXIT_OK
    return store


def summaries(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "report", "list", "--json"]) == EXIT_OK
    return [row["summary"] for row in json.loads(capsys.readouterr().out)]


def test_duress_set_then_the_duress_passphrase_opens_only_the_decoy(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_DURESS_PASSPHRASE", DURESS)
    command = ["--data-dir", str(data_dir), "duress", "set", "--note", "Rice is dear."]
    assert main(command) == EXIT_OK
    assert "Duress passphrase set" in capsys.readouterr().out
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", DURESS)
    assert summaries(data_dir, capsys) == ["Rice is dear."]
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_WRONG_PASSPHRASE


def test_duress_clear(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_DURESS_PASSPHRASE", DURESS)
    assert main(["--data-dir", str(data_dir), "duress", "set"]) == EXIT_OK
    assert main(["--data-dir", str(data_dir), "duress", "clear"]) == EXIT_OK
    assert "removed" in capsys.readouterr().out
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", DURESS)
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_WRONG_PASSPHRASE
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    assert len(summaries(data_dir, capsys)) == 1


def test_a_weak_duress_passphrase_is_refused(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_DURESS_PASSPHRASE", "12345678")
    assert main(["--data-dir", str(data_dir), "duress", "set"]) == 2
    assert "easy to guess" in capsys.readouterr().err
