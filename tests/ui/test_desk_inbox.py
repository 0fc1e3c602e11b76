"""The desk's inbox: the desk page after unlock, filters and search, and a real pull."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.services.correspondent.demo import story
from desktop.services.desk import connection as desk_connection
from desktop.store.database import create_store
from tests.helpers.desk_stores import MAI_JA_YANG_LAPTOP
from tests.helpers.desk_ui import desk_window, make_desk_store, shown_ids, unlock_desk, wait_count
from tests.ui.conftest import PASSPHRASE


def test_the_desk_page_opens_after_unlocking_a_desk_store(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        assert window.desk_mode
        assert not window.report_menu.menuAction().isVisible()
        assert window.desk_menu.menuAction().isVisible()
        assert not window.new_action.isVisible()
        assert not window.sync_action.isVisible()
        assert window.desk_page.pull_action.isEnabled()
        wait_count(qtbot, page, len(ids))
        # Newest observation first; the count says how many of how many.
        qtbot.waitUntil(lambda: page.inbox.model.cached(shown_ids(page)[0]) is not None)
        first = page.inbox.model.cached(shown_ids(page)[0])
        last = page.inbox.model.cached(shown_ids(page)[-1]) or first
        assert first is not None
        assert last is not None
        assert first.observed_at >= last.observed_at
        assert page.inbox.count.text() == f"{len(ids)} of {len(ids)} reports"
        window.lock()
        assert page.inbox.model.rowCount() == 0
        assert window.pages.currentWidget() is window.unlock_page
    finally:
        window.close()


def test_filters_and_search_narrow_the_inbox(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        filters = page.inbox.filters
        total = len(ids)
        wait_count(qtbot, page, total)

        filters.gate.setCurrentIndex(filters.gate.findData("pang_war"))
        qtbot.waitUntil(lambda: 0 < page.inbox.model.rowCount() < total)
        assert page.inbox.count.text().endswith(f"of {total} reports")
        pang_war = page.inbox.model.rowCount()
        filters.gate.setCurrentIndex(0)
        wait_count(qtbot, page, total)

        filters.device.setCurrentIndex(filters.device.findData(MAI_JA_YANG_LAPTOP))
        wait_count(qtbot, page, total // 2)
        filters.device.setCurrentIndex(0)
        wait_count(qtbot, page, total)

        filters.state.setCurrentIndex(filters.state.findData(ReviewState.VERIFIED.value))
        qtbot.waitUntil(lambda: page.inbox.stack.currentWidget() is page.inbox.empty)
        assert "No report matches" in page.inbox.empty.raw_text()
        filters.state.setCurrentIndex(filters.state.findData(ReviewState.NEW.value))
        wait_count(qtbot, page, total)

        filters.source.setCurrentIndex(filters.source.findData("driver"))
        qtbot.waitUntil(lambda: 0 < page.inbox.model.rowCount() < total)
        filters.source.setCurrentIndex(0)
        filters.reliability.setCurrentIndex(filters.reliability.findData("C"))
        qtbot.waitUntil(lambda: 0 < page.inbox.model.rowCount() < total)
        filters.reliability.setCurrentIndex(0)
        wait_count(qtbot, page, total)

        # Dates: only what was observed in December 2024 (the partial reopening).
        filters.since.setDate(QDate(2024, 12, 1))
        filters.until.setDate(QDate(2024, 12, 31))
        qtbot.waitUntil(lambda: 0 < page.inbox.model.rowCount() < total)
        where = filters.current()
        assert (where.since, where.until) == (date(2024, 12, 1), date(2024, 12, 31))
        for edit in (filters.since, filters.until):
            edit.setDate(edit.minimumDate())
        wait_count(qtbot, page, total)

        # Search: a word of the English narratives, then a Burmese crossing name.
        qtbot.keyClicks(filters.search, "barbed wire")
        qtbot.waitUntil(lambda: 0 < page.inbox.model.rowCount() < total)
        filters.search.clear()
        wait_count(qtbot, page, total)
        filters.search.setText("ပန်ဝါ")  # Pang War, in Burmese: matched by the gazetteer
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() == pang_war)

        # Oldest first reverses the order.
        filters.search.clear()
        wait_count(qtbot, page, total)
        newest_first = shown_ids(page)
        filters.sort.setCurrentIndex(1)
        qtbot.waitUntil(lambda: shown_ids(page) == list(reversed(newest_first)))
    finally:
        window.close()


def test_a_large_inbox_holds_ids_and_fetches_rows_a_page_at_a_time(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_desk_store(tmp_path / "desk", extra=3000)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        model = page.inbox.model
        qtbot.waitUntil(lambda: model.rowCount() > 3000, timeout=10_000)
        last = model.rowCount() - 1
        page.inbox.table.scrollToBottom()
        qtbot.waitUntil(lambda: model.cached(model.report_id(last) or "") is not None)
        # Only the pages shown were fetched, not every row.
        assert sum(model.cached(i) is not None for i in shown_ids(page)) < 1000
    finally:
        window.close()


def test_pulling_from_a_real_server_fills_the_inbox(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    from desktop.domain.gazetteer import default_gazetteer
    from desktop.services import sync
    from desktop.services.correspondent import capture
    from sync.server.store import ServerStore
    from sync.server.testing import init_server, running_server
    from tests.e2e.conftest import fast_client, make_invite
    from tests.helpers.servers import GENEROUS

    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        public = desk_connection.init_desk(store, "x25519")
    init_server(tmp_path / "server", public)
    with running_server(tmp_path / "server", config=GENEROUS) as url:
        with ServerStore.open(tmp_path / "server") as admin:
            _, desk_token = admin.tokens.create_desk_token("desk")
        with create_store(tmp_path / "corr", PASSPHRASE) as corr:
            sync.enroll(corr, url, make_invite(tmp_path / "server", "Laiza laptop"))
            for item in story("en")[:4]:
                draft = capture.save_draft(corr, default_gazetteer(), item.body, None, None)
                capture.queue_draft(corr, default_gazetteer(), draft)
            assert sync.sync_once(corr, client_factory=fast_client).done

        window = desk_window(qtbot, qapp, tmp_path / "desk")
        try:
            page = window.unlock_page
            qtbot.keyClicks(page.passphrase, PASSPHRASE)
            page.unlock_button.click()
            qtbot.waitUntil(
                lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000
            )
            desk_page = window.desk_page
            qtbot.waitUntil(lambda: "Not connected" in desk_page.status.text())
            assert desk_page.inbox.empty.raw_text().startswith("No reports at this desk yet")
            # Pull before connecting: said plainly.
            desk_page.pull()
            qtbot.waitUntil(lambda: "not connected" in desk_page.status.text())
            form = window.desk_setup.connect_form  # the same form the dialog shows
            form.url.setText(url)
            form.token.setText("W" * 43)
            form.connect_to()
            qtbot.waitUntil(lambda: not form.error.isHidden(), timeout=10_000)
            assert "refused the desk token" in form.error.raw_text()
            form.token.setText(desk_token)
            connected: list[int] = []
            form.connected.connect(connected.append)
            form.connect_to()
            qtbot.waitUntil(lambda: bool(connected), timeout=10_000)
            desk_page.pull_button.click()
            qtbot.waitUntil(lambda: desk_page.inbox.model.rowCount() == 4, timeout=20_000)
            # "4 new reports so far" shows while the pull ends (acknowledgement, release
            # notice): wait for the finished pull's own line.
            qtbot.waitUntil(lambda: "Last pull" in desk_page.status.text(), timeout=20_000)
            assert "4 new report" in desk_page.status.text()
            # The device label the server gave is the correspondent column.
            filters = desk_page.inbox.filters
            assert filters.device.findText("Laiza laptop") > 0
        finally:
            window.close()


def test_a_late_list_does_not_take_back_the_report_the_editor_chose(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        wait_count(qtbot, page, len(ids))
        shown = shown_ids(page)
        inbox = page.inbox
        inbox.prefer(shown[0])  # as a triage move does for the next report
        inbox.select_report(shown[1])  # the editor goes elsewhere before the list answers
        assert inbox.current_id == shown[1]
        with qtbot.waitSignal(inbox.selection_changed, timeout=10_000):
            inbox.refresh()  # the list answering late
        assert inbox.current_id == shown[1]
    finally:
        window.close()
