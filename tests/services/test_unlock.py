from pathlib import Path

import pytest

from desktop.services.unlock import (
    StoreWipedError,
    WrongPassphraseCountedError,
    set_unlock_settings,
    start_unlock_state,
    tries_left,
    unlock,
    unlock_language,
)
from desktop.store.database import create_store
from desktop.store.unlock_state import (
    UNLOCK_STATE_NAME,
    UnlockState,
    read_unlock_state,
    write_unlock_state,
)
from tests.helpers.stores import PASSPHRASE, wiped


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    create_store(path, PASSPHRASE).close()
    return path


def test_wrong_tries_count_down_and_survive_restarts(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(wipe_after=3))
    with pytest.raises(WrongPassphraseCountedError) as first:
        unlock(data_dir, "wrong one")
    assert first.value.remaining == 2
    assert read_unlock_state(data_dir).failed_attempts == 1  # on disk: a restart keeps it
    with pytest.raises(WrongPassphraseCountedError, match="One more wrong try"):
        unlock(data_dir, "wrong two")
    unlock(data_dir, PASSPHRASE).close()
    assert read_unlock_state(data_dir).failed_attempts == 0


def test_reaching_the_limit_wipes_everything(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(wipe_after=2, language="my"))
    with pytest.raises(WrongPassphraseCountedError):
        unlock(data_dir, "wrong")
    with pytest.raises(StoreWipedError):
        unlock(data_dir, "wrong again")
    assert wiped(data_dir)


def test_zero_means_no_limit(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(wipe_after=0))
    for _ in range(12):
        with pytest.raises(WrongPassphraseCountedError) as caught:
            unlock(data_dir, "wrong")
        assert caught.value.remaining is None
    unlock(data_dir, PASSPHRASE).close()


def test_default_limit_is_ten(data_dir: Path) -> None:
    for expected in range(9, 0, -1):
        with pytest.raises(WrongPassphraseCountedError) as caught:
            unlock(data_dir, "wrong")
        assert caught.value.remaining == expected
    with pytest.raises(StoreWipedError):
        unlock(data_dir, "wrong")


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[]", b'{"failed_attempts": -4, "wipe_after": true}', b"x" * 10_000],
)
def test_damaged_state_reads_as_defaults(data_dir: Path, content: bytes) -> None:
    (data_dir / UNLOCK_STATE_NAME).write_bytes(content)
    assert read_unlock_state(data_dir) == UnlockState()


def test_state_file_is_private_and_holds_nothing_else(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(failed_attempts=2, wipe_after=5, language="my"))
    path = data_dir / UNLOCK_STATE_NAME
    assert path.stat().st_mode & 0o777 == 0o600
    assert read_unlock_state(data_dir) == UnlockState(2, 5, "my")
    import json

    assert set(json.loads(path.read_text())) == {"failed_attempts", "wipe_after", "language"}


def test_changed_settings_keep_the_count_of_wrong_tries(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(wipe_after=5))
    with pytest.raises(WrongPassphraseCountedError):
        unlock(data_dir, "wrong")
    set_unlock_settings(data_dir, wipe_after=3, language="my")  # the Settings dialog
    assert read_unlock_state(data_dir) == UnlockState(1, 3, "my")  # a guess is not forgiven
    assert tries_left(data_dir) == (2, 3)
    assert unlock_language(data_dir) == "my"


def test_a_new_store_starts_with_no_wrong_try(data_dir: Path) -> None:
    write_unlock_state(data_dir, UnlockState(failed_attempts=4, wipe_after=5))
    start_unlock_state(data_dir, wipe_after=0, language="en")
    assert read_unlock_state(data_dir) == UnlockState(0, 0, "en")
    assert tries_left(data_dir) == (None, 0)
