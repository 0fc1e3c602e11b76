"""The correspondent's views refresh themselves from the store worker's `changed`: the
report list after the form saved or queued (nothing wires the form to the list here), the
follow-up panel after an answer given through the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import Gazetteer, default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.changes import Changes
from desktop.services.correspondent.session import CorrespondentSession
from desktop.store.database import Store, create_store
from desktop.store.reports import ReportRepository
from desktop.ui.correspondent.followup_panel import FollowupPanel
from desktop.ui.correspondent.main_page import MainPage
from desktop.ui.correspondent.report_form import ReportForm
from desktop.ui.worker import StoreWorker
from tests.helpers.followups import QUESTION_ID, enrol_offline, store_question
from tests.helpers.reports import example
from tests.ui.conftest import PASSPHRASE, run_job


@pytest.fixture
def worker(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreWorker]:
    started = StoreWorker()
    started.open(lambda: create_store(tmp_path / "store", PASSPHRASE), lambda _: None, print)
    qtbot.waitUntil(lambda: started.is_open)
    yield started
    started.shutdown()


@pytest.fixture
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _list(qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer) -> MainPage:
    page = MainPage(worker, gazetteer, lambda: "en")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty)
    return page


def _form(qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer) -> ReportForm:
    form = ReportForm(worker, gazetteer, lambda: "en")
    qtbot.addWidget(form)
    return form


def test_a_save_in_the_form_refreshes_the_list_through_changed(
    qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer
) -> None:
    page = _list(qtbot, worker, gazetteer)
    form = _form(qtbot, worker, gazetteer)
    broadcast: list[Changes] = []
    worker.changed.connect(broadcast.append)

    form.start_new()
    qtbot.keyClicks(form.narrative, "Trucks queue at the gate.")
    with qtbot.waitSignal(form.saved):
        form.save()
    assert broadcast == [Changes(reports=True)]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.list_stack.currentWidget() is page.table
    assert page.model.report_id(0) == form.draft_id


def test_queueing_in_the_form_refreshes_the_selected_report_in_the_list(
    qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer
) -> None:
    page = _list(qtbot, worker, gazetteer)
    form = _form(qtbot, worker, gazetteer)
    draft = _saved_draft(qtbot, worker, gazetteer)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.selected_draft == draft)

    form.start_edit(draft, example())
    with qtbot.waitSignal(form.queued):
        form.queue()
    # The selected row's detail is loaded again: the draft is queued now.
    qtbot.waitUntil(lambda: page.selected_draft is None and "Queued" in page.detail.toPlainText())


def test_the_state_filter_shows_the_reports_in_that_state(
    qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer
) -> None:
    page = _list(qtbot, worker, gazetteer)
    draft = _saved_draft(qtbot, worker, gazetteer)
    run_job(qtbot, worker, lambda s: _asked(s))  # a queued report
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    errors: list[object] = []
    page.error.connect(errors.append)

    page.state_filter.setCurrentIndex(page.state_filter.findData(ReportState.DRAFT))

    qtbot.waitUntil(lambda: page.model.rowCount() == 1 or bool(errors))
    assert errors == []
    assert page.model.report_id(0) == draft


def _saved_draft(qtbot: QtBot, worker: StoreWorker, gazetteer: Gazetteer) -> str:
    return str(
        run_job(
            qtbot,
            worker,
            lambda s: CorrespondentSession(s).save_draft(
                gazetteer, example(), draft_id=None, replaces=None
            ),
        ).value
    )


def _asked(store: Store) -> str:
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(store).add(report, state=ReportState.QUEUED)
    enrol_offline(store)
    store_question(store, report.id)  # as a sync stores an opened question
    return report.id


def test_an_answer_given_elsewhere_shows_in_the_panel_through_changed(
    qtbot: QtBot, worker: StoreWorker
) -> None:
    report_id = run_job(qtbot, worker, _asked)
    panel = FollowupPanel(worker)
    qtbot.addWidget(panel)
    panel.show_report(report_id)
    qtbot.waitUntil(lambda: "Which side closed first?" in panel.questions_label.text())
    assert panel.answer_box.isVisibleTo(panel)

    answered: list[object] = []
    worker.command(
        lambda s: CorrespondentSession(s).answer(
            QUESTION_ID, "The China side.", correction_id=None
        ),
        answered.append,
        print,
    )
    qtbot.waitUntil(lambda: "The China side." in panel.questions_label.text())
    assert answered
    assert not panel.answer_box.isVisibleTo(panel)
