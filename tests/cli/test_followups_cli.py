"""`gatewatch questions`, `answer` and `ask` (desktop/cli/followups.py) on a real server,
through a parser built around the module's `register` and dispatched by its `HANDLERS`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_OK
from desktop.cli import followups as cli_followups
from tests.helpers.cli import env, gw, write_json
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.servers import desk_token, invite

__all__ = ["desk_dir", "env", "server"]  # fixtures

QUESTION = "CANARY-cli-question-ဘာကြောင့်"
ANSWER = "CANARY-cli-answer-ဒါကြောင့်"


def fu(data_dir: Path, *args: str) -> int:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    cli_followups.register(commands)
    parsed = parser.parse_args(list(args))
    return cli_followups.HANDLERS[parsed.command](parsed, data_dir)


def test_ask_list_answer_and_read_the_answer_at_the_desk(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    assert gw(corr, "init") == EXIT_OK
    assert gw(corr, "enroll", "--server", url, "--code", invite(server_dir)) == EXIT_OK
    assert gw(corr, "report", "add", "--json", str(write_json(tmp_path / "r.json"))) == EXIT_OK
    capsys.readouterr()
    assert gw(corr, "sync") == EXIT_OK
    assert fu(corr, "questions") == EXIT_OK  # registers the device's key
    assert "No questions from the desk." in capsys.readouterr().out

    assert gw(desk_dir, "desk", "connect", "--server", url, "--token", desk_token(server_dir)) == 0
    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    capsys.readouterr()
    assert gw(desk_dir, "desk", "list", "--json") == EXIT_OK
    [report] = json.loads(capsys.readouterr().out)
    assert fu(desk_dir, "ask", report["id"], "--text", QUESTION, "--desk-label", "desk 2") == 0
    out = capsys.readouterr().out
    assert "Question sent to device gw-" in out
    assert fu(desk_dir, "ask", "no-such-report", "--text", "?") == EXIT_BAD_INPUT
    assert "pull first" in capsys.readouterr().err

    assert fu(corr, "questions", "--json") == EXIT_OK
    [question] = json.loads(capsys.readouterr().out)
    assert (question["text"], question["desk_label"], question["report_id"]) == (
        QUESTION,
        "desk 2",
        report["id"],
    )
    leaky = f"{ANSWER} call 09\u2009751\u2009234\u2009567"
    assert fu(corr, "answer", question["question_id"], "--text", leaky) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "phone in the answer" in err
    assert "751" not in err
    assert fu(corr, "answer", question["question_id"], "--text", ANSWER) == EXIT_OK
    assert "Answer sent." in capsys.readouterr().out
    assert fu(corr, "answer", question["question_id"], "--text", "again") == EXIT_BAD_INPUT
    assert "already answered" in capsys.readouterr().err

    assert gw(desk_dir, "desk", "pull") == EXIT_OK
    capsys.readouterr()
    assert fu(desk_dir, "questions", "--json") == EXIT_OK
    [asked] = json.loads(capsys.readouterr().out)
    assert (asked["answer"], asked["question_id"]) == (ANSWER, question["question_id"])
    assert fu(desk_dir, "questions") == EXIT_OK
    assert ANSWER in capsys.readouterr().out
