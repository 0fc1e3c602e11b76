"""Attachments, settings and outbox repositories on a real store."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_lifecycle import NotADraftError
from desktop.domain.report_state import ReportState
from desktop.store.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentNotFoundError,
    AttachmentRepository,
)
from desktop.store.database import Store, create_store, open_store
from desktop.store.outbox import OutboxRepository
from desktop.store.reports import ReportRepository
from desktop.store.settings import SettingsRepository
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE

JPEG = b"\xff\xd8\xff\xe0" + b"pixels" * 100 + b"\xff\xd9"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


def test_attachments_are_numbered_and_read_back(store: Store) -> None:
    draft_id = ReportRepository(store).save_draft({"narrative": "photo of the barricade"})
    photos = AttachmentRepository(store)
    first = photos.add(draft_id, "image/jpeg", JPEG, width=4, height=3)
    second = photos.add(draft_id, "image/png", b"\x89PNG" + b"x" * 10)
    assert (first.position, second.position) == (1, 2)
    assert photos.data(draft_id, 1) == JPEG
    assert [a.media_type for a in photos.list(draft_id)] == ["image/jpeg", "image/png"]
    assert photos.list(draft_id)[0].size == len(JPEG)
    photos.remove(draft_id, 1)
    assert [a.position for a in photos.list(draft_id)] == [2]
    with pytest.raises(AttachmentNotFoundError):
        photos.data(draft_id, 1)


def test_attachments_are_refused_when_bad_or_after_queueing(store: Store) -> None:
    reports = ReportRepository(store)
    photos = AttachmentRepository(store)
    draft_id = reports.save_draft({})
    with pytest.raises(ValueError, match="JPEG and PNG"):
        photos.add(draft_id, "image/gif", b"GIF89a")
    with pytest.raises(ValueError, match="larger than"):
        photos.add(draft_id, "image/jpeg", b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    with pytest.raises(ValueError, match="empty"):
        photos.add(draft_id, "image/jpeg", b"")
    queued = Report.new(ReportContent.from_json(example()))
    reports.add(queued)
    with pytest.raises(NotADraftError):
        photos.add(queued.id, "image/jpeg", JPEG)


def test_deleting_a_draft_deletes_its_photos(store: Store) -> None:
    reports = ReportRepository(store)
    draft_id = reports.save_draft({})
    AttachmentRepository(store).add(draft_id, "image/jpeg", JPEG)
    reports.delete_draft(draft_id)
    assert store.conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0


def test_settings_round_trip_and_survive_reopen(tmp_path: Path) -> None:
    with create_store(tmp_path / "s", PASSPHRASE) as store:
        settings = SettingsRepository(store)
        assert settings.get("lock.idle_minutes", 5) == 5
        settings.set("lock.idle_minutes", 3)
        settings.set("ui.language", "my")
        settings.set("ui.language", "en")
    with open_store(tmp_path / "s", PASSPHRASE) as store:
        settings = SettingsRepository(store)
        assert settings.get("lock.idle_minutes") == 3
        assert settings.get("ui.language") == "en"
        settings.delete("ui.language")
        assert settings.get("ui.language") is None
        with pytest.raises(ValueError, match="too large"):
            settings.set("x", "y" * 70_000)


def test_outbox_lists_queued_reports_only(store: Store) -> None:
    reports = ReportRepository(store)
    queued = Report.new(ReportContent.from_json(example()))
    reports.add(queued)
    reports.add(Report.new(ReportContent.from_json(example())), state=ReportState.DRAFT)
    outbox = OutboxRepository(store)
    assert outbox.pending_ids() == [queued.id]
    assert outbox.pending_count() == 1
