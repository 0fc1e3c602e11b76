"""One hostile device, or a server that keeps what it should have refused, cannot stop the
desk: keys nothing can be sealed to are refused at registration (server and desk), and a
poisoned key, question, answer or review is refused on its own while the pull goes on."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable

import pytest

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import followup_sync
from desktop.services.correspondent import followups
from desktop.services.desk import core as desk
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from sync import protocol
from sync.client import ClientConfig, ServerRefusedError, SyncClient
from sync.envelope import (
    DESK_SENDER_ID,
    DeviceSigningKey,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    seal,
)
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client
from tests.helpers.reports import example

# The all-zero X25519 point and the order-8 one: every exchange with them gives zero.
LOW_ORDER_X25519 = (
    bytes(32),
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
)
# Ed25519 points of small order: the identity and a point of order 8.
SMALL_ORDER_ED25519 = (
    bytes([1]) + bytes(31),
    bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
)


def key_text(kem: str, raw: bytes) -> str:
    """A key's text form built by hand (NewsroomPublicKey refuses to build a bad one)."""
    data = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return f"gatewatch-newsroom-key:v1:{kem}:{data}"


def poisoned_key(kem: str, x25519_part: bytes = LOW_ORDER_X25519[0]) -> str:
    if kem == "x25519":
        return key_text(kem, x25519_part)
    mlkem_part = NewsroomKeyPair.generate("mlkem768x25519").public_bytes()[:1184]
    return key_text(kem, mlkem_part + x25519_part)


def send_report(world: World, corr: Store, narrative: str) -> Report:
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    return report


def device_identity(corr: Store) -> tuple[str, DeviceSigningKey, str, NewsroomPublicKey]:
    identity = IdentityRepository(corr).get()
    assert identity is not None
    return (
        identity.device_id,
        DeviceSigningKey.from_private_bytes(identity.signing_key),
        identity.token,
        NewsroomPublicKey.from_text(identity.newsroom_key),
    )


def plant_encryption_key(world: World, corr: Store, text: str) -> None:
    """What a server that kept a bad key (or any older server) lists: the device's own
    signature over a key nothing can be sealed to."""
    device_id, signing, _, _ = device_identity(corr)
    signature = signing.sign(protocol.encryption_key_statement(device_id, text))
    with ServerStore.open(world.server_dir) as admin:
        assert admin.keys.set_encryption_key(device_id, text, signature)


def upload_as_device(world: World, corr: Store, payload: bytes, kind: EnvelopeKind) -> str:
    device_id, signing, token, newsroom = device_identity(corr)
    eid = str(uuid.uuid4())
    data = seal(
        payload, kind=kind, envelope_id=eid, device_id=device_id, device_key=signing,
        recipient=newsroom,
    )  # fmt: skip
    with SyncClient(ClientConfig(base_url=world.url, token=token)) as client:
        assert client.upload([(eid, data)])[0].ok
    return eid


# -- refused at registration -------------------------------------------------------------


@pytest.mark.parametrize("kem", ["x25519", "mlkem768x25519"])
@pytest.mark.parametrize("point", range(len(LOW_ORDER_X25519)))
def test_the_server_refuses_an_encryption_key_of_low_order(
    world_factory: Callable[..., World], kem: str, point: int
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    device_id, signing, token, _ = device_identity(corr)
    text = poisoned_key(kem, LOW_ORDER_X25519[point])
    signature = signing.sign(protocol.encryption_key_statement(device_id, text))
    with (
        SyncClient(ClientConfig(base_url=world.url, token=token)) as client,
        pytest.raises(ServerRefusedError) as refused,
    ):
        client.register_encryption_key(text, signature)
    assert refused.value.error == protocol.ERROR_BAD_ENCRYPTION_KEY
    assert refused.value.status == 422
    assert "low-order" in str(refused.value)
    with ServerStore.open(world.server_dir) as admin:
        [row] = admin.tokens.devices()
    assert row.encryption_key is None  # nothing registered


@pytest.mark.parametrize("raw", SMALL_ORDER_ED25519)
def test_the_server_refuses_a_signing_key_of_small_order_at_enrolment(
    world_factory: Callable[..., World], raw: bytes
) -> None:
    world = world_factory("x25519")
    with ServerStore.open(world.server_dir) as admin:
        _, token, _ = admin.tokens.create_invite("laptop", 7)
    with (
        SyncClient(ClientConfig(base_url=world.url, token=token)) as client,
        pytest.raises(ServerRefusedError, match="small order"),
    ):
        client.enroll(raw, "laptop")
    with ServerStore.open(world.server_dir) as admin:
        [row] = admin.tokens.devices()
    assert not row.enrolled  # the invite still works for a real key


def test_the_desk_does_not_take_a_small_order_signing_key_from_the_server(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    with ServerStore.open(world.server_dir) as admin:
        device_id, _, _ = admin.tokens.create_invite("laptop", 7)
        assert admin.tokens.enroll(device_id, SMALL_ORDER_ED25519[0], "laptop")  # past the route
    world.connect_desk()
    assert desk.DeskRepository(world.desk_store).device_key(device_id) is None


# -- a poisoned item never stops the pull ------------------------------------------------


@pytest.mark.parametrize("kem", ["x25519", "mlkem768x25519"])
def test_a_device_key_nothing_can_be_sealed_to_does_not_stop_the_pull(
    world_factory: Callable[..., World], kem: str
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    first = send_report(world, corr, "gate closed")
    plant_encryption_key(world, corr, poisoned_key(kem))
    world.connect_desk()
    world.pull()
    desk_followups.ask(world.desk_store, first.id, "Which side closed first?")
    later = send_report(world, corr, "gate open again")

    outcome = world.pull()  # seals the question: refused for its key, and the pull goes on

    assert later.id in desk.DeskRepository(world.desk_store).report_ids()
    [question] = desk_followups.followups(world.desk_store, first.id)
    assert question.last_error == desk_followups.BAD_ENCRYPTION_KEY
    assert question.sent_at is None
    [warning] = outcome.warnings
    assert "nothing can be sealed to" in warning
    world.pull()  # and every later pull too


def test_a_question_that_cannot_be_sealed_does_not_hold_back_the_others(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    bad = world.correspondent("bad", "laptop 7")
    good = world.correspondent("good", "Laiza laptop")
    bad_report = send_report(world, bad, "gate closed")
    good_report = send_report(world, good, "gate open")
    followup_sync.sync_followups(good, client_factory=fast_client)  # registers its real key
    plant_encryption_key(world, bad, poisoned_key("x25519"))
    world.connect_desk()
    world.pull()
    desk_followups.ask(world.desk_store, bad_report.id, "Asked first")
    desk_followups.ask(world.desk_store, good_report.id, "Asked second")

    world.pull()

    [to_bad] = desk_followups.followups(world.desk_store, bad_report.id)
    [to_good] = desk_followups.followups(world.desk_store, good_report.id)
    assert to_bad.last_error == desk_followups.BAD_ENCRYPTION_KEY
    assert to_good.sent_at is not None
    followup_sync.sync_followups(good, client_factory=fast_client)
    assert [q.text for q in followups.questions(good)] == ["Asked second"]


def test_an_answer_that_cannot_be_stored_is_refused_and_the_pull_goes_on(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = send_report(world, corr, "gate closed")
    world.connect_desk()
    world.pull()
    question = desk_followups.ask(world.desk_store, report.id, "Which side closed first?")
    world.pull()
    followup_sync.sync_followups(corr, client_factory=fast_client)
    payload = json.dumps(
        {
            "format": "gatewatch-followup-1",
            "type": "answer",
            "question_id": question.question_id,
            "report_id": report.id,
            "text": "a lone surrogate \ud800 no store can encode",
            "at": "2026-01-01T00:00:00Z",
            "correction_id": None,
        }
    ).encode()  # json escapes it: valid ASCII on the wire
    eid = upload_as_device(world, corr, payload, EnvelopeKind.MESSAGE)
    later = send_report(world, corr, "gate open again")

    world.pull()
    world.pull()

    assert later.id in desk.DeskRepository(world.desk_store).report_ids()
    refused = {r.envelope_id: r for r in desk.DeskRepository(world.desk_store).refusals()}
    assert eid in refused
    [asked] = desk_followups.followups(world.desk_store, report.id)
    assert asked.answer_text is None


def test_a_review_that_cannot_be_stored_is_refused_and_the_pull_goes_on(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = send_report(world, corr, "gate closed")
    world.connect_desk()
    world.pull()
    key = desk.DeskRepository(world.desk_store).key()
    assert key is not None
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    event = ReviewEvent.move(
        report.id, ReviewState.NEW, ReviewState.VERIFIED, desk_id="desk-" + "c" * 16,
        desk_label="Night desk",
    ).to_json()  # fmt: skip
    payload = json.dumps(
        {"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [{**event, "note": "\ud800"}]}
    ).encode()
    eid = str(uuid.uuid4())
    data = seal(
        payload, kind=EnvelopeKind.REVIEW, envelope_id=eid, device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(pair), recipient=pair.public_key,
    )  # fmt: skip
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("other desk")
    with fast_client(ClientConfig(base_url=world.url, token=token)) as other:
        assert other.upload([(eid, data)], route="/v1/reviews")[0].ok
    later = send_report(world, corr, "gate open again")

    world.pull()
    world.pull()

    assert later.id in desk.DeskRepository(world.desk_store).report_ids()
    assert eid in {r.envelope_id for r in desk.DeskRepository(world.desk_store).refusals()}
    assert ReviewRepository(world.desk_store).state(report.id) == ReviewState.NEW
