"""The editor desk's side of the store behind one repository: the newsroom key pair, the
server and its devices (newsroom.py), pulled envelopes and pages (pages.py), and the reports
received (received.py). Schema v4 tables ``desk_*``.
"""

from __future__ import annotations

from desktop.store.database import Store
from desktop.store.desk.newsroom import (
    DeskDevice,
    DeskKey,
    DeskKeyExistsError,
    DeskServer,
    NewsroomTables,
)
from desktop.store.desk.pages import PageResult, PulledPages
from desktop.store.desk.received import DeskAttachment, DeskReport, ReceivedReports
from desktop.store.desk.records import (
    AttachmentRef,
    ChunkRef,
    EnvelopeRecord,
    ReceivedReport,
    ReportRow,
    report_row,
)

# DeskRepository is defined here; the rest are re-exported from the modules that define
# them, where new code imports them.
__all__ = [
    "AttachmentRef",
    "ChunkRef",
    "DeskAttachment",
    "DeskDevice",
    "DeskKey",
    "DeskKeyExistsError",
    "DeskReport",
    "DeskRepository",
    "DeskServer",
    "EnvelopeRecord",
    "PageResult",
    "ReceivedReport",
    "ReportRow",
    "report_row",
]


class DeskRepository(NewsroomTables, PulledPages, ReceivedReports):
    """The desk tables of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store
