"""The desk page tells the editor when review moves are held for times ahead of this
computer's clock, and how to accept them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.store.database import create_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord
from tests.helpers.desk_stores import fill_desk
from tests.helpers.desk_ui import desk_window
from tests.ui.conftest import PASSPHRASE


def test_the_desk_page_says_review_moves_are_held(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        [report_id, *_] = fill_desk(store)
        event = ReviewEvent.move(
            report_id,
            ReviewState.NEW,
            ReviewState.VERIFIED,
            desk_id="desk-" + "f" * 16,
            desk_label="Night desk",
            at=datetime.now(UTC) + timedelta(days=3),
        )
        payload = json.dumps(
            {"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [event.to_json()]}
        ).encode()
        # As a pull stores a verified review envelope from another desk.
        record = EnvelopeRecord(str(uuid.uuid4()), 900, "newsroom-desk", "review", 1, "x", "stored")
        DeskRepository(store).store_page([record.with_payload(payload)], [], 900, datetime.now(UTC))
        desk_review.apply_pulled_reviews(store)
        assert len(desk_review.held_reviews(store)) == 1

    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
        window.unlock_page.unlock_button.click()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.desk_page, timeout=15_000)
        qtbot.waitUntil(lambda: "held" in window.desk_page.status.text(), timeout=10_000)
        text = window.desk_page.status.text()
        assert "1 review change held" in text
        assert "gatewatch desk held --accept" in text
    finally:
        window.close()
