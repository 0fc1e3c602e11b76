"""A complete report stored at once (as ``gatewatch report add`` does): with its cleaned
photos, kept as a draft or queued, and sealed for the newsroom when queued."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.photos import CleanPhoto
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store
from desktop.store.reports import ReportRepository


def add_report(
    store: Store,
    gazetteer: Gazetteer,
    report: Report,
    photos: Sequence[CleanPhoto] = (),
    *,
    draft: bool = False,
) -> None:
    """Store ``report`` with ``photos``; unless a ``draft``, queue it and seal what waits.

    With photos the report is stored as a draft first and queued once they are in, so a
    queued report never goes without the photos it was added with."""
    reports = ReportRepository(store, gazetteer)
    if photos:
        reports.add(report, state=ReportState.DRAFT)
        attachments = AttachmentRepository(store)
        for clean in photos:
            attachments.add(
                report.id, clean.media_type, clean.data, width=clean.width, height=clean.height
            )
        if not draft:
            reports.queue(report.id)
    else:
        reports.add(report, state=ReportState.DRAFT if draft else ReportState.QUEUED)
    if not draft:
        sync.seal_pending(store)
