"""Fixtures for the window tests: a real window on a real store in tmp_path."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.services.correspondent import capture
from desktop.store.database import Store, open_store
from desktop.store.reports import ReportRepository, StoredReport
from desktop.ui.app import build_window
from desktop.ui.correspondent.report_form import ReportForm
from desktop.ui.window import GatewatchWindow
from desktop.ui.worker import StoreWorker

T = TypeVar("T")

PASSPHRASE = "bamboo gate opens at two"


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[GatewatchWindow]:
    created = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    yield created
    created.close()
    created.languages.switch("en")


def create_store_through_ui(qtbot: QtBot, window: GatewatchWindow) -> None:
    page = window.first_run
    assert window.pages.currentWidget() is page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    assert page.create_button.isEnabled()
    page.create_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)


@contextlib.contextmanager
def held(worker: StoreWorker) -> Iterator[threading.Event]:
    """Keep `worker`'s thread busy until the block ends (or the event is set): jobs
    submitted meanwhile stay queued, as behind a slow search or photo import."""
    gate, started = threading.Event(), threading.Event()

    def hold(_: object) -> None:
        started.set()
        gate.wait(20)

    worker.submit(hold, lambda _: None, lambda _: None)
    assert started.wait(10), "the worker did not start the holding job"
    try:
        yield gate
    finally:
        gate.set()


def run_job(qtbot: QtBot, worker: StoreWorker, work: Callable[[Store], T]) -> T:
    """Run `work` on the window's worker and wait for its result."""
    outcome: dict[str, Any] = {}
    worker.submit(
        work, lambda result: outcome.update(result=result), lambda e: outcome.update(error=e)
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]


def drain(qtbot: QtBot, worker: StoreWorker, timeout: int = 10_000) -> None:
    """Wait until every job submitted to `worker` so far has run and its answer has been
    delivered or dropped, and the answers started no job that is still in flight: after
    this, nothing those jobs would show or store is still on its way.

    Jobs run in submission order and their answers come back in that order, so when the
    answer of a job submitted now arrives, the earlier ones have arrived (a job submitted
    while the store is locked answers too, with StoreLockedError)."""
    answered: list[int] = []
    for round_ in range(20):
        worker.submit(
            lambda _: None,
            lambda _, n=round_: answered.append(n),
            lambda _, n=round_: answered.append(n),
        )
        qtbot.waitUntil(lambda n=round_: n in answered, timeout=timeout)
        if not worker.busy:
            return
    raise AssertionError("the worker kept getting new jobs")


def add_draft(qtbot: QtBot, window: GatewatchWindow, narrative: str) -> str:
    """Store a draft about Laiza through the window's own worker; return its id."""
    body = {
        "gate": "laiza",
        "observed_at": "2024-11-12T09:30:00+06:30",
        "china_side": "closed",
        "myanmar_side": "open",
        "how_known": "witnessed",
        "narrative": narrative,
    }
    return run_job(
        qtbot,
        window.worker,
        lambda store: capture.save_draft(store, window.gazetteer, body, None, None),
    )


def stored(data_dir: Path) -> list[StoredReport]:
    """Every revision in the store, read through a connection of its own."""
    with open_store(data_dir, PASSPHRASE) as store:
        reports = ReportRepository(store)
        return [reports.get(report_id) for report_id in reports.ids()]


@contextlib.contextmanager
def rescue_dialogs(seconds: float = 8.0) -> Iterator[None]:
    """If a dialog the block opens is still open after `seconds`, reject it: the test then
    fails on its asserts instead of hanging. The timer dies with the block."""

    def reject_all() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(reject_all)
    timer.start(int(seconds * 1000))
    try:
        yield
    finally:
        timer.stop()


def unfold_all(form: ReportForm) -> None:
    """Open every foldable section of the report form, as a user clicking each title."""
    for fold in form.folds:
        if fold.folded:
            fold.button.click()
    QApplication.processEvents()
