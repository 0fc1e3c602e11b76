"""Duplicates at the desk: find them, merge a group, split it; nothing is ever deleted.

`find_duplicates` groups the recent reports that tell of one observation
(`desktop.domain.desk.duplicates`) and flags photos that are the same picture across reports
and devices (a difference hash of the stored photo, which the correspondent's app
stripped of its metadata at import). An editor merges a group (`merge`: each other report
is linked to the lead by a ``link`` review event) or splits a report off again (`split`);
links travel and converge like every review event, and the reports stay as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.duplicates import WINDOW, DuplicateGroup, group_duplicates, same_photos
from desktop.domain.desk.review import ReviewError
from desktop.domain.desk.review_events import EventKind, ReviewEvent
from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.photo_hash import dhash
from desktop.services.desk.review import _record_and_seal, desk_identity
from desktop.services.photos import PhotoError
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import ReviewRepository

LOOK_BACK = timedelta(days=14)


@dataclass(frozen=True)
class Duplicates:
    groups: list[DuplicateGroup]
    same_photos: list[tuple[tuple[str, int], tuple[str, int]]]
    merged: dict[str, str]  # report id -> the lead it is linked to


def find_duplicates(
    store: Store, gazetteer: Gazetteer, *, now: datetime | None = None
) -> Duplicates:
    """Groups and same photos among the reports observed in the last `LOOK_BACK` (current
    revisions, not rejected), with the merges editors made."""
    since = (now or datetime.now(UTC)) - LOOK_BACK
    reviews = ReviewRepository(store)
    reports: list[BoardReport] = []
    for crossing in gazetteer.crossings:
        reports += reviews.board_reports(crossing.id, since=since)
    desk = DeskRepository(store)
    hashes: list[tuple[str, int, int]] = []
    for held in desk.reports([r.report_id for r in reports]):
        for attachment in held.attachments:
            data = desk.attachment_data(held.id, attachment.position)
            if data is None or not attachment.complete:
                continue
            try:
                hashes.append((held.id, attachment.position, dhash(data)))
            except PhotoError:
                continue  # a photo that does not decode is shown as such elsewhere
    return Duplicates(
        group_duplicates(reports), same_photos(hashes), MarksRepository(store).links()
    )


@dataclass(frozen=True)
class ReportGroup:
    """The group a report is in, as its review pane shows it: the reports found telling of
    the same observation and those merged with it, the first observed first."""

    report_ids: tuple[str, ...]
    sources: int  # independent sources among the reports found (0: merged only)
    merged_lead: str | None  # the lead the merged reports are linked to, if any
    linked: frozenset[str]  # the reports linked to that lead

    @property
    def can_split(self) -> bool:
        return bool(self.linked)


def group_of(store: Store, report_id: str) -> ReportGroup | None:
    """The group `report_id` is in (found by `group_duplicates` among its crossing's reports
    of the `LOOK_BACK` before it, or made by a merge), or None when it is alone."""
    reviews = ReviewRepository(store)
    rows = reviews.inbox_rows([report_id])
    if not rows:
        return None
    row = rows[0]
    found: DuplicateGroup | None = None
    if row.gate is not None:
        nearby = reviews.board_reports(
            row.gate, since=row.observed_at - LOOK_BACK, until=row.observed_at + WINDOW
        )
        found = next((g for g in group_duplicates(nearby) if report_id in g.report_ids), None)
    links = MarksRepository(store).links()
    lead = links.get(report_id) or (report_id if report_id in links.values() else None)
    linked = frozenset(r for r, to in links.items() if to == lead) if lead else frozenset()
    ids = list(found.report_ids) if found is not None else []
    merged = (linked | {lead}) if lead is not None else frozenset()
    ids += sorted(merged - set(ids))
    if len(ids) < 2:
        return None
    return ReportGroup(tuple(ids), found.sources if found else 0, lead, linked)


def merge(
    store: Store, lead: str, others: Sequence[str], *, now: datetime | None = None
) -> list[ReviewEvent]:
    """Link `others` to `lead` (the group's lead stays as it is)."""
    return _link(store, [r for r in others if r != lead], lead, now)


def split(
    store: Store, report_ids: Sequence[str], *, now: datetime | None = None
) -> list[ReviewEvent]:
    """Unlink reports from the group they were merged into."""
    return _link(store, report_ids, "", now)


def _link(
    store: Store, report_ids: Sequence[str], lead: str, now: datetime | None
) -> list[ReviewEvent]:
    reviews = ReviewRepository(store)
    held = set(reviews.latest_revisions([*report_ids, lead] if lead else report_ids))
    for report_id in [*report_ids, lead] if lead else report_ids:
        if report_id not in held:
            raise ReviewError(f"there is no report {report_id} at this desk", "unknown_report")
    identity = desk_identity(store)
    marks = MarksRepository(store)
    events = []
    for report_id in report_ids:
        at = (now or datetime.now(UTC)).astimezone(UTC)
        replaced = marks.link_time(report_id)
        if replaced is not None and at <= replaced:
            at = replaced + timedelta(microseconds=1)
        events.append(
            ReviewEvent.mark(
                report_id,
                EventKind.LINK,
                lead,
                desk_id=identity.desk_id,
                desk_label=identity.label,
                at=at,
            )
        )
    if events:
        _record_and_seal(store, events, now)
    return events
