"""The server does not decide who a device is: a device becomes a source only once an
editor approves it, approved labels and keys are pinned, and a revocation made at one desk
is kept by every desk whatever the server lists — all against a real server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop.domain.device_trust import DeviceState, key_fingerprint
from desktop.domain.report import Report, ReportContent
from desktop.services import desk, desk_review, device_approval
from desktop.store.database import Store, create_store
from desktop.store.desk import DeskRepository
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository, ReportState
from desktop.store.review import InboxFilter, ReviewRepository
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
        _, token = admin.create_desk_token(label)
    desk.connect(store, world.url, token, client_factory=fast_client)
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


def test_a_new_device_counts_only_after_an_editor_approves_it_at_every_desk(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    night = second_desk(world)
    laiza = world.correspondent("laiza", "Laiza laptop")
    report = send(world, laiza, "gate closed")
    world.pull()
    device = device_id(laiza)

    # Listed by the server and pulled, yet not a source: it waits, visibly.
    assert on_board(world.desk_store) == set()
    assert waiting(world.desk_store) == {report.id}
    shown = status(world.desk_store, device)
    assert shown.state is DeviceState.UNAPPROVED
    assert shown.label == "Laiza laptop"
    signing = IdentityRepository(laiza).get()
    assert signing is not None
    public = ed25519.Ed25519PrivateKey.from_private_bytes(signing.signing_key).public_key()
    assert shown.fingerprint == key_fingerprint(public.public_bytes_raw())
    assert shown.enrolled_at

    device_approval.approve(world.desk_store, device)

    assert on_board(world.desk_store) == {report.id}
    assert waiting(world.desk_store) == set()
    world.pull()  # sends the approval to the server for every desk
    pull(night)
    assert status(night, device).state is DeviceState.APPROVED
    assert on_board(night) == {report.id}
    assert waiting(night) == set()


def test_labels_pinned_at_approval_outlast_a_server_that_swaps_them_onto_a_forged_device(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    night = second_desk(world)
    laiza = world.correspondent("laiza", "Laiza laptop")
    genuine = send(world, laiza, "gate closed")
    world.pull()
    device_approval.approve(world.desk_store, device_id(laiza))
    world.pull()

    # The server swaps the names: "Laiza laptop" onto a device it enrolled, "laptop 7"
    # onto the genuine one.
    forged_store = world.correspondent("forged", "laptop 7")
    relabel_on_server(
        world, {device_id(laiza): "laptop 7", device_id(forged_store): "Laiza laptop"}
    )
    forged = send(world, forged_store, "gate open")
    world.pull()
    pull(night)  # a desk that first hears of the devices from the liar

    for store in (world.desk_store, night):
        real = status(store, device_id(laiza))
        fake = status(store, device_id(forged_store))
        assert (real.state, real.label, real.offered_label) == (
            DeviceState.APPROVED,
            "Laiza laptop",
            "laptop 7",
        )
        assert fake.state is DeviceState.UNAPPROVED
        assert on_board(store) == {genuine.id}
        assert waiting(store) == {forged.id}
        flags = device_approval.device_flags(store)
        assert "the label approved is 'Laiza laptop'" in flags[device_id(laiza)][0]
        assert "label of approved device" in flags[device_id(forged_store)][0]
        labels = {r.id: r.device_label for r in desk.list_reports(store)}
        assert labels[genuine.id] == "Laiza laptop"


def test_a_device_revoked_at_one_desk_is_refused_by_every_desk_whatever_the_server_says(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    night = second_desk(world)
    corr = world.correspondent("laiza", "Laiza laptop")
    now = datetime.now(UTC)
    first = send(world, corr, "gate closed", at=now - timedelta(minutes=20))
    world.pull()
    device = device_id(corr)
    device_approval.approve(world.desk_store, device)
    world.pull()
    pull(night)

    device_approval.revoke(world.desk_store, device, now=now - timedelta(minutes=5))
    world.pull()  # the revocation goes out; the server is never told to revoke the device
    before = send(world, corr, "made before the revocation", at=now - timedelta(minutes=10))
    after = send(world, corr, "made after the revocation", at=now)
    with ServerStore.open(world.server_dir) as admin:
        listed = {d.device_id: d for d in admin.devices()}
    assert not listed[device].revoked

    for store in (world.desk_store, night):
        pull(store)
        held = {r.id for r in desk.list_reports(store)}
        assert {first.id, before.id} <= held
        assert after.id not in held
        [refusal] = [r for r in DeskRepository(store).refusals() if r.device_id == device]
        assert refusal.reason == "device_revoked"
        assert "was revoked at" in (refusal.message or "")
        assert status(store, device).state is DeviceState.REVOKED
        assert device_approval.device_flags(store)[device] == [
            "1 report(s) it made after its revocation were refused"
        ]
        assert on_board(store) == {first.id, before.id}
