"""A desk made by `gatewatch desk init` and a real server for its key, on 127.0.0.1."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK
from sync.envelope import NewsroomPublicKey
from sync.server.testing import init_server, running_server
from tests.helpers.cli import gw


@pytest.fixture
def desk_dir(tmp_path: Path, env: None, capsys: pytest.CaptureFixture[str]) -> Path:
    """The desk's store; its public key is in ``tmp_path / "k"``. Needs the `env` fixture."""
    folder = tmp_path / "desk"
    out = str(tmp_path / "k")
    assert gw(folder, "desk", "init", "--kem", "x25519", "--public-key-out", out) == EXIT_OK
    assert "Created an encrypted store" in capsys.readouterr().out
    return folder


@pytest.fixture
def server(tmp_path: Path, desk_dir: Path) -> Iterator[tuple[str, Path]]:
    """A server for the desk's key; yields (URL, server folder)."""
    key = NewsroomPublicKey.from_text((tmp_path / "k").read_text())
    init_server(tmp_path / "server", key)
    with running_server(tmp_path / "server") as url:
        yield url, tmp_path / "server"
