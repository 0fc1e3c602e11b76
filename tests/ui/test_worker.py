import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.services.changes import NOTHING, Changes, Done
from desktop.store.database import Store, create_store, open_store
from desktop.store.errors import WrongPassphraseError
from desktop.ui.worker import StoreLockedError, StoreWorker
from tests.helpers.stores import PASSPHRASE
from tests.ui.conftest import drain


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


def test_answers_of_an_older_session_are_dropped_but_the_jobs_run(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    open_new(qtbot, worker, tmp_path)
    gate = threading.Event()
    ran: list[str] = []
    answered: list[object] = []

    def slow(store: Store) -> None:
        gate.wait(10)
        ran.append("slow")

    def write(store: Store) -> str:
        ran.append("write")
        return "written"

    worker.submit(slow, answered.append, answered.append)
    worker.submit(write, answered.append, answered.append)
    with qtbot.waitSignal(worker.closed, timeout=10_000):
        worker.close()
        gate.set()
    drain(qtbot, worker)  # the two answers came before the close's, and were dropped
    assert ran == ["slow", "write"]  # a last save queued before the lock is stored
    assert answered == []  # … but nothing comes back to what the lock cleared


def test_skip_pending_and_cancel_imports_skip_what_has_not_started(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    open_new(qtbot, worker, tmp_path)
    gate = threading.Event()
    ran: list[str] = []

    def slow(store: Store) -> None:
        gate.wait(10)

    def record(name: str) -> Any:
        return lambda store: ran.append(name)

    worker.submit(slow, lambda _: None, lambda _: None)
    worker.submit(record("import"), lambda _: None, lambda _: None, cancellable=True)
    worker.submit(record("save"), lambda _: None, lambda _: None)
    with qtbot.waitSignal(worker.closed, timeout=10_000):
        worker.close(cancel_imports=True)
        gate.set()
    assert ran == ["save"]

    wait_for(qtbot, lambda d, f: worker.open(lambda: open_store(tmp_path / "s", PASSPHRASE), d, f))
    gate.clear()
    worker.submit(slow, lambda _: None, lambda _: None)
    worker.submit(record("search"), lambda _: None, lambda _: None)
    with qtbot.waitSignal(worker.closed, timeout=10_000):
        worker.close(skip_pending=True)
        gate.set()
    assert ran == ["save"]  # a wipe waits for nothing queued


def test_shutdown_keeps_the_last_save_and_skips_queued_imports(
    qtbot: QtBot, tmp_path: Path
) -> None:
    worker = StoreWorker()
    open_new(qtbot, worker, tmp_path)
    gate = threading.Event()
    ran: list[str] = []
    worker.submit(lambda store: gate.wait(10), lambda _: None, lambda _: None)
    worker.submit(lambda store: ran.append("import"), lambda _: None, print, cancellable=True)
    worker.submit(lambda store: ran.append("save"), lambda _: None, print)
    threading.Timer(0.2, gate.set).start()
    worker.shutdown()
    assert ran == ["save"]


def test_an_open_answered_after_a_close_is_dropped(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    answered: list[object] = []
    worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), answered.append, answered.append)
    assert worker.opening
    with qtbot.waitSignal(worker.closed, timeout=10_000):
        worker.close()
    assert answered == []
    assert not worker.is_open
    assert not worker.opening


def open_new(qtbot: QtBot, worker: StoreWorker, tmp_path: Path) -> None:
    opened = wait_for(
        qtbot, lambda d, f: worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), d, f)
    )
    assert "error" not in opened


def test_a_command_tells_every_view_what_changed_before_its_caller_hears(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    wait_for(
        qtbot, lambda d, f: worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), d, f)
    )
    heard: list[object] = []
    worker.changed.connect(lambda changes: heard.append(changes))

    def rename(store: Store) -> Done[str]:
        with store.transaction() as conn:
            conn.execute("SELECT count(*) FROM reports").fetchone()
        return Done("renamed", Changes(settings=True))

    outcome = wait_for(
        qtbot,
        lambda done, fail: worker.command(
            rename, lambda value: (heard.append(("done", value)), done(value)), fail
        ),
    )
    assert outcome["result"] == "renamed"
    assert heard == [Changes(settings=True), ("done", "renamed")]


def test_a_command_that_changed_nothing_or_failed_broadcasts_nothing(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    wait_for(
        qtbot, lambda d, f: worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), d, f)
    )
    heard: list[Changes] = []
    worker.changed.connect(heard.append)

    def failing(store: Store) -> Changes:
        raise ValueError("refused")

    quiet = wait_for(qtbot, lambda done, fail: worker.command(lambda s: NOTHING, done, fail))
    failed = wait_for(qtbot, lambda done, fail: worker.command(failing, done, fail))
    # Both answers came back, and `changed` is emitted before an answer: none was.
    assert quiet == {"result": None}
    assert isinstance(failed["error"], ValueError)
    assert heard == []


def test_a_command_of_a_locked_session_tells_no_view(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    wait_for(
        qtbot, lambda d, f: worker.open(lambda: create_store(tmp_path / "s", PASSPHRASE), d, f)
    )
    heard: list[Changes] = []
    worker.changed.connect(heard.append)
    answered: list[object] = []
    worker.command(lambda s: Changes(reports=True), answered.append, answered.append)
    with qtbot.waitSignal(worker.closed, timeout=5000):
        worker.close()
    assert heard == []
    assert answered == []


def test_a_broadcast_tells_the_views_only_while_a_store_is_open(
    qtbot: QtBot, worker: StoreWorker, tmp_path: Path
) -> None:
    # A sync runs on its own worker and connection; what it changed reaches this
    # worker's views as a command's would, never those of a locked store.
    heard: list[Changes] = []
    worker.changed.connect(heard.append)
    worker.broadcast(Changes(delivery=True))  # nothing open yet
    open_new(qtbot, worker, tmp_path)
    worker.broadcast(NOTHING)
    worker.broadcast(Changes(reports=True, delivery=True))
    assert heard == [Changes(reports=True, delivery=True)]
    with qtbot.waitSignal(worker.closed, timeout=5000):
        worker.close()
    worker.broadcast(Changes(delivery=True))
    assert heard == [Changes(reports=True, delivery=True)]
