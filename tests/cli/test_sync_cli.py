"""`gatewatch enroll`, `sync`, `desk …`, `report add --photo` and `report photo` against a
real server on 127.0.0.1."""

import json
import socket
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK
from desktop.services.photos import import_photo
from sync.envelope import NewsroomPublicKey
from sync.server.store import ServerStore
from tests.helpers.cli import env, gw, write_json
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.photos import CANARIES, jpeg_with_metadata
from tests.helpers.servers import desk_token, invite

__all__ = ["desk_dir", "env", "server"]  # fixtures


def test_desk_init_writes_the_public_key_once(
    tmp_path: Path, desk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = (tmp_path / "k").read_text()
    assert NewsroomPublicKey.from_text(first).kem == "x25519"
    assert gw(desk_dir, "desk", "init", "--public-key-out", str(tmp_path / "again")) == EXIT_OK
    assert "no new key was made" in capsys.readouterr().out
    assert (tmp_path / "again").read_text() == first
    assert "PRIVATE" not in first.upper()


def test_enroll_add_photos_sync_pull_list(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir), "--label", "l3") == 0
    assert "Enrolled as device gw-" in capsys.readouterr().out
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_FAILURE
    assert "already enrolled" in capsys.readouterr().err

    photo = tmp_path / "gate.jpg"
    photo.write_bytes(jpeg_with_metadata())
    report_file = write_json(tmp_path / "r.json", narrative="ဂိတ် ပိတ်ထားသည် CANARY-cli")
    args = ["report", "add", "--json", str(report_file), "--photo", str(photo)]
    assert gw(corr, *args, "--photo", str(photo)) == EXIT_OK
    report_id = capsys.readouterr().out.strip()
    assert gw(corr, "report", "photo", report_id, "2", "--out", str(tmp_path / "out.jpg")) == 0
    stored_photo = (tmp_path / "out.jpg").read_bytes()
    assert stored_photo.startswith(b"\xff\xd8")
    assert not any(canary in stored_photo for canary in CANARIES.values())
    assert gw(corr, "report", "photo", report_id, "3", "--out", str(tmp_path / "x")) == 2
    with pytest.raises(SystemExit) as usage:  # argparse: a usage error
        gw(corr, "report", "photo", report_id, "0", "--out", str(tmp_path / "x"))
    assert usage.value.code == EXIT_BAD_INPUT

    capsys.readouterr()
    assert gw(corr, "sync") == EXIT_OK
    assert "Sent 1 report(s); the outbox is empty." in capsys.readouterr().out
    assert gw(corr, "sync") == EXIT_OK

    token = f"--token={desk_token(server_dir)}"  # a token may begin with "-"
    assert gw(desk_dir, "desk", "connect", "--server", url, token) == EXIT_OK
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    out = capsys.readouterr().out
    assert "1 report(s), 2 photo(s) complete, 0 refused" in out
    assert gw(desk_dir, "desk", "list", "--json") == EXIT_OK
    [received] = json.loads(capsys.readouterr().out)
    assert gw(corr, "report", "show", report_id, "--json") == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    shown.pop("state")
    assert {k: received[k] for k in shown} == shown
    assert received["device_label"] == "laptop"  # the admin's label wins
    assert received["received_at"].endswith("Z")
    assert [p["complete"] for p in received["photos"]] == [True, True]
    assert gw(desk_dir, "desk", "photo", report_id, "2", "--out", str(tmp_path / "d.jpg")) == 0
    # The desk cleans every photo again on the way out (desktop/services/desk/photos.py).
    assert (tmp_path / "d.jpg").read_bytes() == import_photo(stored_photo, max_edge=8000).data
    assert gw(desk_dir, "desk", "list") == EXIT_OK
    assert "CANARY-cli" in capsys.readouterr().out


def test_sync_says_why_in_one_line(
    tmp_path: Path, server: tuple[str, Path], capsys: pytest.CaptureFixture[str], env: None
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "report", "add", "--json", str(write_json(tmp_path / "r.json"))) == EXIT_OK
    capsys.readouterr()
    assert gw(corr, "sync") == EXIT_FAILURE
    err = capsys.readouterr().err
    assert err.startswith("gatewatch: not_enrolled: ")
    assert err.count("\n") == 1

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    assert gw(corr, "enroll", "--server", dead, "--code", invite(server_dir)) == EXIT_FAILURE
    assert "offline" in capsys.readouterr().err
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    with ServerStore.open(server_dir) as admin:
        [device] = [d for d in admin.tokens.devices() if d.enrolled]
        admin.tokens.revoke_device(device.device_id)
    capsys.readouterr()
    assert gw(corr, "sync") == EXIT_FAILURE
    captured = capsys.readouterr()
    assert "Sent 0 report(s); 1 still queued." in captured.out
    assert captured.err.startswith("gatewatch: revoked: ")
    assert captured.err.count("\n") == 1


def test_enroll_refuses_a_fingerprint_mismatch(
    tmp_path: Path, server: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    code = invite(server_dir, fingerprint="0" * 32)
    assert gw(corr, "enroll", "--server", url, "--code", code) == EXIT_FAILURE
    assert "different newsroom key" in capsys.readouterr().err
    assert gw(corr, "enroll", "--server", url, "--code", "gwinvite1:nope") == EXIT_BAD_INPUT


def test_a_bad_photo_fails_before_anything_is_stored(
    tmp_path: Path, env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    not_a_photo = tmp_path / "notes.txt"
    not_a_photo.write_text("hello")
    report_file = write_json(tmp_path / "r.json")
    assert gw(corr, "report", "add", "--json", str(report_file), "--photo", str(not_a_photo)) == 2
    capsys.readouterr()
    assert gw(corr, "report", "list", "--json") == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_desk_pull_before_connect(desk_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gw(desk_dir, "desk", "pull") == EXIT_FAILURE
    assert "desk connect" in capsys.readouterr().err
