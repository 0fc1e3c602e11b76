"""The report under review: only the allowed moves are offered, a move changes the state in
the pane and the list and enters the history with the desk's label, notes too."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ALLOWED_MOVES, ReviewState
from desktop.services.desk import review as desk_review
from desktop.store.desk.review import ReviewRepository
from desktop.ui.desk.page import DeskPage
from tests.helpers.desk_ui import desk_window, make_desk_store, select, unlock_desk
from tests.helpers.dialogs import answer_message_box
from tests.ui.conftest import drain, rescue_dialogs, run_job


def offered(page: DeskPage) -> set[ReviewState]:
    buttons = page.review.move_buttons
    return {state for state, button in buttons.items() if button.isEnabled()}


def cached_state(page: DeskPage, report_id: str) -> ReviewState | None:
    row = page.inbox.model.cached(report_id)
    return None if row is None else row.state


def test_moves_and_notes_through_the_pane(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    ids = make_desk_store(tmp_path / "desk", label="Night desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        report_id = ids[0]
        select(qtbot, page, report_id)
        assert page.inbox.current_id == report_id
        assert page.review.shown_state is ReviewState.NEW
        assert offered(page) == set(ALLOWED_MOVES[ReviewState.NEW])
        assert ReviewState.PUBLISHED not in offered(page)
        assert "received from the server" in page.review.browser.toPlainText()

        page.review.move_note.setText("Two traders at Laiza agree")
        page.review.move_buttons[ReviewState.VERIFIED].click()
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.VERIFIED, timeout=10_000)
        assert offered(page) == set(ALLOWED_MOVES[ReviewState.VERIFIED])
        history = page.review.browser.toPlainText()
        assert "Night desk moved it from new to verified" in history
        assert "Two traders at Laiza agree" in history
        assert page.review.move_note.text() == ""
        assert page.review.state_badge.text() == "verified"

        # The list row shows the new state.
        model = page.inbox.model

        def row_state() -> ReviewState | None:
            row = model.cached(report_id)
            return None if row is None else row.state

        qtbot.waitUntil(lambda: row_state() is ReviewState.VERIFIED, timeout=10_000)
        assert page.inbox.current_id == report_id

        page.review.note.setPlainText("Ask for a photo of the barricade.")
        page.review.add_note_button.click()
        qtbot.waitUntil(
            lambda: "Night desk wrote a note" in page.review.browser.toPlainText(), timeout=10_000
        )
        assert "Ask for a photo of the barricade." in page.review.browser.toPlainText()
        assert page.review.note.toPlainText() == ""

        seen: list[str] = []
        answer_message_box(qtbot, "Publish", seen)
        with rescue_dialogs():
            page.review.move_buttons[ReviewState.PUBLISHED].click()
        assert "Publishing tells every editor" in seen[0]
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.PUBLISHED, timeout=10_000)
        assert offered(page) == {ReviewState.NEEDS_FOLLOW_UP}

        events = run_job(qtbot, window.worker, lambda s: ReviewRepository(s).history(report_id))
        assert [(e.kind.value, e.desk_label) for e in events] == [
            ("move", "Night desk"),
            ("note", "Night desk"),
            ("move", "Night desk"),
        ]
        # The move waits to be sent; the status line says so.
        qtbot.waitUntil(lambda: "waiting to be sent" in page.status.text(), timeout=10_000)
    finally:
        window.close()


def test_the_board_opens_a_report_in_the_inbox(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        page.tabs.setCurrentWidget(page.board)
        # Hidden by a filter: the inbox clears its filters to show it.
        page.inbox.filters.search.setText("nothing matches this")
        qtbot.waitUntil(lambda: page.inbox.model.rowCount() == 0, timeout=10_000)
        page.board.report_requested.emit(ids[3])
        assert page.tabs.currentWidget() is page.inbox_tab
        qtbot.waitUntil(lambda: page.inbox.current_id == ids[3], timeout=10_000)
        assert page.inbox.filters.search.text() == ""
    finally:
        window.close()


def test_photos_of_a_pulled_report_show_in_the_pane(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    from desktop.domain.gazetteer import default_gazetteer
    from desktop.domain.report import Report, ReportContent
    from desktop.services import sync
    from desktop.services.correspondent.demo import story
    from desktop.services.desk import connection as desk_connection
    from desktop.services.desk import core as desk
    from desktop.services.photos import import_photo
    from desktop.store.database import create_store
    from sync.server.store import ServerStore
    from sync.server.testing import init_server, running_server
    from tests.e2e.conftest import fast_client, make_invite, queue_with_photos
    from tests.helpers.photos import jpeg_with_metadata, png_with_metadata
    from tests.helpers.servers import GENEROUS
    from tests.ui.conftest import PASSPHRASE

    photos = []
    for raw in (jpeg_with_metadata(), png_with_metadata()):
        clean = import_photo(raw)
        photos.append((clean.media_type, clean.data, clean.width, clean.height))
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        public = desk_connection.init_desk(store, "x25519")
        init_server(tmp_path / "server", public)
        with running_server(tmp_path / "server", config=GENEROUS) as url:
            with ServerStore.open(tmp_path / "server") as admin:
                _, token = admin.tokens.create_desk_token("desk")
            with create_store(tmp_path / "corr", PASSPHRASE) as corr:
                sync.enroll(corr, url, make_invite(tmp_path / "server", "Laiza laptop"))
                report = Report.new(ReportContent.from_json(story("en")[0].body))
                queue_with_photos(corr, report, photos)
                for _ in range(10):
                    if sync.sync_once(corr, client_factory=fast_client).done:
                        break
            desk_connection.connect(store, url, token, client_factory=fast_client)
            desk.pull(store, client_factory=fast_client)
    assert default_gazetteer().get("laiza") is not None

    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        select(qtbot, page, report.id)
        assert set(page.review.browser.images) == {"photo:1", "photo:2"}
        assert all(not image.isNull() for image in page.review.browser.images.values())
        assert page.review.browser.toHtml().count("photo:") >= 2
    finally:
        window.close()


def test_a_move_another_desk_overtook_is_refused_in_plain_words(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk", label="Night desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        report_id = ids[0]
        # The editor works through the new reports: the refused one will leave that filter.
        state_filter = page.inbox.filters.state
        state_filter.setCurrentIndex(state_filter.findData(ReviewState.NEW.value))
        qtbot.waitUntil(lambda: page.inbox.model.row_of(report_id) is not None, timeout=10_000)
        select(qtbot, page, report_id)
        assert page.review.shown_state is ReviewState.NEW
        # Meanwhile the report is verified and published (as a pull of another desk's moves
        # would do), and the pane still offers the moves from "new".
        for target in (ReviewState.VERIFIED, ReviewState.PUBLISHED):
            run_job(
                qtbot, window.worker, partial(desk_review.move, report_id=report_id, target=target)
            )
        page.review.move_buttons[ReviewState.VERIFIED].click()
        qtbot.waitUntil(page.review.message.isVisible, timeout=10_000)
        assert page.review.message.text() == (
            "This report's review is now “published” (another desk may have moved it). From "
            "there it can go to: needs follow-up."
        )
        assert run_job(qtbot, window.worker, lambda s: ReviewRepository(s).state(report_id)) is (
            ReviewState.PUBLISHED
        )
        # The pane catches up: the state another desk set, and only the moves from there.
        qtbot.waitUntil(lambda: page.review.shown_state is ReviewState.PUBLISHED, timeout=10_000)
        assert offered(page) == {ReviewState.NEEDS_FOLLOW_UP}
        qtbot.waitUntil(lambda: cached_state(page, report_id) is ReviewState.PUBLISHED)
        drain(qtbot, window.worker)  # a refresh of the filtered list would have answered
        assert page.inbox.current_id == report_id
        assert page.review.message.isVisible()
        assert "published" in page.review.message.text()
    finally:
        window.close()
