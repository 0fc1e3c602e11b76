"""The desk's opened lists after a pull (`desktop.services.desk.opened.tell_opened`): one signed
list per device; a device the server never enrolled is passed over, not a wall that keeps
the next devices untold; a server without the route leaves everything for a later pull."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk.opened import tell_opened
from desktop.store.database import Store, create_store
from desktop.store.opened import OpenedRepository
from sync.client import ServerRefusedError
from sync.envelope import NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.opened import open_opened
from tests.helpers.stores import PASSPHRASE

STORED = [("gw-a", "e-a1"), ("gw-b", "e-b1"), ("gw-b", "e-b2"), ("gw-c", "e-c1")]


@pytest.fixture
def desk_store(tmp_path: Path) -> Iterator[Store]:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size,"
                " received_at, pulled_at, outcome) VALUES (?, ?, ?, 'report', 1, 't', 't',"
                " 'stored')",
                [(e, i, d) for i, (d, e) in enumerate(STORED, 1)],
            )
            conn.execute(  # refused envelopes and reviews are nobody's report
                "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size,"
                " received_at, pulled_at, outcome) VALUES ('e-x', 9, 'gw-b', 'report', 1,"
                " 't', 't', 'refused')"
            )
        yield store


class Server:
    def __init__(self, unknown: set[str], routeless: bool = False) -> None:
        self.unknown, self.routeless = unknown, routeless
        self.lists: list[tuple[str, bytes]] = []

    def post_opened(self, device_id: str, data: bytes) -> int:
        if self.routeless:
            raise ServerRefusedError("no such route", status=404, error="not_found")
        if device_id in self.unknown:
            raise ServerRefusedError("no device", status=404, error="unknown_device")
        self.lists.append((device_id, data))
        return len(self.lists)


def test_one_signed_list_per_device_and_an_unknown_device_is_passed_over(
    desk_store: Store,
) -> None:
    server = Server(unknown={"gw-a"})
    assert tell_opened(desk_store, server) == []
    key = desk.DeskRepository(desk_store).key()
    assert key is not None
    signing = derive_desk_signing_key(NewsroomKeyPair.from_private_bytes(key.private_key, key.kem))
    told = {
        device: open_opened(
            data, device_id=device, newsroom_signing_keys=[signing.public_bytes()]
        ).envelope_ids
        for device, data in server.lists
    }
    assert told == {"gw-b": ("e-b1", "e-b2"), "gw-c": ("e-c1",)}
    assert OpenedRepository(desk_store).untold(100) == {}
    assert tell_opened(desk_store, server) == []  # told once
    assert len(server.lists) == 2


def test_a_server_without_the_route_is_told_later(desk_store: Store) -> None:
    assert tell_opened(desk_store, Server(set(), routeless=True)) == []
    assert OpenedRepository(desk_store).untold(100) == {
        "gw-a": ["e-a1"],
        "gw-b": ["e-b1", "e-b2"],
        "gw-c": ["e-c1"],
    }


def test_a_refusal_part_way_keeps_what_was_told_and_leaves_the_rest(desk_store: Store) -> None:
    class RefusesDeviceC(Server):
        def post_opened(self, device_id: str, data: bytes) -> int:
            if device_id == "gw-c":
                raise ServerRefusedError("the server failed", status=500, error="internal")
            return super().post_opened(device_id, data)

    server = RefusesDeviceC(unknown=set())
    assert tell_opened(desk_store, server) == ["the server failed"]
    assert [device for device, _ in server.lists] == ["gw-a", "gw-b"]
    assert OpenedRepository(desk_store).untold(100) == {"gw-c": ["e-c1"]}
