"""The unlock state beside the keyfile: whatever the file holds, reading never fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store.unlock_state import (
    UNLOCK_STATE_NAME,
    UnlockState,
    read_unlock_state,
    write_unlock_state,
)


def test_round_trip(tmp_path: Path) -> None:
    write_unlock_state(tmp_path, UnlockState(failed_attempts=2, wipe_after=5, language="my"))
    assert read_unlock_state(tmp_path) == UnlockState(2, 5, "my")


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 4000,  # nested too deep for the JSON parser: RecursionError
        b'{"a":' * 3000 + b"1" + b"}" * 3000,
        b" " * 5000,  # over the size limit
        b"\xff\xfe not utf-8",
        b"",
        b"null",
        b'{"failed_attempts": 1e999, "wipe_after": "3", "language": ["my"]}',
    ],
    ids=["brackets", "objects", "oversized", "binary", "empty", "null", "wrong-types"],
)
def test_a_damaged_file_reads_as_the_defaults(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / UNLOCK_STATE_NAME).write_bytes(raw)
    assert read_unlock_state(tmp_path) == UnlockState()


def test_a_directory_in_its_place_reads_as_the_defaults(tmp_path: Path) -> None:
    (tmp_path / UNLOCK_STATE_NAME).mkdir()
    assert read_unlock_state(tmp_path) == UnlockState()
