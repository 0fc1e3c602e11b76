"""The first step of a panic wipe, done on the GUI thread: destroy the key material now.

`desktop.store.wipe.wipe_store` does the whole wipe, key first, but it runs on the store
worker, after the connection is closed, and that may wait for a job already running (a
photo import, a search). The key file is a few hundred bytes: overwriting and unlinking
it here costs well under a millisecond, and from then on the database is ciphertext
nobody can open. This is a thin call into the store's own wipe functions, so the rule of
which files hold key material stays in one place.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.store import wipe as store_wipe


def destroy_key_material(data_dir: Path) -> list[OSError]:
    """Overwrite, sync and unlink the keyfile and its temp files in `data_dir`.

    Returns the errors met (empty: the key material is gone, or there was none). Never
    raises; a missing `data_dir` is fine. The database is left to `wipe_store`.
    """
    try:
        entries = [e for e in os.scandir(data_dir) if not e.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        return [error]
    failures: list[OSError] = []
    # The keyfile before its temp files, as wipe_store does: it is the one sure to hold it.
    for entry in sorted((e for e in entries if store_wipe.is_key_file(e.name)), key=_name):
        store_wipe._destroy_key_file(Path(entry.path), failures)
    store_wipe._sync_dir(data_dir, failures)
    return failures


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name
