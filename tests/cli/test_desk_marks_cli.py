"""`gatewatch desk assign / tag / inbox --mine --tag / duplicates / attention` against a
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


def test_assign_tag_and_what_needs_attention(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    ids = []
    for text in ("KIA barbed wire across the Laiza road", "Fuel trucks turned back at Laiza"):
        assert (
            gw(
                corr,
                "report",
                "add",
                "--json",
                str(write_json(tmp_path / "r.json", narrative=text)),
            )
            == 0
        )
        ids.append(out(capsys).strip().splitlines()[-1])
    assert gw(corr, "sync") == EXIT_OK
    assert gw(desk_dir, "desk", "label", "Myitkyina desk") == EXIT_OK
    token = f"--token={desk_token(server_dir)}"
    assert gw(desk_dir, "desk", "connect", "--server", url, token) == EXIT_OK
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    capsys.readouterr()

    assert gw(desk_dir, "desk", "assign", ids[0], "--me") == EXIT_OK
    assert "assigned to Myitkyina desk" in out(capsys)
    assert gw(desk_dir, "desk", "tag", ids[1], "Fuel") == EXIT_OK
    assert "'fuel' put on" in out(capsys)
    assert gw(desk_dir, "desk", "assign", ids[1], "Nobody's desk") == EXIT_BAD_INPUT
    assert "no desk known here" in capsys.readouterr().err
    assert gw(desk_dir, "desk", "tag", ids[1], "fuel") == EXIT_BAD_INPUT  # already on
    assert "already has that tag" in capsys.readouterr().err

    assert gw(desk_dir, "desk", "inbox", "--mine", "--json") == EXIT_OK
    assert [r["id"] for r in json.loads(out(capsys))] == [ids[0]]
    assert gw(desk_dir, "desk", "inbox", "--tag", "FUEL", "--json") == EXIT_OK
    [tagged] = json.loads(out(capsys))
    assert (tagged["id"], tagged["tags"], tagged["assigned_to"]) == (ids[1], ["fuel"], None)
    assert gw(desk_dir, "desk", "inbox", "--tag", "\u200b") == EXIT_BAD_INPUT
    capsys.readouterr()

    assert gw(desk_dir, "desk", "attention", "--json") == EXIT_OK
    needs = json.loads(out(capsys))
    assert (needs["count"], needs["assigned_to_me"], needs["new"]) == (2, [ids[0]], 2)
    assert gw(desk_dir, "desk", "duplicates", "--json") == EXIT_OK
    assert json.loads(out(capsys))["merged"] == {}
    assert gw(desk_dir, "desk", "merge", ids[0], ids[1]) == EXIT_OK
    assert "1 report(s) linked" in out(capsys)
    assert gw(desk_dir, "desk", "duplicates", "--json") == EXIT_OK
    assert json.loads(out(capsys))["merged"] == {ids[1]: ids[0]}
    assert gw(desk_dir, "desk", "split", ids[1]) == EXIT_OK
    assert "1 report(s) taken out" in out(capsys)
    assert gw(desk_dir, "desk", "duplicates", "--json") == EXIT_OK
    assert json.loads(out(capsys))["merged"] == {}
    assert gw(desk_dir, "desk", "merge", ids[0], ids[0]) == EXIT_OK  # itself: nothing to link
    assert "0 report(s)" in out(capsys)
    assert gw(desk_dir, "desk", "show", ids[0]) == EXIT_OK
    trail = json.loads(out(capsys))["audit_trail"]
    assert [(e["what"], e["value_label"]) for e in trail if e["what"] == "assign"] == [
        ("assign", "Myitkyina desk")
    ]
