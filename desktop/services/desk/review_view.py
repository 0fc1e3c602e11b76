"""One report as the desk reviews it: the record, where it came from, its review state and
audit trail, its photos as thumbnails, and whether this desk's last move may be undone.

The review pane and ``gatewatch desk show`` both read it here (through
`DeskSession.review`), so the window and the command line show the same report the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import UNDO_WINDOW
from desktop.services.desk import review as desk_review
from desktop.services.photos import PhotoError, make_thumbnail
from desktop.store.database import Store
from desktop.store.desk.core import DeskReport, DeskRepository
from desktop.store.desk.review import AuditEntry, ReviewRepository

__all__ = ["AuditEntry", "ReviewView", "load_review"]


@dataclass(frozen=True)
class ReviewView:
    """What the desk shows about one report."""

    report_id: str
    record: dict[str, Any]
    device: str  # the device's label, or its id while it has none
    state: ReviewState
    trail: list[AuditEntry]
    thumbnails: list[tuple[int, bytes]]  # (photo position, PNG), complete photos only
    undo_until: datetime | None = None  # this desk's last move may be undone until then
    undo_to: ReviewState | None = None  # the state an undo goes back to
    report: DeskReport | None = None  # the report as received, for its JSON form


def load_review(
    store: Store, report_id: str, *, thumbnail_edge: int | None = None
) -> ReviewView | None:
    """The report, its state, audit trail and (with ``thumbnail_edge``) photo thumbnails
    that fit a square of that edge; None if the desk does not hold it."""
    desk = DeskRepository(store)
    found = desk.reports([report_id])
    reviews = ReviewRepository(store)
    state = reviews.state(report_id)
    if not found or state is None:
        return None
    report = found[0]
    thumbnails = [] if thumbnail_edge is None else _thumbnails(desk, report, thumbnail_edge)
    undoable = desk_review.undoable(store, report_id)
    return ReviewView(
        report_id,
        dict(report.record),
        report.device_label or report.device_id,
        state,
        reviews.audit_trail(report_id),
        thumbnails,
        None if undoable is None else undoable.at + UNDO_WINDOW,
        None if undoable is None else undoable.from_state,
        report,
    )


def _thumbnails(desk: DeskRepository, report: DeskReport, edge: int) -> list[tuple[int, bytes]]:
    thumbnails: list[tuple[int, bytes]] = []
    for attachment in report.attachments:
        data = desk.attachment_data(report.id, attachment.position) if attachment.complete else None
        if data is None:
            continue
        try:
            thumbnails.append((attachment.position, make_thumbnail(data, edge)))
        except PhotoError:
            continue  # a photo that does not decode is left out; the record still shows
    return thumbnails
