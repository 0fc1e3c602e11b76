"""Running `gatewatch` in-process on a data folder."""

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, main
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE


def gw(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def write_json(path: Path, **changes: object) -> Path:
    path.write_text(json.dumps(example(**changes), ensure_ascii=False), encoding="utf-8")
    return path


def write_report(tmp_path: Path, **changes: object) -> Path:
    return write_json(tmp_path / "report.json", **changes)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The passphrase as the command line reads it from the environment."""
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A correspondent's store made by `gatewatch init`, its passphrase in the environment."""
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("GATEWATCH_NEW_PASSPHRASE", raising=False)
    store = tmp_path / "store"
    assert main(["--data-dir", str(store), "init"]) == EXIT_OK
    return store
