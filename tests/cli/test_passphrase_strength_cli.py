"""Every passphrase set from the command line meets the floor of what it protects."""

from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_WRONG_PASSPHRASE, main
from desktop.store.database import store_exists
from tests.helpers.stores import PASSPHRASE

WEAK = [" " * 8, "12345678", "aaaaaaaa", "password"]


def gw(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@pytest.mark.parametrize("weak", WEAK)
def test_init_refuses_a_guessable_passphrase(
    tmp_path: Path, weak: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", weak)
    assert gw(tmp_path / "store", "init") == EXIT_BAD_INPUT
    assert "too easy to guess" in capsys.readouterr().err
    assert not store_exists(tmp_path / "store")


@pytest.mark.parametrize("weak", WEAK)
def test_passwd_refuses_a_guessable_new_passphrase(
    tmp_path: Path, weak: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    assert gw(tmp_path / "store", "init") == EXIT_OK
    monkeypatch.setenv("GATEWATCH_NEW_PASSPHRASE", weak)
    assert gw(tmp_path / "store", "passwd") == EXIT_BAD_INPUT
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", weak)
    assert gw(tmp_path / "store", "retention") == EXIT_WRONG_PASSPHRASE  # unchanged
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    assert gw(tmp_path / "store", "retention") == EXIT_OK


@pytest.mark.parametrize("weak", ["12345678", "kettle window"])
def test_a_key_export_needs_the_higher_floor(
    tmp_path: Path, weak: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    desk = tmp_path / "desk"
    assert gw(desk, "desk", "init", "--public-key-out", str(tmp_path / "newsroom.pub")) == EXIT_OK
    monkeypatch.setenv("GATEWATCH_KEY_PASSPHRASE", weak)
    capsys.readouterr()
    assert gw(desk, "desk", "export-key", "--out", str(tmp_path / "k.gwkey")) == EXIT_BAD_INPUT
    assert "too easy to guess" in capsys.readouterr().err
    assert not (tmp_path / "k.gwkey").exists()
