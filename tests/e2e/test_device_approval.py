"""The server does not decide who a device is: a device becomes a source only once an
editor approves it, approved labels and keys are pinned, and a revocation made at one desk
is kept by every desk whatever the server lists — all against a real server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop.domain.desk.device_trust import DeviceState, key_fingerprint
from desktop.services.desk import core as desk
from desktop.services.desk import device_approval
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
from sync.server.store import ServerStore
from tests.e2e.conftest import World
from tests.e2e.devices import (
    device_id,
    on_board,
    pull,
    relabel_on_server,
    second_desk,
    send,
    status,
    waiting,
)


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
        listed = {d.device_id: d for d in admin.tokens.devices()}
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
