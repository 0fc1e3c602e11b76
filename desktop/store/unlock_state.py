"""What the unlock screen must know before the store is open, kept beside the keyfile.

`store.unlock` is a tiny plaintext JSON file holding only: the count of wrong passphrases
in a row, the wipe-after-N setting, and the interface language. It reveals that the app
is in use (so does the keyfile) and nothing about any report. The counter defends against
guessing at a checkpoint, not against someone who copies the files: they face Argon2id.
A missing or damaged file reads as the defaults, so it can never lock a user out.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from desktop.fsread import read_bounded
from desktop.store import fsutil
from desktop.store.errors import StoreIOError

UNLOCK_STATE_NAME = "store.unlock"
DEFAULT_WIPE_AFTER = 10
MAX_WIPE_AFTER = 1000
LANGUAGES = ("en", "my")
_MAX_BYTES = 4096


@dataclass(frozen=True)
class UnlockState:
    """Failed attempts so far; wipe after this many (0 = never); the interface language."""

    failed_attempts: int = 0
    wipe_after: int = DEFAULT_WIPE_AFTER
    language: str = "en"


def read_unlock_state(data_dir: Path) -> UnlockState:
    """The state in `data_dir`, or the defaults if the file is missing or damaged.

    Reads at most 4 KiB of the file. Never raises for what the file holds: too large, not
    UTF-8 or not JSON, nested too deep, fields of the wrong type or out of range.
    """
    try:
        data = json.loads(read_bounded(data_dir / UNLOCK_STATE_NAME, _MAX_BYTES))
    except (OSError, ValueError, RecursionError):  # TooLargeError is a ValueError
        return UnlockState()
    if not isinstance(data, dict):
        return UnlockState()
    state = UnlockState()
    failed, wipe_after, language = (
        data.get("failed_attempts"),
        data.get("wipe_after"),
        data.get("language"),
    )
    if isinstance(failed, int) and not isinstance(failed, bool) and 0 <= failed <= 10**6:
        state = replace(state, failed_attempts=failed)
    if (
        isinstance(wipe_after, int)
        and not isinstance(wipe_after, bool)
        and 0 <= wipe_after <= MAX_WIPE_AFTER
    ):
        state = replace(state, wipe_after=wipe_after)
    if language in LANGUAGES:
        state = replace(state, language=language)
    return state


def write_unlock_state(data_dir: Path, state: UnlockState) -> None:
    """Replace the file atomically (0600). Raises StoreIOError if the disk refuses."""
    if not 0 <= state.wipe_after <= MAX_WIPE_AFTER or state.language not in LANGUAGES:
        raise ValueError("wipe_after must be 0 to 1000 and the language en or my")
    try:
        fsutil.make_private_dir(data_dir)
        fsutil.atomic_write(data_dir / UNLOCK_STATE_NAME, json.dumps(asdict(state)).encode())
    except OSError as e:
        raise StoreIOError() from e
