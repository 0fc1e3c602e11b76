"""`gatewatch outbox export`, `desk import`, `desk receipts`, `receipts import`
(desktop/cli/handcarry.py) with real stores and a real server; and the server's relay
route refusing what a desk may not hand over."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest
import requests

from desktop.cli import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey, seal
from sync.server.store import ServerStore
from tests.helpers.cli import env, gw, write_json
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.servers import desk_token, invite

__all__ = ["desk_dir", "env", "server"]  # fixtures


def test_export_carry_import_and_receipts_back(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "outbox", "export", "--out", str(tmp_path / "x")) == EXIT_FAILURE
    assert "not enrolled" in capsys.readouterr().err
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    assert gw(desk_dir, "desk", "connect", "--server", url, "--token", desk_token(server_dir)) == 0
    assert gw(corr, "questions") == EXIT_OK  # pins the desk key, registers the device's key
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    assert gw(corr, "outbox", "export", "--out", str(tmp_path / "x")) == EXIT_BAD_INPUT
    assert "nothing waits" in capsys.readouterr().err

    assert gw(corr, "report", "add", "--json", str(write_json(tmp_path / "r.json"))) == EXIT_OK
    carried = tmp_path / "IMG_2041.jpg"
    capsys.readouterr()
    assert gw(corr, "outbox", "export", "--out", str(carried)) == EXIT_OK
    assert "1 report(s)" in capsys.readouterr().out
    assert gw(corr, "outbox", "list") == EXIT_OK
    assert "carried on " in capsys.readouterr().out

    assert gw(desk_dir, "desk", "import", str(carried)) == EXIT_OK
    out = capsys.readouterr().out
    assert "1 report(s)" in out
    assert "Handed 1 envelope(s) to the server." in out
    assert gw(desk_dir, "desk", "import", str(carried)) == EXIT_OK
    assert "imported before" in capsys.readouterr().out
    assert gw(desk_dir, "desk", "import", str(tmp_path / "r.json")) == EXIT_BAD_INPUT
    assert "not_for_us" in capsys.readouterr().err

    assert gw(desk_dir, "desk", "list", "--json") == EXIT_OK
    [report] = json.loads(capsys.readouterr().out)
    back = tmp_path / "notes.pdf"
    assert (
        gw(desk_dir, "desk", "receipts", "--device", report["device_id"], "--out", str(back)) == 0
    )
    assert gw(desk_dir, "desk", "receipts", "--device", "nobody", "--out", str(back)) == 2
    capsys.readouterr()
    assert gw(corr, "receipts", "import", str(carried)) == EXIT_BAD_INPUT  # a bundle, not receipts
    assert gw(corr, "receipts", "import", str(back)) == EXIT_OK
    assert "1 report(s) now with the newsroom" in capsys.readouterr().out
    assert gw(corr, "sync") == EXIT_OK  # the outbox is empty
    assert "the outbox is empty" in capsys.readouterr().out
    assert gw(corr, "outbox", "list") == EXIT_OK
    assert "Nothing waits" in capsys.readouterr().out


def test_the_relay_route_takes_only_enrolled_devices_and_desk_tokens(
    server: tuple[str, Path],
) -> None:
    url, server_dir = server
    with ServerStore.open(server_dir) as admin:
        newsroom: NewsroomPublicKey = admin.newsroom_key
        device_id, device_token, _ = admin.tokens.create_invite("laptop", 7)
        gone_id, gone_token, _ = admin.tokens.create_invite("stolen", 7)
        _, token = admin.tokens.create_desk_token("desk")
    keys = {}
    for did, tok in ((device_id, device_token), (gone_id, gone_token)):
        keys[did] = DeviceSigningKey.generate()
        body = {"device_public_key": base64.b64encode(keys[did].public_bytes()).decode()}
        reply = requests.post(
            f"{url}/v1/enroll", json=body, headers={"Authorization": f"Bearer {tok}"}, timeout=10
        )
        assert reply.status_code == 200
        if did == device_id:  # enrolment exchanges the invite for the device's own token
            device_token = reply.json()["device_token"]
    with ServerStore.open(server_dir) as admin:
        assert admin.tokens.revoke_device(gone_id)

    def relay(did: str, bearer: str) -> requests.Response:
        eid = str(uuid.uuid4())
        data = seal(
            b"x",
            kind=EnvelopeKind.REPORT,
            envelope_id=eid,
            device_id=did,
            device_key=keys.get(did) or DeviceSigningKey.generate(),
            recipient=newsroom,
        )
        body = {"envelopes": [{"envelope_id": eid, "data": base64.b64encode(data).decode()}]}
        return requests.post(
            f"{url}/v1/relay", json=body, headers={"Authorization": f"Bearer {bearer}"}, timeout=10
        )

    ok = relay(device_id, token)
    assert ok.status_code == 200
    assert ok.json()["results"][0]["ok"] is True
    for did in (gone_id, "gw-nobody", "newsroom-desk"):
        refused = relay(did, token).json()["results"][0]
        assert (refused["ok"], refused["error"]) == (False, "wrong_device")
    assert relay(device_id, device_token).status_code == 403  # a device may not relay


def test_outbox_relay_hands_a_colleagues_bundle_to_the_server(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    cut_off, helper = tmp_path / "cut-off", tmp_path / "helper"
    for laptop in (cut_off, helper):
        assert gw(laptop, "init") == EXIT_OK
        assert gw(laptop, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    assert gw(desk_dir, "desk", "connect", "--server", url, "--token", desk_token(server_dir)) == 0
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    assert gw(cut_off, "report", "add", "--json", str(write_json(tmp_path / "r.json"))) == 0
    carried = tmp_path / "song.mp3"
    assert gw(cut_off, "outbox", "export", "--out", str(carried)) == EXIT_OK
    capsys.readouterr()
    assert gw(helper, "outbox", "relay", str(tmp_path / "r.json")) == EXIT_FAILURE
    assert "not_a_bundle" in capsys.readouterr().err
    assert gw(helper, "outbox", "relay", str(carried)) == EXIT_OK
    assert "the desk takes it in at its next pull" in capsys.readouterr().out
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    assert "Pulled 1 envelope(s): 1 report(s)" in capsys.readouterr().out
    assert gw(desk_dir, "desk", "list", "--json") == EXIT_OK
    assert len(json.loads(capsys.readouterr().out)) == 1
