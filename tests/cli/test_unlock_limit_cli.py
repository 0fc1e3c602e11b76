"""Wrong passphrases typed on the command line count towards the wipe, as in the window."""

from pathlib import Path

import pytest

from desktop.cli import EXIT_FAILURE, EXIT_OK, EXIT_WRONG_PASSPHRASE, main
from desktop.store.database import store_exists
from desktop.store.unlock_state import UnlockState, read_unlock_state, write_unlock_state
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("GATEWATCH_NEW_PASSPHRASE", raising=False)
    store = tmp_path / "store"
    assert main(["--data-dir", str(store), "init"]) == EXIT_OK
    write_unlock_state(store, UnlockState(wipe_after=3))
    return store


@pytest.mark.parametrize(
    "command",
    [
        ["report", "list"],
        ["retention"],
        ["sync"],
        ["desk", "inbox"],
        ["passwd"],
    ],
    ids=" ".join,
)
def test_wrong_passphrases_count_and_wipe_at_the_limit(
    data_dir: Path,
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GATEWATCH_NEW_PASSPHRASE", "a brand new passphrase here")
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", "not the passphrase")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), *command]) == EXIT_WRONG_PASSPHRASE
    assert "2 tries remain" in capsys.readouterr().err
    assert read_unlock_state(data_dir).failed_attempts == 1
    assert main(["--data-dir", str(data_dir), *command]) == EXIT_WRONG_PASSPHRASE
    assert "One more wrong try" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), *command]) == EXIT_FAILURE
    assert "the store was wiped" in capsys.readouterr().err
    assert not store_exists(data_dir)


def test_a_right_passphrase_resets_the_count(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", "not the passphrase")
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_WRONG_PASSPHRASE
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_WRONG_PASSPHRASE
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(data_dir), "report", "list"]) == EXIT_OK
    assert read_unlock_state(data_dir).failed_attempts == 0
    assert store_exists(data_dir)
