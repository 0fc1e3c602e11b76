"""What the desk's windows show, each read in one go on the store worker.

View models are plain frozen dataclasses: they cross from the worker thread to the GUI
thread and hold no store objects. `DeskSession` (desktop/services/desk/session.py) hands
them out; the loaders here assemble them from the services and repositories.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk.attention import Attention, attention
from desktop.services.desk.device_approval import device_flags, devices
from desktop.services.desk.duplicates import ReportGroup, group_of
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.device_trust import DeviceStatus, DeviceTrustRepository
from desktop.store.desk.marks import MarksRepository
from desktop.store.desk.review import InboxFilter, InboxRow, ReviewRepository


@dataclass(frozen=True)
class InboxListing:
    """The ids a filter shows, in order, and what the filters bar offers beside them."""

    ids: list[str]
    total: int  # every report at the desk
    devices: list[tuple[str, str | None]]  # (id, label) of the correspondents' devices
    tags: list[str]  # tags some report carries
    unapproved: int  # reports waiting for their device's approval


def inbox_listing(store: Store, gazetteer: Gazetteer, where: InboxFilter) -> InboxListing:
    reviews = ReviewRepository(store, gazetteer.named)
    return InboxListing(
        reviews.inbox_ids(where),
        reviews.report_count(),
        reviews.device_labels(),
        MarksRepository(store).tags_in_use(),
        DeviceTrustRepository(store).unapproved_count(),
    )


def rows_by_id(store: Store, report_ids: list[str]) -> dict[str, InboxRow]:
    rows = ReviewRepository(store).inbox_rows(list(dict.fromkeys(report_ids)))
    return {row.report_id: row for row in rows}


@dataclass(frozen=True)
class DuplicatesView:
    """The group a report is in (None: alone) and the rows of its reports."""

    report_id: str
    group: ReportGroup | None
    rows: dict[str, InboxRow]


def load_duplicates(store: Store, report_id: str) -> DuplicatesView:
    group = group_of(store, report_id)
    return DuplicatesView(
        report_id, group, rows_by_id(store, [] if group is None else list(group.report_ids))
    )


@dataclass(frozen=True)
class AttentionList:
    """What needs attention, and the inbox rows of the reports it names."""

    attention: Attention
    rows: dict[str, InboxRow]


def load_attention(store: Store, gazetteer: Gazetteer) -> AttentionList:
    found = attention(store, gazetteer)
    ids = [w.report_id for w in [*found.answers, *found.mine, *found.new]]
    return AttentionList(found, rows_by_id(store, ids))


@dataclass(frozen=True)
class DeviceListing:
    """Every device the desk knows, and what it flags about each (by device id)."""

    devices: list[DeviceStatus]
    flags: dict[str, list[str]]


def load_devices(store: Store) -> DeviceListing:
    return DeviceListing(devices(store), device_flags(store))


@dataclass(frozen=True)
class DeskStatus:
    """The desk page's status line: the server, the last pull and what waits."""

    server_url: str | None
    last_pull_at: datetime | None
    refused: int
    unsent: int
    held: int = 0
    unapproved: int = 0


def desk_status(store: Store) -> DeskStatus:
    repository = DeskRepository(store)
    server = repository.server()
    reviews = ReviewRepository(store)
    return DeskStatus(
        None if server is None else server.server_url,
        None if server is None else server.last_pull_at,
        len(repository.refusals()),
        reviews.unsent_count(),
        len(reviews.held_reviews()),
        DeviceTrustRepository(store).unapproved_count(),
    )


@dataclass(frozen=True)
class KeyShown:
    """What the setup's key step shows: the fingerprint and, for a new key, the public key."""

    fingerprint: str
    public_key: str | None
