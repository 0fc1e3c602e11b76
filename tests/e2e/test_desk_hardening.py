"""What a cold review of the desk found, each proven first and now refused cleanly: a desk
token without the newsroom key claiming the desk signing key, hostile times in signed
answers and reviews, a question push that fails, a skewed desk clock."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import followup_sync
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
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


def desk_client(world: World) -> SyncClient:
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("someone")
    return fast_client(ClientConfig(base_url=world.url, token=token))


def test_a_desk_token_without_the_newsroom_key_cannot_claim_the_signing_key(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()  # connecting registers the key derived from the newsroom key
    with desk_client(world) as intruder, pytest.raises(ServerRefusedError, match=r"(?i)key"):
        intruder.register_desk_signing_key(DeviceSigningKey.generate().public_bytes())


def test_connect_refuses_a_server_whose_signing_key_was_claimed_first(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    with desk_client(world) as intruder:
        intruder.register_desk_signing_key(DeviceSigningKey.generate().public_bytes())
    with pytest.raises(desk_connection.DeskKeyClaimedError):
        world.connect_desk()
    assert desk.DeskRepository(world.desk_store).server() is None  # nothing saved


def test_an_answer_with_a_time_without_zone_is_refused_and_pulls_go_on(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    world.connect_desk()
    world.pull()
    question = desk_followups.ask(world.desk_store, report.id, "Which side closed first?")
    world.pull()  # sends the question
    followup_sync.sync_followups(corr, client_factory=fast_client)
    # A hostile device answers with a time that has no zone, then the desk pulls.
    identity = IdentityRepository(corr).get()
    assert identity is not None
    newsroom = NewsroomPublicKey.from_text(identity.newsroom_key)
    payload = json.dumps(
        {
            "format": "gatewatch-followup-1",
            "type": "answer",
            "question_id": question.question_id,
            "report_id": report.id,
            "text": "hostile",
            "at": "2024-01-01T00:00:00",
            "correction_id": None,
        }
    ).encode()
    eid = str(uuid.uuid4())
    data = seal(
        payload,
        kind=EnvelopeKind.MESSAGE,
        envelope_id=eid,
        device_id=identity.device_id,
        device_key=DeviceSigningKey.from_private_bytes(identity.signing_key),
        recipient=newsroom,
    )
    with SyncClient(ClientConfig(base_url=world.url, token=identity.token)) as device:
        assert device.upload([(eid, data)])[0].ok
    world.pull()  # no exception: the answer is refused, not raised
    world.pull()
    [asked] = desk_followups.followups(world.desk_store, report.id)
    assert asked.answer_text is None


def test_hostile_review_times_are_refused_and_never_block_a_pull(
    world_factory: Callable[..., World],
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    key = desk.DeskRepository(world.desk_store).key()
    assert key is not None
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    base = ReviewEvent.move(
        str(uuid.uuid4()),
        ReviewState.NEW,
        ReviewState.VERIFIED,
        desk_id="desk-" + "c" * 16,
        desk_label="hostile",
    ).to_json()
    envelopes = []
    for at in ("0001-01-01T00:00:00+01:00", "2024-01-01T00:00:00", "9999-01-01T00:00:00Z"):
        payload = json.dumps(
            {"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [{**base, "at": at}]}
        ).encode()
        eid = str(uuid.uuid4())
        envelopes.append(
            (
                eid,
                seal(
                    payload,
                    kind=EnvelopeKind.REVIEW,
                    envelope_id=eid,
                    device_id=DESK_SENDER_ID,
                    device_key=derive_desk_signing_key(pair),
                    recipient=pair.public_key,
                ),
            )
        )
    with desk_client(world) as other_desk:
        assert all(r.ok for r in other_desk.upload(envelopes, route="/v1/reviews"))
    world.pull()
    world.pull()
    refused = {r.envelope_id for r in desk.DeskRepository(world.desk_store).refusals()}
    assert refused == {eid for eid, _ in envelopes[:2]}
    # Far ahead of this desk's clock is held, never applied unless an editor accepts it.
    assert [eid for eid, _ in desk_review.held_reviews(world.desk_store)] == [envelopes[2][0]]
    for at in ("0001-01-01T00:00:00+01:00", "2024-01-01T00:00:00"):
        with pytest.raises(ReviewError):
            ReviewEvent.from_json({**base, "at": at})
