"""`CorrespondentSession`: the one door of the correspondent's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.followups import Question
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services.changes import Changes, Done
from desktop.services.correspondent import capture, new_report
from desktop.services.correspondent.capture import Listing, ListQuery, ReportDetail
from desktop.services.photos import CleanPhoto
from desktop.store.attachments import AttachmentNotFoundError, AttachmentRepository
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from desktop.store.reports import (
    ReportFilter,
    ReportNotFoundError,
    ReportRepository,
    ReportRow,
    StoredReport,
)

if TYPE_CHECKING:  # sealing and the network layer: imported on first use only
    from desktop.services.handcarry import ExportOutcome, ReceiptsOutcome

__all__ = [
    "AttachmentNotFoundError",
    "CorrespondentSession",
    "ListQuery",
    "Listing",
    "ReportDetail",
    "ReportFilter",
    "ReportNotFoundError",
    "ReportQuestions",
    "ReportRow",
    "ReportState",
    "StoredReport",
]


@dataclass(frozen=True)
class ReportQuestions:
    """The desk's questions about one report (any revision of it), and the correction an
    answer to the open one would name."""

    report_id: str
    questions: list[Question]
    correction_id: str | None


class CorrespondentSession:
    """Use cases of a correspondent's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # The report list, the form, its photos and the desk's questions ---------------------

    def report_ids(self, gazetteer: Gazetteer, query: ListQuery) -> list[str]:
        """Ids for the main list, newest observation first."""
        return capture.list_ids(self._store, gazetteer, query)

    def listing(self, gazetteer: Gazetteer, query: ListQuery) -> Listing:
        """The main list's ids for `query` and the number of reports in the store."""
        return capture.listing(self._store, gazetteer, query)

    def report_count(self) -> int:
        return capture.count_all(self._store)

    def report_rows(self, ids: Sequence[str]) -> list[ReportRow]:
        return capture.fetch_rows(self._store, ids)

    def report(self, gazetteer: Gazetteer, report_id: str) -> ReportDetail:
        return capture.load_detail(self._store, gazetteer, report_id)

    def draft_saved_since(self, moment: datetime) -> str | None:
        """The draft saved last at or after `moment` (the one a lock saved), or None."""
        return ReportRepository(self._store).draft_saved_since(moment)

    def save_draft(
        self,
        gazetteer: Gazetteer,
        body: Mapping[str, Any],
        *,
        draft_id: str | None,
        replaces: str | None,
    ) -> Done[str]:
        """Create or overwrite a draft; its id."""
        saved = capture.save_draft(self._store, gazetteer, body, draft_id, replaces)
        return Done(saved, Changes(reports=True))

    def queue_draft(self, gazetteer: Gazetteer, draft_id: str) -> Done[Report]:
        """Validate, queue and seal a saved draft (ReportValidationError leaves it a draft)."""
        report = capture.queue_draft(self._store, gazetteer, draft_id)
        return Done(report, Changes(reports=True, delivery=True))

    def delete_draft(self, draft_id: str) -> Changes:
        capture.delete_draft(self._store, draft_id)
        return Changes(reports=True, photos=True)

    def photo_thumbnails(self, report_id: str, edge: int) -> list[tuple[int, bytes]]:
        """(position, thumbnail) of each photo of a report, made in memory."""
        from desktop.services.photos import make_thumbnail  # the decoder: not at start

        photos = AttachmentRepository(self._store)
        return [
            (info.position, make_thumbnail(photos.data(report_id, info.position), edge))
            for info in photos.list(report_id)
        ]

    def add_photo(
        self, path: Path, report_id: str, *, max_edge: int, thumbnail_edge: int
    ) -> Done[tuple[int, bytes]]:
        """Read, clean and store a photo with a draft; its position and thumbnail."""
        from desktop.services.photos import import_photo, make_thumbnail, read_photo_file

        clean = import_photo(read_photo_file(path), max_edge=max_edge)
        info = AttachmentRepository(self._store).add(
            report_id, clean.media_type, clean.data, width=clean.width, height=clean.height
        )
        return Done(
            (info.position, make_thumbnail(clean.data, thumbnail_edge)), Changes(photos=True)
        )

    def remove_photo(self, report_id: str, position: int) -> Changes:
        AttachmentRepository(self._store).remove(report_id, position)
        return Changes(photos=True)

    def questions_about(self, report_id: str) -> ReportQuestions:
        from desktop.services.correspondent import followups  # sealing: not at start

        items = followups.questions(self._store, report_id)
        return ReportQuestions(report_id, items, followups.latest_correction(self._store, items))

    def enrolled(self) -> bool:
        """Whether this computer is enrolled with a newsroom server."""
        return IdentityRepository(self._store).get() is not None

    def answer(self, question_id: str, text: str, *, correction_id: str | None) -> Done[Question]:
        """Seal an answer to send at the next sync."""
        from desktop.services.correspondent import followups

        answered = followups.answer(self._store, question_id, text, correction_id=correction_id)
        return Done(answered, Changes(followups=True))

    # -- Reports on the command line: add, list, search, show, photos ---------------------

    def add_report(
        self,
        gazetteer: Gazetteer,
        report: Report,
        photos: Sequence[CleanPhoto] = (),
        *,
        draft: bool = False,
    ) -> Changes:
        """Store a complete report with its photos; queued and sealed unless a draft."""
        new_report.add_report(self._store, gazetteer, report, photos, draft=draft)
        return Changes(reports=True, photos=bool(photos), delivery=not draft)

    def filtered_rows(self, gazetteer: Gazetteer, where: ReportFilter) -> list[ReportRow]:
        """The rows the filter shows, newest observation first."""
        reports = ReportRepository(self._store, gazetteer)
        return reports.rows(reports.ids(where))

    def found_rows(self, gazetteer: Gazetteer, text: str) -> list[ReportRow]:
        """The rows whose text holds every term of ``text`` (crossing names in any
        language find their reports), newest first."""
        reports = ReportRepository(self._store, gazetteer)
        return reports.rows(reports.search(text))

    def stored_report(self, gazetteer: Gazetteer, report_id: str) -> StoredReport:
        """One revision as stored; raises `ReportNotFoundError`."""
        return ReportRepository(self._store, gazetteer).get(report_id)

    def photo(self, report_id: str, number: int) -> bytes:
        """A report's stored photo (``number`` from 1); raises `AttachmentNotFoundError`."""
        return AttachmentRepository(self._store).data(report_id, number)

    # -- Delivery by hand ------------------------------------------------------------------

    def send_by_hand(self, path: Path) -> Done[ExportOutcome]:
        """Every report still without a receipt, sealed into one file at ``path``; the
        list then shows them carried."""
        from desktop.services import handcarry

        return Done(handcarry.export_bundle(self._store, path), Changes(delivery=True))

    def import_receipts(self, path: Path) -> Done[ReceiptsOutcome]:
        """Apply a receipt file from the desk: reports now with the newsroom, answers
        delivered, and the questions it carries taken in."""
        from desktop.services import handcarry

        outcome = handcarry.import_receipts(self._store, path)
        return Done(outcome, Changes(delivery=True, followups=True))
