import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, EXIT_WRONG_PASSPHRASE, main
from desktop.domain.search_text import FORM_VERSION
from desktop.store.database import open_store
from desktop.store.reports import ReportRepository
from desktop.store.settings import SettingsRepository
from tests.helpers.cli import data_dir, gw, write_report
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE, wiped

__all__ = ["data_dir"]  # a fixture


def test_add_list_show_search(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert gw(data_dir, "report", "add", "--json", str(write_report(tmp_path))) == EXIT_OK
    report_id = capsys.readouterr().out.strip()
    assert len(report_id) == 36

    assert gw(data_dir, "report", "list", "--json") == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["state"], r["gate"]) for r in rows] == [(report_id, "queued", "laiza")]

    assert gw(data_dir, "report", "show", report_id, "--json") == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert shown["narrative"] == example()["narrative"]
    assert shown["observed_at"] == "2024-11-12T03:00:00Z"
    assert shown["state"] == "queued"

    assert gw(data_dir, "report", "show", report_id) == EXIT_OK
    human = capsys.readouterr().out
    assert "Laiza" in human
    assert "diesel: 4500 MMK/litre" in human

    assert gw(data_dir, "report", "search", "barbed wire", "--json") == EXIT_OK
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [report_id]
    assert gw(data_dir, "report", "search", "nothing like this") == EXIT_OK
    assert "No reports." in capsys.readouterr().out


def test_add_from_stdin_as_draft(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    payload = json.dumps(example(narrative="ဆီဈေး တက်နေသည်")).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    capsys.readouterr()
    assert gw(data_dir, "report", "add", "--json", "-", "--draft") == EXIT_OK
    report_id = capsys.readouterr().out.strip()
    assert gw(data_dir, "report", "list", "--state", "draft", "--json") == EXIT_OK
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [report_id]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"source_name": "U Ba"}, "source_name: is not a report field"),
        (
            {"china_side": "ajar"},
            "china_side: must be one of open, closed, restricted, unknown (got 'ajar')",
        ),
        ({"gate": "atlantis"}, "not in the gazetteer"),
    ],
)
def test_invalid_report_is_refused_with_the_field(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changes: dict[str, object],
    expected: str,
) -> None:
    capsys.readouterr()
    assert gw(data_dir, "report", "add", "--json", str(write_report(tmp_path, **changes))) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1
    assert gw(data_dir, "report", "list", "--json") == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_bad_files(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (1024 * 1024 + 1))
    for path, message in (
        (broken, "not valid JSON"),
        (huge, "larger than"),
        (tmp_path / "missing.json", "cannot read"),
    ):
        capsys.readouterr()
        assert gw(data_dir, "report", "add", "--json", str(path)) == EXIT_BAD_INPUT
        assert message in capsys.readouterr().err


def test_opening_records_the_rules_of_the_search_index(data_dir: Path) -> None:
    assert gw(data_dir, "report", "list") == EXIT_OK
    with open_store(data_dir, PASSPHRASE) as store:
        recorded = SettingsRepository(store).get("search.form_version")
    assert recorded == FORM_VERSION


def test_wrong_passphrase_exits_3(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", "not the passphrase")
    assert gw(data_dir, "report", "list") == EXIT_WRONG_PASSPHRASE
    assert "passphrase" in capsys.readouterr().err.lower()


def test_unknown_id_is_bad_input(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gw(data_dir, "report", "show", "0192f6a0-0000-7000-8000-000000000000") == 2
    assert "no report with id" in capsys.readouterr().err


def test_passwd_then_wipe(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_NEW_PASSPHRASE", "another long passphrase")
    assert gw(data_dir, "passwd") == EXIT_OK
    assert gw(data_dir, "report", "list") == EXIT_WRONG_PASSPHRASE
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", "another long passphrase")
    assert gw(data_dir, "report", "list") == EXIT_OK

    assert gw(data_dir, "wipe") == EXIT_BAD_INPUT
    assert data_dir.exists()
    assert gw(data_dir, "wipe", "--yes") == EXIT_OK
    assert wiped(data_dir)
    capsys.readouterr()
    assert gw(data_dir, "report", "list") == EXIT_FAILURE
    assert "gatewatch init" in capsys.readouterr().err


def test_wipe_with_no_store_says_there_was_nothing_to_wipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in (tmp_path / "missing", tmp_path):
        capsys.readouterr()
        assert gw(folder, "wipe", "--yes") == EXIT_OK
        assert "Nothing to wipe" in capsys.readouterr().out


def test_a_data_dir_that_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine")
    for command in (["init"], ["report", "list"], ["wipe", "--yes"]):
        capsys.readouterr()
        assert gw(not_a_folder, *command) == EXIT_FAILURE
        err = capsys.readouterr().err
        assert "is a file, not a folder" in err
        assert err.count("\n") == 1
    assert not_a_folder.read_text() == "mine"


def test_init_twice_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gw(data_dir, "init") == EXIT_FAILURE
    assert "already" in capsys.readouterr().err


def test_gates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gates", "--json"]) == EXIT_OK
    gates = json.loads(capsys.readouterr().out)
    assert {"laiza", "mai_ja_yang", "lweje", "pang_war", "kanpaiti", "hpimaw"} <= {
        g["id"] for g in gates
    }
    assert main(["gates"]) == EXIT_OK
    assert "လိုင်ဇာ" in capsys.readouterr().out


def test_console_script_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("gatewatch")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GATEWATCH_")}

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), "--data-dir", str(tmp_path / "s"), *args],
            env={**env, **extra},
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )

    no_passphrase = run("init")
    assert no_passphrase.returncode == EXIT_BAD_INPUT
    assert "GATEWATCH_PASSPHRASE" in no_passphrase.stderr
    assert run("init", GATEWATCH_PASSPHRASE=PASSPHRASE).returncode == EXIT_OK
    wrong = run("report", "list", GATEWATCH_PASSPHRASE="wrong wrong wrong")
    assert wrong.returncode == EXIT_WRONG_PASSPHRASE
    usage = run("report", "frobnicate")
    assert usage.returncode == EXIT_BAD_INPUT
    for result in (no_passphrase, wrong, usage):
        assert "Traceback" not in result.stderr

    # Bad input of every kind: exit 2 and one line, never a traceback.
    report = json.dumps(example())
    bad_inputs = {
        "nested": '{"narrative": ' + "[" * 5000 + "]" * 5000 + "}",
        "long-integer": report[:-1] + ', "people_stranded": 1' + "0" * 5000 + "}",
        "far-future": json.dumps(example(observed_at="9999-12-31T23:59:59-23:59")),
        "year-one": json.dumps(example(observed_at="0001-01-01T00:00:00+23:59")),
        "surrogate": report.replace("The KIA", "The \\ud800 KIA"),
        "nan": report.replace("4500", "NaN"),
    }
    for name, text in bad_inputs.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        result = run("report", "add", "--json", str(path), GATEWATCH_PASSPHRASE=PASSPHRASE)
        assert result.returncode == EXIT_BAD_INPUT, (name, result.stderr)
        assert result.stderr.count("\n") == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr, name

    # The store busy in another process: a clear one-line error, exit 1.
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(tmp_path / "s"), PASSPHRASE],
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        good = tmp_path / "good.json"
        good.write_text(report, encoding="utf-8")
        busy = run("report", "add", "--json", str(good), GATEWATCH_PASSPHRASE=PASSPHRASE)
    finally:
        holder.communicate("done\n", timeout=30)
    assert busy.returncode == EXIT_FAILURE, busy.stderr
    assert "Another program is using the store" in busy.stderr
    assert busy.stderr.count("\n") == 1
    assert (
        run("report", "add", "--json", str(good), GATEWATCH_PASSPHRASE=PASSPHRASE).returncode == 0
    )

    # The reader of the output goes away (`gatewatch gates | head -1`): quietly.
    reader_gone = subprocess.Popen(
        [str(script), "gates"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader_gone.stdout is not None
    assert reader_gone.stderr is not None
    reader_gone.stdout.close()
    assert reader_gone.wait(timeout=60) == EXIT_FAILURE
    assert reader_gone.stderr.read() == b""
    reader_gone.stderr.close()


# Holds the store's write lock until told to stop on stdin.
_HOLD_THE_LOCK = """
import sys
from pathlib import Path
from desktop.store.database import open_store
store = open_store(Path(sys.argv[1]), sys.argv[2])
store.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
store.execute("ROLLBACK")
store.close()
"""


def test_last_resort_is_one_line_without_content(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("CANARY-U-Ba-0975123456 leaked in an exception's text")

    monkeypatch.setattr(ReportRepository, "ids", explode)
    capsys.readouterr()
    assert gw(data_dir, "report", "list") == EXIT_FAILURE
    captured = capsys.readouterr()
    assert "CANARY" not in captured.err + captured.out
    assert "RuntimeError" in captured.err
    assert captured.err.count("\n") == 1


def test_a_draft_shows_its_identity_and_no_raw_control_characters(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(data_dir, PASSPHRASE) as store:
        draft_id = ReportRepository(store).save_draft({"narrative": "x"})
        # An older version stored draft bodies as given, any key and any character.
        body = {"id": "forged", "state": "sent", "narrative": "clear\x1b[2Jscreen\nline 2"}
        store.execute("UPDATE reports SET body = ? WHERE id = ?", (json.dumps(body), draft_id))
    capsys.readouterr()
    assert gw(data_dir, "report", "show", draft_id, "--json") == EXIT_OK
    out = capsys.readouterr().out
    shown = json.loads(out)
    assert (shown["id"], shown["state"]) == (draft_id, "draft")
    assert shown["narrative"] == body["narrative"]
    assert gw(data_dir, "report", "show", draft_id) == EXIT_OK
    human = capsys.readouterr().out
    assert "\x1b" not in human
    assert "clear\\x1b[2Jscreen\nline 2" in human
    assert "forged" not in human


def test_retention_is_shown_and_set(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert gw(data_dir, "retention") == EXIT_OK
    assert "7 day(s)" in capsys.readouterr().out
    assert gw(data_dir, "retention", "0") == EXIT_OK
    assert "removed when the receipt arrives" in capsys.readouterr().out
    assert gw(data_dir, "retention", "-3") == EXIT_BAD_INPUT
    assert gw(data_dir, "retention") == EXIT_OK
    assert "no content here" in capsys.readouterr().out
