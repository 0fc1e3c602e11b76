"""The Windows data folder's ACL (desktop/store/winacl.py): what is built, and that a new
store's folder asks for it. Applying it needs Windows' security API: the release workflow's
Windows job runs the self-test, which creates a store that way."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import fsutil, winacl
from desktop.store.database import create_store

USER = "S-1-5-21-3623811015-3361044348-30300820-1013"


def test_the_dacl_grants_the_user_alone_and_is_protected() -> None:
    sddl = winacl.private_dacl_sddl(USER)
    assert sddl == f"D:P(A;OICI;FA;;;{USER})"
    # One allow entry, no group, no Everyone (WD), no Administrators (BA), no SYSTEM (SY).
    assert sddl.count("(") == 1
    for other in ("WD", "BA", "SY", "AU", "BU"):
        assert f";;;{other})" not in sddl


@pytest.mark.parametrize(
    "bad",
    ["", "WD", "S-1", "S-1-5-21-1)(A;OICI;FA;;;WD", "S-1-5-21-1;", "s-1-5-21-1", " S-1-5-18"],
)
def test_anything_but_a_sid_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a security identifier"):
        winacl.private_dacl_sddl(bad)


def test_a_new_store_folder_is_restricted_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Windows API is the edge that cannot run here: record what it is asked to do.
    restricted: list[Path] = []
    monkeypatch.setattr(fsutil, "WINDOWS_ACLS", True)
    monkeypatch.setattr(winacl, "restrict_to_current_user", restricted.append)
    data_dir = tmp_path / "profile" / "Gatewatch"
    create_store(data_dir, "a long enough passphrase for the test").close()
    assert restricted
    assert set(restricted) == {data_dir}
