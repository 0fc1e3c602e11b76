"""A seized server holds as little as possible: once every desk due an envelope has pulled
and acknowledged it, its bytes leave the database file and its WAL, and only the receipt
stays (a device's retry still gets it); undelivered envelopes go after the retention."""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Callable

from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import core as desk
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from sync import protocol
from sync.client import ClientConfig, SyncClient
from sync.envelope import parse_header
from sync.server import cli
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client, folder_bytes, queue_with_photos

PhotoList = list[tuple[str, bytes, int, int]]


def _held(world: World) -> list[bytes]:
    """The envelopes the server still hands out, as bytes."""
    with ServerStore.open(world.server_dir) as admin:
        page, _, _ = admin.envelopes.page(0, 10_000, 2**40)
    return [protocol.decode_base64(e.data) for e in page]


def _ciphertext_samples(envelopes: list[bytes]) -> list[bytes]:
    """48-byte slices from the sealed part of each envelope (past any header)."""
    return [data[len(data) // 2 : len(data) // 2 + 48] for data in envelopes] + [
        data[-80:-32] for data in envelopes
    ]


def _sent_report(world: World, corr: Store, photos: PhotoList) -> list[bytes]:
    report, _ = demo_reports("en")[0]
    queue_with_photos(corr, report, photos)
    world.sync_until_done(corr)
    envelopes = _held(world)
    assert envelopes
    return envelopes


def _desk_client(world: World, token: str) -> SyncClient:
    return fast_client(ClientConfig(base_url=world.url, token=token))


def _desk_token(world: World) -> str:
    with ServerStore.open(world.server_dir) as admin:
        return admin.tokens.create_desk_token("another desk")[1]


def test_a_pulled_envelope_leaves_only_its_receipt(
    world_factory: Callable[..., World], clean_photos: PhotoList
) -> None:
    world = world_factory()
    world.connect_desk()
    corr = world.correspondent()
    envelopes = _sent_report(world, corr, clean_photos)
    samples = _ciphertext_samples(envelopes)
    on_disk = folder_bytes(world.server_dir)
    assert all(sample in on_disk for sample in samples)  # the check can see them
    before = world.stats()
    assert before["envelopes_stored"] == len(envelopes)
    assert before["bytes_stored"] == sum(len(e) for e in envelopes)

    outcome = world.pull()

    assert outcome.reports == 1
    after = world.stats()
    assert after["envelopes_stored"] == 0
    assert after["bytes_stored"] == 0
    assert after["envelopes"] == len(envelopes)  # the receipts stay
    assert _held(world) == []
    on_disk = folder_bytes(world.server_dir)  # server.db, -wal and -shm, server running
    assert not [sample for sample in samples if sample in on_disk]

    # A device that never saw its receipt sends again: the same receipt, nothing stored.
    identity = IdentityRepository(corr).get()
    assert identity is not None
    with fast_client(ClientConfig(base_url=world.url, token=identity.token)) as device:
        first = envelopes[0]
        eid = parse_header(first).envelope_id
        again = device.upload([(eid, first)])
        assert again[0].ok
        assert device.missing([eid]) == []
    assert world.stats()["envelopes_stored"] == 0
    out = io.StringIO()
    assert cli.main(["--data-dir", str(world.server_dir), "stats", "--json"], out=out) == 0
    assert json.loads(out.getvalue())["bytes_stored"] == 0


def test_bytes_stay_until_every_desk_registered_at_arrival_has_acknowledged(
    world_factory: Callable[..., World], clean_photos: PhotoList
) -> None:
    world = world_factory()
    world.connect_desk()
    second = _desk_token(world)
    corr = world.correspondent()
    envelopes = _sent_report(world, corr, clean_photos[:1])
    later = _desk_token(world)  # registered after the envelopes arrived: not waited for

    world.pull()
    assert world.stats()["envelopes_stored"] == len(envelopes)  # the second desk is due

    with _desk_client(world, second) as client:
        page = client.pull(0)
        assert len(page.envelopes) == len(envelopes)
        assert client.acknowledge(page.next_after) == page.next_after
        assert client.acknowledge(10**12) == page.next_after  # never past what arrived
    assert world.stats()["envelopes_stored"] == 0
    with _desk_client(world, later) as client:
        assert client.pull(0).envelopes == []


def test_undelivered_envelopes_go_after_the_retention(
    world_factory: Callable[..., World], clean_photos: PhotoList
) -> None:
    world = world_factory()
    world.connect_desk()
    corr = world.correspondent()
    envelopes = _sent_report(world, corr, clean_photos[:1])
    samples = _ciphertext_samples(envelopes)
    data_dir = str(world.server_dir)
    out = io.StringIO()

    assert cli.main(["--data-dir", data_dir, "retention", "--undelivered-days", "7"], out=out) == 0
    assert cli.main(["--data-dir", data_dir, "purge"], out=out) == 0
    assert world.stats()["envelopes_stored"] == len(envelopes)  # not old enough yet
    with ServerStore.open(world.server_dir) as admin, admin.db.transaction() as conn:
        conn.execute("UPDATE envelopes SET received_at = '2020-01-01T00:00:00.000Z'")
    assert cli.main(["--data-dir", data_dir, "purge"], out=out) == 0

    assert f"Purged 0 delivered and {len(envelopes)} undelivered" in out.getvalue()
    assert world.stats()["bytes_stored"] == 0
    on_disk = folder_bytes(world.server_dir)
    assert not [sample for sample in samples if sample in on_disk]
    assert desk.pull(world.desk_store, client_factory=fast_client).reports == 0


def test_a_message_the_device_has_received_leaves_only_its_receipt(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory(kem="x25519")
    corr = world.correspondent()
    identity = IdentityRepository(corr).get()
    assert identity is not None
    token = _desk_token(world)
    sealed = os.urandom(3000)  # the server never parses a message
    message_id = str(uuid.uuid4())
    with _desk_client(world, token) as desk_client:
        receipt = desk_client.post_message(identity.device_id, message_id, sealed)
    assert sealed[1000:1048] in folder_bytes(world.server_dir)
    assert world.stats()["messages_stored"] == 1

    with fast_client(ClientConfig(base_url=world.url, token=identity.token)) as device:
        page = device.messages(0)
        assert [m.message_id for m in page.messages] == [message_id]
        # Asking on from there says the device has it: the bytes go.
        assert device.messages(page.next_after).messages == []
        assert device.messages(0).messages == []  # never handed out again

    assert world.stats()["messages_stored"] == 0
    assert world.stats()["messages"] == 1
    assert sealed[1000:1048] not in folder_bytes(world.server_dir)
    with _desk_client(world, token) as desk_client:  # a retry gets the same receipt
        assert desk_client.post_message(identity.device_id, message_id, sealed) == receipt
