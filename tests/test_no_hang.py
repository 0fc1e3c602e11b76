"""No test can block forever: a modal dialog nobody answers, pytest-timeout's alarm while
Qt holds the main thread, a main thread stuck in C. Each case runs in a pytest of its own
with this suite's conftest and settings, in one process and in a pytest-xdist worker as
`make test` runs it, and must end as a failure that says why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

A_BOX_NOBODY_ANSWERS = """
import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.mark.timeout({timeout})
def test_a_box_nobody_answers(qtbot):
    box = QMessageBox()
    box.setText("nobody answers")
    box.exec()
"""

STUCK_IN_C = """
import pytest
from PySide6.QtCore import QThread


@pytest.mark.timeout(2)
def test_the_main_thread_sleeps_in_qt(qtbot):
    QThread.sleep(60)  # no Python runs: the alarm's handler never gets to run
"""


# In a worker, a run ended by the backstop is a crashed worker, which fails its test.
IN_ONE_PROCESS_AND_IN_A_WORKER = pytest.mark.parametrize(
    "workers", [[], ["-n", "1"]], ids=["one process", "xdist worker"]
)


def run_inner(
    tmp_path: Path, source: str, workers: list[str], **env: str
) -> subprocess.CompletedProcess[str]:
    test = tmp_path / "test_inner.py"
    test.write_text(source)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-q",
            *workers,
            str(test),
        ],
        cwd=tmp_path,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=100,  # the old suite hung here: this is what fails then
        check=False,
    )


@IN_ONE_PROCESS_AND_IN_A_WORKER
def test_a_modal_dialog_left_open_is_closed_and_fails_the_test(
    tmp_path: Path, workers: list[str]
) -> None:
    done = run_inner(
        tmp_path,
        A_BOX_NOBODY_ANSWERS.format(timeout=60),
        workers,
        GATEWATCH_TEST_DIALOG_SECONDS="1",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "modal dialog open for 1 s, closed by the watchdog" in done.stdout
    assert "QMessageBox" in done.stdout


@IN_ONE_PROCESS_AND_IN_A_WORKER
def test_the_timeout_ends_a_dialog_exec_and_fails_the_test(
    tmp_path: Path, workers: list[str]
) -> None:
    done = run_inner(
        tmp_path,
        A_BOX_NOBODY_ANSWERS.format(timeout=2),
        workers,
        GATEWATCH_TEST_DIALOG_SECONDS="600",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Timeout (>2.0s) from pytest-timeout" in done.stdout
    assert "1 failed" in done.stdout  # reported by pytest, not ended by the backstop


@IN_ONE_PROCESS_AND_IN_A_WORKER
def test_a_main_thread_stuck_in_c_ends_the_run_with_every_stack(
    tmp_path: Path, workers: list[str]
) -> None:
    done = run_inner(tmp_path, STUCK_IN_C, workers, GATEWATCH_TEST_BACKSTOP_GRACE="2")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Timeout (0:00:04)!" in done.stderr  # faulthandler's dump
    assert "test_the_main_thread_sleeps_in_qt" in done.stderr  # where it was stuck
    if workers:  # the worker's end fails the test by name; the run goes on to the next
        assert "1 failed" in done.stdout
        assert "crashed while running 'test_inner.py::test_the_main" in done.stdout
