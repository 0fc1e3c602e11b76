"""`gatewatch desk devices / approve / revoke` and `desk inbox --unapproved` against a
real server on 127.0.0.1."""

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from tests.helpers.cli import env, gw, write_json
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.servers import desk_token, invite

__all__ = ["desk_dir", "env", "server"]  # fixtures


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_an_editor_lists_approves_and_revokes_devices(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    report = write_json(tmp_path / "r.json", narrative="KIA barbed wire across the road")
    assert gw(corr, "report", "add", "--json", str(report)) == EXIT_OK
    report_id = out(capsys).strip().splitlines()[-1]
    assert gw(corr, "sync") == EXIT_OK
    token = f"--token={desk_token(server_dir)}"
    assert gw(desk_dir, "desk", "connect", "--server", url, token) == EXIT_OK
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    capsys.readouterr()

    assert gw(desk_dir, "desk", "devices", "--json") == EXIT_OK
    [device] = json.loads(out(capsys))
    assert (device["state"], device["label"], device["reports"]) == ("unapproved", "laptop", 1)
    assert len(device["fingerprint"]) == 32
    assert device["enrolled_at"]
    assert gw(desk_dir, "desk", "devices") == EXIT_OK
    listing = out(capsys)
    assert "unapproved" in listing
    assert "1 reports wait for their device's approval" in listing
    assert gw(desk_dir, "desk", "inbox", "--unapproved", "--json") == EXIT_OK
    assert [r["id"] for r in json.loads(out(capsys))] == [report_id]

    assert gw(desk_dir, "desk", "approve", "laptop") == EXIT_OK  # by its label
    assert "approved by" in out(capsys)
    assert gw(desk_dir, "desk", "inbox", "--unapproved", "--json") == EXIT_OK
    assert json.loads(out(capsys)) == []
    assert gw(desk_dir, "desk", "revoke", device["device_id"]) == EXIT_OK
    assert "revoked by" in out(capsys)
    assert gw(desk_dir, "desk", "devices", "--json") == EXIT_OK
    [after] = json.loads(out(capsys))
    assert after["state"] == "revoked"
    assert after["revoked_at"]

    assert gw(desk_dir, "desk", "approve", device["device_id"]) == EXIT_BAD_INPUT
    assert "a revocation is final" in capsys.readouterr().err
    assert gw(desk_dir, "desk", "approve", "no such device") == EXIT_BAD_INPUT
    assert "there is no device" in capsys.readouterr().err
