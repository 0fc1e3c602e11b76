"""`DeskSession` as the command line shares it with the window: one report under review
(the review pane and `gatewatch desk show` read the same view), a page of the inbox, the
pull's refusals."""

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.services.desk.session import DeskSession, InboxFilter
from desktop.store.database import create_store, open_store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from tests.helpers.cli import gw
from tests.helpers.reports import example

PASSPHRASE = "a long test passphrase"
NOW = datetime(2024, 12, 14, 9, 0, tzinfo=UTC)


def envelope(seq: int) -> EnvelopeRecord:
    return EnvelopeRecord(
        envelope_id=str(uuid.uuid4()),
        seq=seq,
        device_id="gw-00000000000000000001",
        kind="report",
        size=2048,
        received_at="2024-12-13T10:00:00.000Z",
        outcome="stored",
    )


def make_desk(folder: Path, narratives: list[str]) -> list[str]:
    """A desk store holding one pulled report per narrative, and one refused envelope."""
    reports = [Report.new(ReportContent.from_json(example(narrative=n))) for n in narratives]
    with create_store(folder, PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Night desk")
        received = [ReceivedReport(envelope(i), r.to_json()) for i, r in enumerate(reports, 1)]
        refused = envelope(len(reports) + 1).refused("bad_signature", "forged")
        DeskRepository(store).store_page([refused], received, len(reports) + 1, NOW)
    return [r.id for r in reports]


def test_the_review_pane_and_desk_show_read_one_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "desk"
    (report_id,) = make_desk(folder, ["Barbed wire across the Laiza road"])
    with open_store(folder, PASSPHRASE) as store:
        desk_review.move(store, report_id, ReviewState.VERIFIED, "seen on video")
        view = DeskSession(store).review(report_id)
        assert DeskSession(store).review("no-such-report") is None
    assert view is not None
    assert view.report is not None
    assert view.state is ReviewState.VERIFIED
    assert view.record["narrative"] == "Barbed wire across the Laiza road"
    assert [(e.what, e.note) for e in view.trail] == [
        ("received", ""),
        ("move", "seen on video"),
    ]
    assert view.undo_to is ReviewState.NEW  # this desk's move may be taken back
    assert view.thumbnails == []  # none asked for

    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert gw(folder, "desk", "show", report_id) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == view.report.id
    assert shown["review_state"] == view.state.value
    assert [(e["what"], e["note"], e["at"]) for e in shown["audit_trail"]] == [
        (e.what, e.note, e.at.isoformat()) for e in view.trail
    ]
    assert gw(folder, "desk", "show", "no-such-report") == 2
    assert "there is no report no-such-report" in capsys.readouterr().err


def test_an_inbox_page_holds_the_first_rows_and_counts_them_all(tmp_path: Path) -> None:
    ids = make_desk(tmp_path / "desk", ["one at Laiza", "two at Laiza", "three at Laiza"])
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        session = DeskSession(store)
        page = session.inbox_page(InboxFilter(), 2, default_gazetteer().named)
        assert page.total == 3
        assert len(page.rows) == 2
        assert {r.report_id for r in page.rows} < set(ids)
        assert session.inbox_page(InboxFilter(text="two"), 50).total == 1
        assert session.inbox_page(InboxFilter(), -1).rows == []
        assert [(r.reason, r.message) for r in session.refusals()] == [("bad_signature", "forged")]
