"""What arrived, on a real server: a report goes *sent* when the server's receipt comes
and *with the newsroom* when a desk has stored it and said so in a list signed by its own
key, endorsed by the newsroom signing key the device pinned from its invite. Lists the
server makes up, or relays to the wrong device, change nothing."""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import followup_sync, sync
from desktop.store.database import Store, create_store
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository, ReportRow
from sync.client import ClientConfig
from sync.envelope import DeviceSigningKey, NewsroomKeyPair, derive_desk_signing_key
from sync.payloads.endorsement import DeskEndorsement
from sync.payloads.opened import sign_opened
from sync.protocol import Invite, encode_invite
from sync.server.store import ServerStore
from tests.e2e.conftest import PASSPHRASE, World, fast_client
from tests.e2e.other_desk import endorsed_desk, newsroom_pair
from tests.helpers.reports import example


def enroll_with_pinned_desk_key(world: World, name: str) -> Store:
    """A device enrolled with an invite that carries the desks' signing key (``dsk``)."""
    pinned = derive_desk_signing_key(newsroom_pair(world)).public_bytes().hex()
    with ServerStore.open(world.server_dir) as admin:
        _, token, _ = admin.tokens.create_invite(name, 7)
        invite = Invite(token, admin.newsroom_key.fingerprint, desk_signing_key=pinned)
    store = create_store(world.tmp / name, PASSPHRASE)
    world.opened.append(store)
    sync.enroll(store, world.url, encode_invite(invite), client_factory=fast_client)
    return store


def queue_report(world: World, store: Store, narrative: str) -> str:
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    ReportRepository(store).add(report, state=ReportState.QUEUED)
    world.sync_until_done(store)
    return report.id


def row(store: Store, report_id: str) -> ReportRow:
    (found,) = ReportRepository(store).rows([report_id])
    return found


def envelope_of(store: Store, report_id: str) -> str:
    value = store.execute(
        "SELECT envelope_id FROM outbox WHERE report_id = ?", (report_id,)
    ).fetchone()[0]
    return str(value)


def device_id(store: Store) -> str:
    identity = IdentityRepository(store).get()
    assert identity is not None
    return identity.device_id


def post_as_the_server(world: World, device: str, data: bytes) -> None:
    """What a compromised server (or anyone with a desk token) can put in a device's queue."""
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("intruder")
    client = fast_client(ClientConfig(base_url=world.url, token=token))
    try:
        client.post_opened(device, data)
    finally:
        client.close()


def test_sent_then_with_the_newsroom_and_forged_lists_change_nothing(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    alice = enroll_with_pinned_desk_key(world, "alice")
    bob = enroll_with_pinned_desk_key(world, "bob")
    report_id = queue_report(world, alice, "gate closed at noon")
    queue_report(world, bob, "trucks waiting")
    envelope = envelope_of(alice, report_id)

    # The server's receipt: sent, and no more than that.
    assert followup_sync.sync_followups(alice, client_factory=fast_client).error is None
    assert row(alice, report_id).state is ReportState.SENT
    assert row(alice, report_id).opened_at is None

    # The server signs a list with a key of its own, under an endorsement of its own.
    server_key = derive_desk_signing_key(NewsroomKeyPair.generate("x25519"))
    own_desk = DeviceSigningKey.generate()
    forged_endorsement = DeskEndorsement.make(
        server_key, "desk-" + "f" * 16, "Server desk", own_desk.public_bytes()
    )
    at = "2025-01-02T03:04:05Z"
    post_as_the_server(
        world,
        device_id(alice),
        sign_opened(
            device_id(alice), [envelope], at, endorsement=forged_endorsement, desk_key=own_desk
        ),
    )
    # A list a real desk signed for Bob, naming Alice's envelope, relayed to Alice.
    desk_key, endorsement = endorsed_desk(newsroom_pair(world))
    post_as_the_server(
        world,
        device_id(alice),
        sign_opened(device_id(bob), [envelope], at, endorsement=endorsement, desk_key=desk_key),
    )
    outcome = followup_sync.sync_followups(alice, client_factory=fast_client)
    assert outcome.error is None
    assert outcome.opened == 0
    assert row(alice, report_id).state is ReportState.SENT
    assert row(alice, report_id).opened_at is None

    # The desk pulls and stores the report, then tells the device in a signed list.
    pulled = world.pull()
    assert pulled.reports == 2
    assert not pulled.warnings
    outcome = followup_sync.sync_followups(alice, client_factory=fast_client)
    assert outcome.error is None
    assert outcome.opened == 1
    assert row(alice, report_id).opened_at is not None
    assert followup_sync.sync_followups(bob, client_factory=fast_client).opened == 1

    # Once Alice has asked past her lists the server forgets them; a pull tells nothing again.
    world.pull()
    assert followup_sync.sync_followups(alice, client_factory=fast_client).opened == 0
    with ServerStore.open(world.server_dir) as admin, admin.db.transaction() as conn:
        left = conn.execute(
            "SELECT count(*) FROM opened WHERE device_id = ?", (device_id(alice),)
        ).fetchone()
    assert left[0] == 0
