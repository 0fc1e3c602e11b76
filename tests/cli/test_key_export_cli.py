"""`gatewatch desk export-key` seals the newsroom key under a generated passphrase unless
the editor brings their own, read from a prompt or a file, never from the command line."""

from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tests.helpers.diceware_words import reads_as_words
from tests.helpers.stores import PASSPHRASE


def gw(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("GATEWATCH_KEY_PASSPHRASE", raising=False)
    folder = tmp_path / "desk"
    assert gw(folder, "desk", "init", "--public-key-out", str(tmp_path / "newsroom.pub")) == 0
    return folder


def test_the_export_generates_its_passphrase_and_states_its_strength(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert gw(desk, "desk", "export-key", "--out", str(tmp_path / "k.gwkey")) == EXIT_OK
    printed = capsys.readouterr().out.splitlines()
    assert any("7 random words, about 90 bits" in line for line in printed)
    [generated] = [
        line.strip() for line in printed if line.startswith("  ") and "-" in line.strip()
    ]
    assert reads_as_words(generated, 7)

    # The second editor reads it from a file (never on the command line).
    secret = tmp_path / "passphrase.txt"
    secret.write_text(generated + "\n", encoding="utf-8")
    second = tmp_path / "desk2"
    args = ("desk", "import-key", str(tmp_path / "k.gwkey"), "--passphrase-file", str(secret))
    assert gw(second, *args) == EXIT_OK
    assert "Newsroom key imported" in capsys.readouterr().out


def test_an_own_passphrase_from_a_file_is_held_to_the_export_floor(
    tmp_path: Path, desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kettle window\n", encoding="utf-8")
    out = tmp_path / "k.gwkey"
    args = ("desk", "export-key", "--out", str(out), "--passphrase-file", str(secret))
    assert gw(desk, *args) == EXIT_BAD_INPUT
    assert "too easy to guess" in capsys.readouterr().err
    assert not out.exists()
    secret.write_text("", encoding="utf-8")
    assert gw(desk, *args) == EXIT_BAD_INPUT
    assert "is empty" in capsys.readouterr().err
