"""The unlock reads the correspondent's first view inside its padding: the list's ids and
its first page of rows are read before the unlock answers, so the list shows them with
no further trip to the store worker; a failure there only means reading them after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.report_state import ReportState
from desktop.services.correspondent import capture
from desktop.store.database import create_store
from desktop.ui.app import build_window
from desktop.ui.window import GatewatchWindow
from tests.helpers.stores import fill
from tests.ui.conftest import PASSPHRASE, drain

REPORTS = 300  # more than a page of rows


@pytest.fixture
def filled(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[GatewatchWindow]:
    with create_store(tmp_path / "store", PASSPHRASE) as store:
        fill(store, REPORTS)
    window = build_window(qapp, tmp_path / "store")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def spy(monkeypatch: pytest.MonkeyPatch, events: list[object], name: str) -> None:
    """Record each call of `capture.<name>` in `events`, then make it."""
    real = getattr(capture, name)

    def recording(*args: object) -> object:
        events.append(name)
        return real(*args)

    monkeypatch.setattr(capture, name, recording)


def unlock(qtbot: QtBot, window: GatewatchWindow, rows: int) -> None:
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    window.unlock_page.unlock_button.click()
    model = window.main_page.model
    qtbot.waitUntil(
        lambda: window.pages.currentWidget() is window.main_page and model.rowCount() == rows,
        timeout=15_000,
    )
    drain(qtbot, window.worker)  # whatever the list still asked for has answered


def test_the_list_and_its_first_rows_are_read_before_the_unlock_answers(
    qtbot: QtBot, filled: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = filled
    model = window.main_page.model
    events: list[object] = []
    spy(monkeypatch, events, "list_ids")
    spy(monkeypatch, events, "fetch_rows")
    window.worker.opened.connect(lambda: events.append("opened"))
    model.modelReset.connect(
        lambda: events.append(("shown", model.cached(model.report_id(0) or "") is not None))
    )

    unlock(qtbot, window, REPORTS)

    # The first row is there as the list shows: the view asks the worker for nothing.
    assert events == ["list_ids", "fetch_rows", "opened", ("shown", True)]
    assert window.count_label.text() == f"{REPORTS} of {REPORTS} reports"


def test_the_filter_kept_over_a_lock_is_the_one_read_during_the_unlock(
    qtbot: QtBot, filled: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = filled
    unlock(qtbot, window, REPORTS)
    page = window.main_page
    page.state_filter.setCurrentIndex(page.state_filter.findData(ReportState.DRAFT))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)

    window.lock()
    events: list[object] = []
    spy(monkeypatch, events, "list_ids")
    window.worker.opened.connect(lambda: events.append("opened"))
    unlock(qtbot, window, 1)

    assert page.query().state is ReportState.DRAFT
    assert events == ["list_ids", "opened"]
    assert window.count_label.text() == f"1 of {REPORTS} reports"


def test_a_list_that_could_not_be_read_during_the_unlock_is_read_after_it(
    qtbot: QtBot, filled: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = filled
    real = capture.list_ids
    events: list[object] = []

    def failing_once(*args: object) -> list[str]:
        events.append("list_ids")
        if events.count("list_ids") == 1:
            raise OSError("the disk did not answer")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(capture, "list_ids", failing_once)
    window.worker.opened.connect(lambda: events.append("opened"))

    unlock(qtbot, window, REPORTS)

    assert events == ["list_ids", "opened", "list_ids"]
    assert window.statusBar().currentMessage() == ""
