"""`CorrespondentSession`: the one door of the correspondent's window and commands to an open store.

Queries return view models (plain dataclasses the views show); commands return `Changes`
or `Done` (desktop/services/changes.py), which the store worker broadcasts so each view
refreshes itself. Widgets and commands never assemble repositories or write SQL: what they
need from the store is a method here.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.services.changes import Changes
from desktop.services.correspondent import new_report
from desktop.services.photos import CleanPhoto
from desktop.store.attachments import AttachmentNotFoundError, AttachmentRepository
from desktop.store.database import Store
from desktop.store.reports import (
    ReportFilter,
    ReportNotFoundError,
    ReportRepository,
    ReportRow,
    ReportState,
    StoredReport,
)

__all__ = [
    "AttachmentNotFoundError",
    "CorrespondentSession",
    "ReportFilter",
    "ReportNotFoundError",
    "ReportRow",
    "ReportState",
    "StoredReport",
]


class CorrespondentSession:
    """Use cases of a correspondent's store, on the thread that owns `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

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

    def report_rows(self, gazetteer: Gazetteer, where: ReportFilter) -> list[ReportRow]:
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
