"""Two desks of one newsroom (the key exported by the night desk, imported by the day desk)
and two correspondents' laptops, against one real server: six reports both desks hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.services.correspondent import capture
from desktop.services.correspondent.demo import story
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import device_approval
from desktop.services.desk import review as desk_review
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.review import ReviewRepository
from sync.server.store import ServerStore
from tests.e2e.conftest import PASSPHRASE, World, fast_client

KEY_PASSPHRASE = "handed over in person"
T0 = datetime(2024, 11, 12, 4, 0, tzinfo=UTC)


@dataclass
class Newsroom:
    world: World
    night: Store  # the first editor's desk (made the key)
    day: Store  # the second editor's desk (imported it)
    reports: list[str]

    def pull(self, *desks: Store) -> None:
        for store in desks or (self.night, self.day):
            desk.pull(store, client_factory=fast_client)

    def history(self, store: Store, report_id: str) -> list[tuple[str, str, str | None]]:
        return [
            (e.event_id, e.desk_label, None if e.to_state is None else e.to_state.value)
            for e in ReviewRepository(store).history(report_id)
        ]


@pytest.fixture
def newsroom(world_factory: Callable[..., World], tmp_path: Path) -> Newsroom:
    """Needs the `world_factory` fixture of tests/e2e/conftest.py."""
    world = world_factory("x25519")
    world.connect_desk()
    night = world.desk_store
    desk_review.set_desk_label(night, "Night desk")
    desk_review.export_newsroom_key(night, tmp_path / "newsroom.key", KEY_PASSPHRASE)
    day = create_store(tmp_path / "day", PASSPHRASE)
    world.opened.append(day)
    desk_review.import_newsroom_key(
        day, tmp_path / "newsroom.key", KEY_PASSPHRASE, label="Day desk"
    )
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("day desk")
    desk_connection.connect(day, world.url, token, client_factory=fast_client)

    gazetteer = default_gazetteer()
    bodies = [item.body for item in story("en") if not item.draft]
    for name, label, chosen in (
        ("laiza", "Laiza laptop", bodies[:3]),
        ("mjy", "Mai Ja Yang laptop", bodies[3:6]),
    ):
        correspondent = world.correspondent(name, label)
        for body in chosen:
            draft = capture.save_draft(correspondent, gazetteer, body, None, None)
            capture.queue_draft(correspondent, gazetteer, draft)
        world.sync_until_done(correspondent)
    room = Newsroom(world, night, day, [])
    room.pull()
    for device in DeskRepository(night).devices():  # the editor approves both laptops
        device_approval.approve(night, device.device_id)
    room.pull()
    room.reports = DeskRepository(night).report_ids()
    assert sorted(room.reports) == sorted(DeskRepository(day).report_ids())
    assert len(room.reports) == 6
    return room
