"""Devices at the desk in the end-to-end tests: send, pull, approve and read their state."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import device_approval
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.review import InboxFilter, ReviewRepository
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from sync.server.store import DB_NAME, ServerStore
from tests.e2e.conftest import PASSPHRASE, World, fast_client
from tests.helpers.reports import example


def send(world: World, store: Store, narrative: str, *, at: datetime | None = None) -> Report:
    report = Report.new(ReportContent.from_json(example(narrative=narrative)), now=at)
    ReportRepository(store).add(report, state=ReportState.QUEUED)
    world.sync_until_done(store)
    return report


def second_desk(world: World, label: str = "Night desk") -> Store:
    """Another editor's desk for the same newsroom: the key imported, its own token (made
    before the first desk's pull: the server keeps envelopes until every desk has them)."""
    key = DeskRepository(world.desk_store).key()
    assert key is not None
    store = create_store(world.tmp / f"desk-{label}", PASSPHRASE)
    world.opened.append(store)
    DeskRepository(store).save_key(key)
    desk_review.set_desk_label(store, label)
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token(label)
    desk_connection.connect(store, world.url, token, client_factory=fast_client)
    return store


def pull(store: Store) -> desk.PullOutcome:
    return desk.pull(store, client_factory=fast_client)


def on_board(store: Store) -> set[str]:
    return {r.report_id for r in ReviewRepository(store).board_reports("laiza")}


def waiting(store: Store) -> set[str]:
    return set(ReviewRepository(store).inbox_ids(InboxFilter(unapproved=True)))


def device_id(store: Store) -> str:
    identity = IdentityRepository(store).get()
    assert identity is not None
    return identity.device_id


def status(store: Store, device: str) -> device_approval.DeviceStatus:
    [found] = [s for s in device_approval.devices(store) if s.device_id == device]
    return found


def relabel_on_server(world: World, labels: dict[str, str]) -> None:
    """The server's database changed behind the admin's back."""
    from sqlcipher3 import dbapi2  # the server's own driver, no key: plain SQLite

    conn = dbapi2.connect(str(world.server_dir / DB_NAME), isolation_level=None)
    try:
        for device, label in labels.items():
            conn.execute("UPDATE devices SET label = ? WHERE id = ?", (label, device))
    finally:
        conn.close()
