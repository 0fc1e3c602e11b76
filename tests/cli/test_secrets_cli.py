"""An invite and a desk token never need to be on the command line (readable in /proc)."""

import io
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from tests.helpers.cli import env, gw
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.servers import desk_token, invite
from tests.helpers.stores import PASSPHRASE

__all__ = ["desk_dir", "env", "server"]  # fixtures


def stdin_with(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def test_the_invite_from_stdin_or_the_environment(
    tmp_path: Path,
    server: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    first, second = tmp_path / "a", tmp_path / "b"
    assert gw(first, "init") == EXIT_OK
    assert gw(second, "init") == EXIT_OK
    capsys.readouterr()
    stdin_with(monkeypatch, invite(server_dir) + "\n")
    assert gw(first, "enroll", "--server", url, "--code", "-") == EXIT_OK
    assert "Enrolled as device" in capsys.readouterr().out
    monkeypatch.setenv("GATEWATCH_INVITE", invite(server_dir))
    assert gw(second, "enroll", "--server", url) == EXIT_OK
    captured = capsys.readouterr()
    assert "Enrolled as device" in captured.out
    assert "warning" not in captured.err


def test_the_argument_form_warns(
    tmp_path: Path, server: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    capsys.readouterr()
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    err = capsys.readouterr().err
    assert "warning: --code on the command line can be read by other users" in err
    assert "GATEWATCH_INVITE" in err


def test_a_missing_secret_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], env: None
) -> None:
    monkeypatch.delenv("GATEWATCH_INVITE", raising=False)
    monkeypatch.delenv("GATEWATCH_DESK_TOKEN", raising=False)
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    capsys.readouterr()
    assert gw(corr, "enroll", "--server", "http://127.0.0.1:9") == EXIT_BAD_INPUT
    assert "`--code -` reads it from stdin, or set GATEWATCH_INVITE" in capsys.readouterr().err
    stdin_with(monkeypatch, "\n")
    assert gw(corr, "enroll", "--code", "-") == EXIT_BAD_INPUT
    assert "standard input held no invite" in capsys.readouterr().err
    assert gw(corr, "desk", "connect", "--server", "http://127.0.0.1:9") == EXIT_BAD_INPUT
    assert "GATEWATCH_DESK_TOKEN" in capsys.readouterr().err


def test_the_desk_token_from_stdin_or_the_environment(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    capsys.readouterr()
    stdin_with(monkeypatch, desk_token(server_dir))
    assert gw(desk_dir, "desk", "connect", "--server", url, "--token", "-") == EXIT_OK
    assert "Connected to" in capsys.readouterr().out
    monkeypatch.setenv("GATEWATCH_DESK_TOKEN", desk_token(server_dir))
    assert gw(desk_dir, "desk", "connect", "--server", url) == EXIT_OK
    captured = capsys.readouterr()
    assert "Connected to" in captured.out
    assert "warning" not in captured.err
    assert PASSPHRASE not in captured.out + captured.err
