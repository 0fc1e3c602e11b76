"""`CorrespondentSession` as the command line uses it: reports added, listed, searched and
them, with what each command tells the views it changed; and the hand-carry list of
reports waiting for a receipt."""

from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services import handcarry
from desktop.services.changes import Changes
from desktop.services.correspondent.session import (
    AttachmentNotFoundError,
    CorrespondentSession,
    ReportFilter,
    ReportNotFoundError,
    ReportState,
)
from desktop.services.photos import import_photo
from desktop.store.database import create_store
from tests.helpers.photos import png_with_metadata
from tests.helpers.reports import example

PASSPHRASE = "a long test passphrase"


def test_a_report_added_with_a_photo_is_queued_with_it(tmp_path: Path) -> None:
    gazetteer = default_gazetteer()
    photo = import_photo(png_with_metadata())
    queued = Report.new(ReportContent.from_json(example(narrative="Trucks turned back")))
    draft = Report.new(ReportContent.from_json(example(narrative="Half written")))
    with create_store(tmp_path / "store", PASSPHRASE) as store:
        session = CorrespondentSession(store)
        assert session.add_report(gazetteer, queued, [photo]) == Changes(
            reports=True, photos=True, delivery=True
        )
        assert session.add_report(gazetteer, draft, draft=True) == Changes(reports=True)

        assert session.stored_report(gazetteer, queued.id).row.state is ReportState.QUEUED
        assert session.photo(queued.id, 1) == photo.data
        with pytest.raises(AttachmentNotFoundError):
            session.photo(queued.id, 2)
        with pytest.raises(ReportNotFoundError):
            session.stored_report(gazetteer, "no-such-report")
        drafts = session.filtered_rows(gazetteer, ReportFilter(state=ReportState.DRAFT))
        assert [r.id for r in drafts] == [draft.id]
        assert [r.id for r in session.found_rows(gazetteer, "trucks")] == [queued.id]
        assert {r.id for r in session.found_rows(gazetteer, "Laiza")} == {queued.id, draft.id}

        # Not enrolled: nothing can seal it, and it waits for its receipt, never carried.
        waiting = handcarry.waiting_for_receipt(store)
        assert [(w.report_id, w.carried_at) for w in waiting] == [(queued.id, None)]
