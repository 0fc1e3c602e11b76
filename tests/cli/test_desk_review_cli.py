"""`gatewatch desk export-key / import-key / label / inbox / show / move / note / board /
changes` against a real server on 127.0.0.1: two desks of one newsroom converge."""

import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from tests.helpers.cli import env, gw, write_json
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.servers import desk_token, invite

__all__ = ["desk_dir", "env", "server"]  # fixtures

KEY_PASSPHRASE = "the key file passphrase"


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_two_desks_review_one_report_and_agree(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, server_dir = server
    # Both desks' tokens exist before the report arrives: the server keeps it until both
    # have pulled it (docs/server.md, "What the server forgets").
    tokens = [desk_token(server_dir), desk_token(server_dir)]
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    report = write_json(tmp_path / "r.json", narrative="KIA barbed wire across the Laiza road")
    assert gw(corr, "report", "add", "--json", str(report)) == EXIT_OK
    report_id = out(capsys).strip().splitlines()[-1]
    assert gw(corr, "sync") == EXIT_OK

    # The first editor hands the newsroom key to a second desk.
    monkeypatch.setenv("GATEWATCH_KEY_PASSPHRASE", KEY_PASSPHRASE)
    key_file = tmp_path / "newsroom.gwkey"
    assert gw(desk_dir, "desk", "export-key", "--out", str(key_file)) == EXIT_OK
    fingerprint = out(capsys).strip().splitlines()[-1].removeprefix("Fingerprint: ")
    second = tmp_path / "desk2"
    assert gw(second, "desk", "import-key", str(key_file), "--label", "Bhamo desk") == EXIT_OK
    assert fingerprint in out(capsys)
    assert gw(desk_dir, "desk", "label", "Myitkyina desk") == EXIT_OK
    capsys.readouterr()

    for folder, token in zip((desk_dir, second), tokens, strict=True):
        token = f"--token={token}"  # a token may begin with "-"
        assert gw(folder, "desk", "connect", "--server", url, token) == EXIT_OK
        assert gw(folder, "desk", "pull") == EXIT_OK
    capsys.readouterr()

    assert gw(desk_dir, "desk", "inbox", "--state", "new", "--search", "barbed") == EXIT_OK
    assert report_id in out(capsys)
    assert gw(desk_dir, "desk", "move", report_id, "published") == EXIT_BAD_INPUT
    assert "can go to" in capsys.readouterr().err
    assert gw(desk_dir, "desk", "move", report_id, "verified", "--note", "seen on video") == 0
    assert gw(second, "desk", "note", report_id, "the driver confirms") == EXIT_OK
    assert gw(desk_dir, "desk", "approve", "laptop") == EXIT_OK  # a source for both desks
    for _ in range(2):  # each desk sends its own moves, then gets the other's
        for folder in (desk_dir, second):
            assert gw(folder, "desk", "pull") == EXIT_OK
    capsys.readouterr()

    trails = []
    for folder in (desk_dir, second):
        assert gw(folder, "desk", "show", report_id) == EXIT_OK
        shown = json.loads(out(capsys))
        assert shown["review_state"] == "verified"
        trails.append([(e["what"], e["desk"], e["note"]) for e in shown["audit_trail"]][1:])
    assert (
        trails[0]
        == trails[1]
        == [
            ("move", "Myitkyina desk", "seen on video"),
            ("note", "Bhamo desk", "the driver confirms"),
        ]
    )

    assert gw(second, "desk", "board", "--json") == EXIT_OK
    laiza = next(g for g in json.loads(out(capsys)) if g["gate"] == "laiza")
    assert laiza["aspects"]["china_side"]["basis"] == report_id
    assert laiza["aspects"]["china_side"]["sources"] == 1
    assert gw(second, "desk", "changes", "--since", "2000-01-01T00:00:00Z") == EXIT_OK
    assert "Laiza" in out(capsys)

    # A wrong key-file passphrase, and a desk that already has another key: clear refusals.
    monkeypatch.setenv("GATEWATCH_KEY_PASSPHRASE", "not the passphrase")
    assert gw(tmp_path / "desk3", "desk", "import-key", str(key_file)) == EXIT_BAD_INPUT
    assert "passphrase does not open" in capsys.readouterr().err
    assert not (tmp_path / "desk3").exists()  # no empty store left behind
