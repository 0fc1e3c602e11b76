import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.store.database import Store, create_store, open_store
from desktop.store.errors import WrongPassphraseError
from desktop.ui.worker import StoreLockedError, StoreWorker

PASSPHRASE = "a long test passphrase"


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[StoreWorker]:
    created = StoreWorker()
    yield created
    created.shutdown()


def wait_for(qtbot: QtBot, start: Any) -> dict[str, Any]:
    outcome: dict[str, Any] = {}
    start(lambda result: outcome.update(result=result), lambda e: outcome.update(error=e))
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    return outcome


def test_jobs_run_off_the_gui_thread(qtbot: QtBot, worker: StoreWorker, tmp_path: Path) -> None:
    data_dir = tmp_path / "s"
    opened = wait_for(
        qtbot,
        lambda done, fail: worker.open(lambda: create_store(data_dir, PASSPHRASE), done, fail),
    )
    assert "error" not in opened
    assert worker.is_open

    def job(store: Store) -> tuple[str, int]:
        count = store.conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        return threading.current_thread().name, count

    outcome = wait_for(qtbot, lambda done, fail: worker.submit(job, done, fail))
    thread_name, count = outcome["result"]
    assert thread_name != threading.current_thread().name
    assert count == 0

    with qtbot.waitSignal(worker.closed, timeout=5000):
        worker.close()
    locked = wait_for(qtbot, lambda done, fail: worker.submit(job, done, fail))
    assert isinstance(locked["error"], StoreLockedError)


def test_wrong_passphrase_comes_back_as_an_error(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    data_dir = tmp_path / "s"
    wait_for(
        qtbot,
        lambda d, f: worker.open(lambda: create_store(data_dir, PASSPHRASE), d, f),
    )
    worker.close()
    outcome = wait_for(
        qtbot,
        lambda d, f: worker.open(lambda: open_store(data_dir, "wrong passphrase!"), d, f),
    )
    assert isinstance(outcome["error"], WrongPassphraseError)
    assert not worker.is_open


def test_job_exceptions_reach_on_error(qtbot: QtBot, worker: StoreWorker, tmp_path: Path) -> None:
    wait_for(
        qtbot,
        lambda d, f: worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), d, f),
    )

    def failing(store: Store) -> None:
        raise ValueError("boom")

    outcome = wait_for(qtbot, lambda d, f: worker.submit(failing, d, f))
    assert str(outcome["error"]) == "boom"
