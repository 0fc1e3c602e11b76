"""`gatewatch --self-test` unfrozen, and the startup probe (fast: part of `make test`)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop import cli, selftest
from desktop.selftest import Check, run_checks

EXPECTED_CHECKS = (
    "store",
    "envelope-mlkem768x25519",
    "envelope-x25519",
    "photo",
    "desk-workers",
    "tls",
    "window",
    "burmese",
    "icu",
)


def passing(_: Path) -> str:
    return "fine"


def failing(_: Path) -> str:
    raise RuntimeError("broken on purpose\nsecond line")


def test_all_checks_pass_and_print_one_line_each(
    qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {n}" for n in EXPECTED_CHECKS]
    assert lines[-1] == f"self-test: {len(EXPECTED_CHECKS)} of {len(EXPECTED_CHECKS)} checks passed"


def test_a_failing_check_makes_the_exit_code_non_zero_and_the_rest_still_run() -> None:
    out = io.StringIO()
    code = run_checks([Check("first", failing), Check("second", passing)], out)
    assert code == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "FAIL first: RuntimeError: broken on purpose"
    assert lines[1].startswith("ok   second: fine (")
    assert lines[2] == "self-test: 1 of 2 checks passed"


def test_the_cli_exit_code_follows_the_checks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "all_checks", lambda: [Check("only", failing)])
    assert cli.main(["--self-test"]) == 1
    assert "FAIL only" in capsys.readouterr().out
    monkeypatch.setattr(selftest, "all_checks", lambda: [Check("only", passing)])
    assert cli.main(["--self-test"]) == 0


def test_no_checks_is_a_failure() -> None:
    assert run_checks([], io.StringIO()) == 1


def test_each_check_gets_its_own_empty_folder_which_is_removed_afterwards() -> None:
    seen: list[Path] = []

    def record(workdir: Path) -> str:
        assert workdir.is_dir()
        assert not any(workdir.iterdir())
        (workdir / "left-behind").write_text("x")
        seen.append(workdir)
        return "ok"

    assert run_checks([Check("a", record), Check("b", record)], io.StringIO()) == 0
    assert len(set(seen)) == 2
    assert not any(p.exists() for p in seen)


def test_other_command_lines_are_left_to_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.early_exit([]) is None
    assert selftest.early_exit(["gates"]) is None
    assert selftest.early_exit(["--data-dir", "x", "--self-test"]) is None
    assert selftest.early_exit(["--self-test", "--bogus"]) == 2
    assert "usage" in capsys.readouterr().err


def test_versions_name_python_qt_sqlcipher_and_openssl(qapp: QApplication) -> None:
    versions = selftest.versions()
    assert versions["python"] == ".".join(map(str, sys.version_info[:3]))
    assert versions["qt"].startswith("6.")
    assert versions["sqlcipher"][0].isdigit()
    assert "OpenSSL" in versions["cryptography_openssl"]
    assert "OpenSSL" in versions["python_ssl_openssl"]
    assert versions["sqlcipher_crypto"] != "unknown"
    assert versions["frozen"] == "no"


def test_the_startup_probe_is_off_without_its_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(selftest.EXIT_AFTER_SHOWN_ENV, raising=False)
    selftest.install_startup_probe()  # nothing happens: no application, no filter
    assert selftest.process_age_ms() > 0


def test_the_startup_probe_reports_the_first_window_and_quits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        selftest.EXIT_AFTER_SHOWN_ENV: "1",
        "GATEWATCH_DATA_DIR": str(tmp_path / "store"),
    }
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main([]))"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("shown after ")
    assert lines[0].endswith(" ms")
    assert 0 < float(lines[0].split()[2]) < 60_000
