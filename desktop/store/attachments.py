"""Photos and other attachments, kept as BLOBs inside the encrypted store only.

Bytes arrive here already cleaned (the photo import strips metadata first); this layer
never writes them anywhere else, not even to a temporary file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.ids import new_report_id
from desktop.domain.photo_limits import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_PER_REPORT,
    MEDIA_TYPES,
)
from desktop.domain.report import format_utc
from desktop.store.database import Store
from desktop.store.reports import require_draft


class AttachmentNotFoundError(LookupError):
    """The report has no attachment at this position."""


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its bytes: what a list or a thumbnail strip needs first."""

    id: str
    report_id: str
    position: int
    media_type: str
    size: int
    sha256: str
    width: int | None
    height: int | None


class AttachmentRepository:
    """Attachments of reports in one open store, numbered 1, 2, … per report."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(
        self,
        report_id: str,
        media_type: str,
        data: bytes,
        *,
        width: int | None = None,
        height: int | None = None,
    ) -> AttachmentInfo:
        """Attach bytes to a draft as its next position; return what was stored.

        Raises `ValueError` (unknown media type, empty, larger than MAX_ATTACHMENT_BYTES, or
        too many attachments), `ReportNotFoundError`, and `NotADraftError`: what has been
        queued is sealed as it is, so it gains no photos.
        """
        if media_type not in MEDIA_TYPES:
            raise ValueError(f"only JPEG and PNG photos can be attached (got {media_type})")
        if not data:
            raise ValueError("the attachment is empty")
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ValueError(
                f"the attachment is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB"
            )
        now = datetime.now(UTC)
        digest = hashlib.sha256(data).hexdigest()
        with self._store.transaction() as conn:
            require_draft(conn, report_id)
            count, last = conn.execute(
                "SELECT count(*), coalesce(max(position), 0) FROM attachments WHERE report_id = ?",
                (report_id,),
            ).fetchone()
            if count >= MAX_ATTACHMENTS_PER_REPORT:
                raise ValueError(f"a report holds at most {MAX_ATTACHMENTS_PER_REPORT} photos")
            info = AttachmentInfo(
                id=new_report_id(now),
                report_id=report_id,
                position=last + 1,
                media_type=media_type,
                size=len(data),
                sha256=digest,
                width=width,
                height=height,
            )
            conn.execute(
                "INSERT INTO attachments (id, report_id, position, media_type, data, sha256,"
                " width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.id,
                    report_id,
                    info.position,
                    media_type,
                    data,
                    digest,
                    width,
                    height,
                    format_utc(now),
                ),
            )
        return info

    def list(self, report_id: str) -> list[AttachmentInfo]:
        """The report's attachments in position order, without their bytes."""
        cursor = self._store.conn.execute(
            "SELECT id, report_id, position, media_type, length(data), sha256, width, height"
            " FROM attachments WHERE report_id = ? ORDER BY position",
            (report_id,),
        )
        return [AttachmentInfo(*row) for row in cursor.fetchall()]

    def data(self, report_id: str, position: int) -> bytes:
        """The stored bytes of the attachment at `position` (1-based).

        Raises `AttachmentNotFoundError`.
        """
        row = self._store.conn.execute(
            "SELECT data FROM attachments WHERE report_id = ? AND position = ?",
            (report_id, position),
        ).fetchone()
        if row is None:
            raise AttachmentNotFoundError(f"report {report_id} has no photo {position}")
        return bytes(row[0])

    def remove(self, report_id: str, position: int) -> None:
        """Remove a draft's attachment; later positions keep their numbers.

        Raises `AttachmentNotFoundError`, `ReportNotFoundError`, `NotADraftError`.
        """
        with self._store.transaction() as conn:
            require_draft(conn, report_id)
            cursor = conn.execute(
                "DELETE FROM attachments WHERE report_id = ? AND position = ?",
                (report_id, position),
            )
            if cursor.rowcount == 0:
                raise AttachmentNotFoundError(f"report {report_id} has no photo {position}")
