"""Who approved the device: a device decision is believed only when signed by the key the
newsroom endorsed for the desk it names, as review moves are; and a revoked device's
answers sent after its revocation are refused like its reports. Against a real server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.domain.desk.device_trust import DeviceEvent, DeviceEventKind, DeviceState
from desktop.services import followup_sync
from desktop.services.correspondent import followups
from desktop.services.desk import core as desk
from desktop.services.desk import device_approval
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.services.desk.signing import V1_SIGNER
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.device_trust import DeviceTrustRepository
from desktop.store.desk.keys import DeskKeysRepository
from sync.envelope import DeviceSigningKey
from sync.payloads.endorsement import DeskEndorsement
from tests.e2e.conftest import World, fast_client
from tests.e2e.devices import (
    device_id,
    on_board,
    pull,
    second_desk,
    send,
    status,
    waiting,
)
from tests.e2e.other_desk import (
    NIGHT_DESK_ID,
    device_payload,
    endorsed_desk,
    newsroom_pair,
    upload_review,
)


def world_with_a_waiting_device(world_factory: Callable[..., World]) -> tuple[World, str, str]:
    """A desk holding one report from a device no editor approved yet: (world, device id,
    report id)."""
    world = world_factory("x25519")
    world.connect_desk()
    corr = world.correspondent("laiza", "Laiza laptop")
    report = send(world, corr, "gate closed")
    world.pull()
    return world, device_id(corr), report.id


def night_desk_approval(world: World, device: str) -> DeviceEvent:
    shown = status(world.desk_store, device)
    assert shown.public_key is not None
    assert shown.label is not None
    return DeviceEvent.make(
        DeviceEventKind.APPROVE,
        device,
        label=shown.label,
        public_key=shown.public_key,
        enrolled_at=shown.enrolled_at or "",
        desk_id=NIGHT_DESK_ID,
        desk_label="Night desk",
    )


def upload_decision(
    world: World, event: DeviceEvent, signer: tuple[DeviceSigningKey, DeskEndorsement] | None
) -> str:
    return upload_review(world, [event.to_json()], signer, payload=device_payload)


def refusal_of(world: World, envelope_id: str) -> desk.EnvelopeRecord:
    [refusal] = [
        r for r in DeskRepository(world.desk_store).refusals() if r.envelope_id == envelope_id
    ]
    return refusal


def test_a_device_approval_signed_with_a_key_that_is_not_night_desks_is_refused_and_shown(
    world_factory: Callable[..., World],
) -> None:
    world, device, report_id = world_with_a_waiting_device(world_factory)
    _, genuine = endorsed_desk(newsroom_pair(world))
    forger = DeviceSigningKey.generate()  # Night desk's endorsement, another key

    eid = upload_decision(world, night_desk_approval(world, device), (forger, genuine))
    world.pull()

    assert status(world.desk_store, device).state is DeviceState.UNAPPROVED
    assert DeviceTrustRepository(world.desk_store).events(device) == []
    assert waiting(world.desk_store) == {report_id}
    assert on_board(world.desk_store) == set()
    refusal = refusal_of(world, eid)
    assert refusal.reason == "bad_desk_signature"
    assert "not signed by the key endorsed for desk 'Night desk'" in (refusal.message or "")
    [flag] = device_approval.device_flags(world.desk_store)[device]
    assert flag.startswith("a decision to approve it, claimed by desk 'Night desk', was refused")
    assert refusal.message in flag


def test_a_device_approval_claiming_night_desk_under_another_desks_endorsement_is_refused(
    world_factory: Callable[..., World],
) -> None:
    world, device, _ = world_with_a_waiting_device(world_factory)
    day = endorsed_desk(newsroom_pair(world), "desk-" + "d" * 16, "Day desk")

    eid = upload_decision(world, night_desk_approval(world, device), day)
    world.pull()

    assert status(world.desk_store, device).state is DeviceState.UNAPPROVED
    refusal = refusal_of(world, eid)
    assert refusal.reason == "bad_desk_signature"
    assert "claims desk 'Night desk'" in (refusal.message or "")
    assert "signed by desk 'Day desk'" in (refusal.message or "")


def test_an_approval_by_a_real_second_desk_is_applied_and_names_that_desk(
    world_factory: Callable[..., World],
) -> None:
    world, device, report_id = world_with_a_waiting_device(world_factory)
    night = second_desk(world)
    pull(night)

    decided = device_approval.approve(night, device)
    pull(night)  # sends the approval
    world.pull()

    assert status(world.desk_store, device).state is DeviceState.APPROVED
    assert on_board(world.desk_store) == {report_id}
    [event] = DeviceTrustRepository(world.desk_store).events(device)
    assert (event.event_id, event.desk_label) == (decided.event_id, "Night desk")
    night_identity = desk_review.desk_identity(night)
    assert event.desk_id == night_identity.desk_id
    own = DeskKeysRepository(night).own_key()
    assert own is not None
    night_key = DeskEndorsement.from_json(own.endorsement).desk_key
    assert DeskKeysRepository(world.desk_store).pinned_key(night_identity.desk_id) == night_key


def test_a_device_decision_in_the_format_before_desk_keys_is_not_credited_to_the_desk_it_names(
    world_factory: Callable[..., World],
) -> None:
    world, device, _ = world_with_a_waiting_device(world_factory)

    upload_decision(world, night_desk_approval(world, device), None)  # newsroom key only
    world.pull()

    assert status(world.desk_store, device).state is DeviceState.APPROVED
    [event] = DeviceTrustRepository(world.desk_store).events(device)
    assert event.desk_label == "Night desk" + V1_SIGNER


def test_an_answer_a_revoked_device_sent_after_its_revocation_is_refused(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent("laiza", "Laiza laptop")
    report = send(world, corr, "gate closed")
    assert followup_sync.sync_followups(corr, client_factory=fast_client).error is None
    world.connect_desk()
    world.pull()
    device = device_id(corr)
    device_approval.approve(world.desk_store, device)
    first = desk_followups.ask(world.desk_store, report.id, "which gate?")
    second = desk_followups.ask(world.desk_store, report.id, "how many trucks?")
    world.pull()  # sends the approval and the questions
    assert followup_sync.sync_followups(corr, client_factory=fast_client).received == 2
    now = datetime.now(UTC)
    followups.answer(corr, first.question_id, "the north gate", now=now - timedelta(minutes=10))
    device_approval.revoke(world.desk_store, device, now=now - timedelta(minutes=5))
    followups.answer(corr, second.question_id, "forty", now=now)
    assert followup_sync.sync_followups(corr, client_factory=fast_client).answers_sent == 2

    world.pull()

    answers = {
        q.question_id: q.answer_text for q in desk_followups.followups(world.desk_store, report.id)
    }
    assert answers == {first.question_id: "the north gate", second.question_id: None}
    [refusal] = [r for r in DeskRepository(world.desk_store).refusals() if r.device_id == device]
    assert refusal.reason == "device_revoked"
    assert "this answer was made at" in (refusal.message or "")
    assert device_approval.device_flags(world.desk_store)[device] == [
        "1 answer(s) it sent after its revocation were refused"
    ]
