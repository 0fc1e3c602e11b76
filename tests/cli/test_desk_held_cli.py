"""`gatewatch desk held [--accept]`: review moves held for times ahead of this desk's
clock are listed with why, and applied when the editor accepts them."""

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK
from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.services.desk import review as desk_review
from desktop.store.database import open_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord
from desktop.store.desk.review import ReviewRepository
from tests.helpers.cli import env, gw
from tests.helpers.desk_cli import desk_dir
from tests.helpers.desk_stores import fill_desk
from tests.helpers.stores import PASSPHRASE

__all__ = ["desk_dir", "env"]  # fixtures


def test_held_moves_are_listed_then_accepted(
    desk_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(desk_dir, PASSPHRASE) as store:
        [report_id, *_] = fill_desk(store)
        event = ReviewEvent.move(
            report_id,
            ReviewState.NEW,
            ReviewState.REJECTED,
            desk_id="desk-" + "f" * 16,
            desk_label="Night desk",
            at=datetime.now(UTC) + timedelta(days=3),
        )
        payload = json.dumps(
            {"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [event.to_json()]}
        ).encode()
        eid = str(uuid.uuid4())
        record = EnvelopeRecord(eid, 900, "newsroom-desk", "review", 1, "x", "stored")
        DeskRepository(store).store_page([record.with_payload(payload)], [], 900, datetime.now(UTC))
        desk_review.apply_pulled_reviews(store)
    capsys.readouterr()

    assert gw(desk_dir, "desk", "held") == EXIT_OK
    listed = capsys.readouterr().out
    assert eid in listed
    assert "Night desk" in listed
    with open_store(desk_dir, PASSPHRASE) as store:
        assert ReviewRepository(store).state(report_id) == ReviewState.NEW  # still held

    assert gw(desk_dir, "desk", "held", "--accept") == EXIT_OK
    assert "Accepted 1 held review envelope(s): 1 new" in capsys.readouterr().out
    with open_store(desk_dir, PASSPHRASE) as store:
        assert ReviewRepository(store).state(report_id) == ReviewState.REJECTED
    assert gw(desk_dir, "desk", "held") == EXIT_OK
    assert "No review moves are held." in capsys.readouterr().out
