"""``gatewatch-server``: init, enroll-code, desk-token, devices, revoke, stats, serve."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sync import protocol
from sync.envelope import DeviceSigningKey, NewsroomKeyPair
from sync.server.runner import certificate_sha256
from sync.server.testing import running_server, self_signed_cert
from tests.helpers.servers import free_port
from tests.helpers.servers import run_server_cli as run
from tests.sync.conftest import b64

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def key_file(tmp_path: Path, server_newsroom: NewsroomKeyPair) -> Path:
    path = tmp_path / "newsroom.pub"
    path.write_text(server_newsroom.public_key.to_text() + "\n")
    return path


@pytest.fixture
def data_dir(
    tmp_path: Path, key_file: Path, server_backend: str, request: pytest.FixtureRequest
) -> Path:
    """An initialized server on each engine (PostgreSQL: ``init --database``)."""
    folder = tmp_path / "server"
    database = []
    if server_backend == "postgresql":
        database = ["--database", request.getfixturevalue("server_postgres").new_database()]
    command = ["--data-dir", str(folder), "init", "--newsroom-key", str(key_file), *database]
    assert run(*command)[0] == 0
    return folder


def test_init_creates_a_private_folder_and_is_idempotent(
    tmp_path: Path, key_file: Path, server_newsroom: NewsroomKeyPair
) -> None:
    folder = tmp_path / "srv"
    code, out = run("--data-dir", str(folder), "init", "--newsroom-key", str(key_file))
    assert code == 0
    assert server_newsroom.fingerprint in out
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "server.db").stat().st_mode & 0o777 == 0o600
    assert run("--data-dir", str(folder), "init", "--newsroom-key", str(key_file))[0] == 0
    other = tmp_path / "other.pub"
    other.write_text(NewsroomKeyPair.generate("x25519").public_key.to_text())
    code, _ = run("--data-dir", str(folder), "init", "--newsroom-key", str(other))
    assert code == 1


def test_init_refuses_a_private_key_and_garbage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], server_newsroom: NewsroomKeyPair
) -> None:
    private = tmp_path / "newsroom.key"
    private.write_text(
        "gatewatch-newsroom-private-key:v1:x25519:" + b64(server_newsroom.private_bytes())
    )
    code, _ = run("--data-dir", str(tmp_path / "a"), "init", "--newsroom-key", str(private))
    assert code == 2
    err = capsys.readouterr().err
    assert "private key" in err
    assert b64(server_newsroom.private_bytes()) not in err
    assert len(err.strip().splitlines()) == 1
    garbage = tmp_path / "garbage"
    garbage.write_bytes(b"\x00\xff not a key")
    assert run("--data-dir", str(tmp_path / "b"), "init", "--newsroom-key", str(garbage))[0] == 2
    missing = tmp_path / "nope"
    assert run("--data-dir", str(tmp_path / "c"), "init", "--newsroom-key", str(missing))[0] == 2
    assert not (tmp_path / "a").exists()


def test_commands_need_an_initialized_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["stats"], ["devices"], ["enroll-code"], ["desk-token"], ["revoke", "x"]):
        assert run("--data-dir", str(tmp_path / "none"), *command)[0] == 1
        assert "init" in capsys.readouterr().err


def test_bad_arguments_exit_2(data_dir: Path) -> None:
    assert run("--data-dir", str(data_dir))[0] == 2
    assert run("--data-dir", str(data_dir), "frobnicate")[0] == 2
    assert run("--data-dir", str(data_dir), "enroll-code", "--label", "a\nb")[0] == 2
    assert run("--data-dir", str(data_dir), "enroll-code", "--label", "x" * 65)[0] == 2
    assert run("--data-dir", str(data_dir), "serve", "--tls-cert", "c.pem")[0] == 2
    assert run("--data-dir", str(data_dir), "serve", "--port", "0")[0] == 2
    assert run("--data-dir", str(data_dir), "revoke", "gw-nobody")[0] == 2
    assert run("--data-dir", str(data_dir), "revoke-desk-token", "99")[0] == 2
    assert run("--data-dir", str(data_dir), "--help")[0] == 0


def test_enroll_code_prints_an_invite_on_its_last_line(
    data_dir: Path, server_newsroom: NewsroomKeyPair
) -> None:
    code, out = run("--data-dir", str(data_dir), "enroll-code", "--label", "Laiza laptop")
    assert code == 0
    invite = protocol.decode_invite(out.strip().splitlines()[-1])
    assert invite.newsroom_fingerprint == server_newsroom.fingerprint
    assert invite.tls_sha256 is None
    assert invite.server_url is None
    # The token enrolls a device, once, on a real server.
    with running_server(data_dir) as url:
        body = {"device_public_key": b64(DeviceSigningKey.generate().public_bytes())}
        auth = {"Authorization": f"Bearer {invite.token}"}
        first = requests.post(f"{url}/v1/enroll", json=body, headers=auth, timeout=10)
        assert first.status_code == 200
        assert first.json()["newsroom_fingerprint"] == invite.newsroom_fingerprint
        again = requests.post(f"{url}/v1/enroll", json=body, headers=auth, timeout=10)
        assert again.status_code == 401  # the invite was exchanged for a device token


def test_enroll_code_carries_the_tls_fingerprint(tmp_path: Path, data_dir: Path) -> None:
    cert, _ = self_signed_cert(tmp_path)
    code, out = run(
        "--data-dir",
        str(data_dir),
        "enroll-code",
        "--tls-cert",
        str(cert),
        "--server-url",
        "https://news.example:8443/",
    )
    assert code == 0
    invite = protocol.decode_invite(out.splitlines()[-1])
    assert invite.tls_sha256 == certificate_sha256(cert)
    assert invite.server_url == "https://news.example:8443"
    # Stored at init, it is used without --tls-cert.
    other = tmp_path / "srv2"
    key = tmp_path / "k.pub"
    key.write_text(NewsroomKeyPair.generate("x25519").public_key.to_text())
    assert (
        run("--data-dir", str(other), "init", "--newsroom-key", str(key), "--tls-cert", str(cert))[
            0
        ]
        == 0
    )
    invite2 = protocol.decode_invite(
        run("--data-dir", str(other), "enroll-code")[1].splitlines()[-1]
    )
    assert invite2.tls_sha256 == certificate_sha256(cert)
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    assert run("--data-dir", str(data_dir), "enroll-code", "--tls-cert", str(bad))[0] == 2


def test_desk_token_devices_revoke_and_stats(data_dir: Path) -> None:
    code, out = run("--data-dir", str(data_dir), "desk-token", "--label", "editor")
    assert code == 0
    desk_token = out.strip().splitlines()[-1]
    assert protocol.TOKEN_PATTERN.fullmatch(desk_token)
    invite = protocol.decode_invite(
        run("--data-dir", str(data_dir), "enroll-code", "--label", "Pang War")[1].splitlines()[-1]
    )
    run("--data-dir", str(data_dir), "enroll-code")  # a second, unused invite

    device_key = DeviceSigningKey.generate()
    with running_server(data_dir) as url:
        enrolled = requests.post(
            f"{url}/v1/enroll",
            json={"device_public_key": b64(device_key.public_bytes())},
            headers={"Authorization": f"Bearer {invite.token}"},
            timeout=10,
        ).json()
        listed = requests.get(
            f"{url}/v1/devices", headers={"Authorization": f"Bearer {desk_token}"}, timeout=10
        )
        assert listed.status_code == 200
    device_id = enrolled["device_id"]

    code, out = run("--data-dir", str(data_dir), "devices", "--json")
    assert code == 0
    devices = {d["device_id"]: d for d in json.loads(out)}
    assert len(devices) == 2
    assert devices[device_id]["state"] == "enrolled"
    assert devices[device_id]["label"] == "Pang War"
    assert devices[device_id]["public_key"] == b64(device_key.public_bytes())
    assert [d["state"] for d in devices.values() if d["device_id"] != device_id] == ["invited"]
    code, text = run("--data-dir", str(data_dir), "devices")
    assert code == 0
    assert device_id in text

    stats = json.loads(run("--data-dir", str(data_dir), "stats", "--json")[1])
    assert stats["envelopes"] == 0
    assert stats["devices"] == 1
    assert stats["invites_pending"] == 1
    assert stats["desk_tokens"] == 1

    code, out = run("--data-dir", str(data_dir), "revoke", device_id)
    assert code == 0
    devices = {
        d["device_id"]: d
        for d in json.loads(run("--data-dir", str(data_dir), "devices", "--json")[1])
    }
    assert devices[device_id]["state"] == "revoked"
    assert (
        json.loads(run("--data-dir", str(data_dir), "stats", "--json")[1])["devices_revoked"] == 1
    )
    with running_server(data_dir) as url:
        refused = requests.get(
            f"{url}/v1/health",
            headers={"Authorization": f"Bearer {enrolled['device_token']}"},
            timeout=10,
        )
        assert refused.status_code == 403
        assert refused.json()["error"] == "device_revoked"
    assert run("--data-dir", str(data_dir), "revoke-desk-token", "1")[0] == 0


def test_serve_runs_uvicorn_with_tls(tmp_path: Path, data_dir: Path) -> None:
    cert, key = self_signed_cert(tmp_path)
    port = free_port()
    desk = run("--data-dir", str(data_dir), "desk-token")[1].splitlines()[-1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HTTP", "HTTPS", "ALL_"))}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server",
            "--data-dir",
            str(data_dir),
            "serve",
            "--port",
            str(port),
            "--tls-cert",
            str(cert),
            "--tls-key",
            str(key),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                response = requests.get(
                    f"https://127.0.0.1:{port}/v1/health",
                    headers={"Authorization": f"Bearer {desk}"},
                    verify=str(cert),
                    timeout=2,
                )
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert response.status_code == 200
        assert "server" not in {k.lower() for k in response.headers}
    finally:
        proc.send_signal(signal.SIGINT)
        # A second Ctrl+C skips waiting for the TLS connection's close_notify.
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert certificate_sha256(cert) in out
    assert desk not in out + err
    # The certificate is remembered for later invites.
    invite = protocol.decode_invite(
        run("--data-dir", str(data_dir), "enroll-code")[1].splitlines()[-1]
    )
    assert invite.tls_sha256 == certificate_sha256(cert)
