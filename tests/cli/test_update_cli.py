"""Release notices end to end: `gatewatch-server release keygen/sign/set-key/publish`, the
invite and `desk connect --release-key` pinning the key, and `gatewatch sync`, `desk pull`
and `update status` verifying what a real server on 127.0.0.1 serves — and refusing a
forged manifest, a replayed older one, a swapped key and a conflicting one."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import EXIT_FAILURE, EXIT_OK, main
from sync import release, wire
from sync.envelope import NewsroomPublicKey
from sync.server.cli import EXIT_BAD_INPUT
from sync.server.cli import main as server_main
from sync.server.releases import SETTING_RELEASE_SIGNED
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server
from tests.helpers.stores import PASSPHRASE

SHA = "ab" * 32


def gw(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def admin(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = server_main(list(args), out=out)
    return code, out.getvalue()


@dataclass
class Newsroom:
    url: str
    server: Path
    corr: Path
    desk: Path
    key: Path
    fingerprint: str
    tmp: Path

    def manifest(self, version: str, notes: str = "Fixes the photo import.") -> Path:
        path = self.tmp / f"{version}-{len(notes)}.json"
        document = {
            "version": version,
            "archives": [
                {"platform": "windows-x64", "name": f"Gatewatch-{version}-win.zip", "sha256": SHA}
            ],
            "notes": {"en": notes, "my": "ဓာတ်ပုံ သွင်းခြင်း ပြင်ဆင်ပြီး။"},
        }
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    def sign(
        self, version: str, notes: str = "Fixes the photo import.", key: Path | None = None
    ) -> Path:
        manifest = self.manifest(version, notes)
        code, out = admin("release", "sign", str(manifest), "--key", str(key or self.key))
        assert code == EXIT_OK, out
        return manifest.with_name(manifest.name + ".signed")

    def publish(self, signed: Path) -> tuple[int, str]:
        return admin("--data-dir", str(self.server), "release", "publish", str(signed))

    def serve_raw(self, signed: release.SignedManifest) -> None:
        """What a compromised server does: serve whatever it likes, past `publish`."""
        with ServerStore.open(self.server) as store:
            store.settings.put({SETTING_RELEASE_SIGNED: signed.to_text()})


def status(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = gw(data_dir, "update", "status", "--check", "--json")
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def newsroom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Newsroom]:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    desk, corr, server = tmp_path / "desk", tmp_path / "corr", tmp_path / "server"
    assert gw(desk, "desk", "init", "--kem", "x25519", "--public-key-out", str(tmp_path / "k")) == 0
    init_server(server, NewsroomPublicKey.from_text((tmp_path / "k").read_text()))
    code, out = admin("release", "keygen", "--out", str(tmp_path / "release.key"))
    assert code == EXIT_OK, out
    fingerprint = out.split("Release key fingerprint: ")[1].strip()
    assert "PRIVATE" not in (tmp_path / "release.key.pub").read_text().upper()
    code, out = admin(
        "--data-dir", str(server), "release", "set-key", str(tmp_path / "release.key.pub")
    )
    assert code == EXIT_OK
    assert fingerprint in out
    with running_server(server) as url:
        code, out = admin("--data-dir", str(server), "enroll-code", "--server-url", url)
        invite = out.strip().splitlines()[-1]
        assert wire.decode_invite(invite).release_key == fingerprint
        assert gw(corr, "init") == EXIT_OK
        assert gw(corr, "enroll", "--code", invite) == EXIT_OK
        with ServerStore.open(server) as store:
            token = store.tokens.create_desk_token("desk")[1]
        connect = ["desk", "connect", "--server", url, f"--token={token}"]
        assert gw(desk, *connect, "--release-key", fingerprint.upper()) == EXIT_OK
        capsys.readouterr()
        yield Newsroom(url, server, corr, desk, tmp_path / "release.key", fingerprint, tmp_path)


def test_a_published_release_reaches_devices_and_desks_verified(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gw(newsroom.corr, "sync") == EXIT_OK
    assert "new version" not in capsys.readouterr().out  # nothing published yet

    assert newsroom.publish(newsroom.sign("9.0.0"))[0] == EXIT_OK
    assert gw(newsroom.corr, "sync") == EXIT_OK
    assert "A new version is available: Gatewatch 9.0.0" in capsys.readouterr().out
    assert gw(newsroom.desk, "desk", "pull") == EXIT_OK
    assert "A new version is available: Gatewatch 9.0.0" in capsys.readouterr().out

    assert gw(newsroom.corr, "update", "status") == EXIT_OK
    shown = capsys.readouterr().out
    assert "Fixes the photo import." in shown
    assert "ဓာတ်ပုံ သွင်းခြင်း ပြင်ဆင်ပြီး။" in shown
    assert f"windows-x64: Gatewatch-9.0.0-win.zip  {SHA}" in shown
    assert "certutil -hashfile" in shown
    assert "shasum -a 256" in shown
    code, seen = status(newsroom.desk, capsys)
    assert code == EXIT_OK
    assert seen["available"]
    assert seen["refusal"] is None
    assert seen["pinned_key"] == newsroom.fingerprint


def test_a_forged_manifest_is_refused_and_the_good_one_kept(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    signed_path = newsroom.sign("9.0.0")
    assert newsroom.publish(signed_path)[0] == EXIT_OK
    assert status(newsroom.corr, capsys)[0] == EXIT_OK
    good = release.SignedManifest.from_text(signed_path.read_text())
    forged = good.manifest.replace(b"Gatewatch-9.0.0-win.zip", b"Gatewatch-9.0.1-win.zip")
    newsroom.serve_raw(release.SignedManifest(good.public_key, forged, good.signature))

    code, seen = status(newsroom.corr, capsys)
    assert code == EXIT_FAILURE
    assert seen["refusal"]["code"] == wire.RELEASE_BAD_SIGNATURE
    assert seen["manifest"]["archives"][0]["name"] == "Gatewatch-9.0.0-win.zip"
    assert gw(newsroom.corr, "sync") == EXIT_OK
    assert "a release notice was refused" in capsys.readouterr().out


def test_a_replayed_older_manifest_is_refused(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    older = newsroom.sign("8.0.0")
    assert newsroom.publish(older)[0] == EXIT_OK
    assert newsroom.publish(newsroom.sign("9.0.0"))[0] == EXIT_OK
    assert status(newsroom.corr, capsys)[1]["manifest"]["version"] == "9.0.0"
    code, _out = newsroom.publish(older)  # the server itself refuses to go back…
    assert code == EXIT_BAD_INPUT
    newsroom.serve_raw(release.SignedManifest.from_text(older.read_text()))  # …a bad one not

    code, seen = status(newsroom.corr, capsys)
    assert code == EXIT_FAILURE
    assert seen["refusal"]["code"] == wire.RELEASE_OLDER
    assert seen["manifest"]["version"] == "9.0.0"
    assert seen["available"]


def test_a_manifest_older_than_the_running_app_is_refused(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    assert newsroom.publish(newsroom.sign("0.0.1"))[0] == EXIT_OK
    code, seen = status(newsroom.desk, capsys)
    assert code == EXIT_FAILURE
    assert seen["refusal"]["code"] == wire.RELEASE_OLDER
    assert seen["manifest"] is None
    assert not seen["available"]


def test_another_manifest_under_a_version_already_seen_is_refused(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    assert newsroom.publish(newsroom.sign("9.0.0"))[0] == EXIT_OK
    assert status(newsroom.corr, capsys)[0] == EXIT_OK
    other = newsroom.sign("9.0.0", notes="Different notes, same version.")
    assert newsroom.publish(other)[0] == EXIT_BAD_INPUT
    newsroom.serve_raw(release.SignedManifest.from_text(other.read_text()))
    code, seen = status(newsroom.corr, capsys)
    assert code == EXIT_FAILURE
    assert seen["refusal"]["code"] == wire.RELEASE_CONFLICT
    assert seen["manifest"]["notes"]["en"] == "Fixes the photo import."


def test_a_server_that_swaps_the_release_key_is_refused(
    newsroom: Newsroom, capsys: pytest.CaptureFixture[str]
) -> None:
    assert newsroom.publish(newsroom.sign("9.0.0"))[0] == EXIT_OK
    assert status(newsroom.corr, capsys)[0] == EXIT_OK
    assert status(newsroom.desk, capsys)[0] == EXIT_OK
    server = ["--data-dir", str(newsroom.server), "release"]
    other = newsroom.tmp / "other.key"
    assert admin("release", "keygen", "--out", str(other))[0] == EXIT_OK
    code, _out = admin(*server, "set-key", f"{other}.pub")
    assert code == EXIT_BAD_INPUT  # not without --replace
    assert admin(*server, "set-key", f"{other}.pub", "--replace")[0] == EXIT_OK
    assert newsroom.publish(newsroom.sign("10.0.0", key=other))[0] == EXIT_OK

    for data_dir in (newsroom.corr, newsroom.desk):
        code, seen = status(data_dir, capsys)
        assert code == EXIT_FAILURE
        assert seen["refusal"]["code"] == wire.RELEASE_KEY_MISMATCH
        assert seen["manifest"]["version"] == "9.0.0"
        assert seen["pinned_key"] == newsroom.fingerprint


def test_publish_refuses_what_the_configured_key_did_not_sign(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    other = tmp_path / "other.key"
    assert admin("release", "keygen", "--out", str(other))[0] == EXIT_OK
    code, _ = newsroom.publish(newsroom.sign("9.0.0", key=other))
    assert code == EXIT_BAD_INPUT
    code, out = admin("--data-dir", str(newsroom.server), "release", "show")
    assert "Published version: none" in out
    code, _ = admin("--data-dir", str(newsroom.server), "release", "set-key", str(other))
    assert code == EXIT_BAD_INPUT  # the private key never goes to the server
    assert admin("release", "keygen", "--out", str(other))[0] == EXIT_BAD_INPUT  # no overwrite
