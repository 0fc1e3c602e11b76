"""Who moved it: each desk signs its review events as itself. A move that claims to be Night
desk's is believed only when signed by the key the newsroom endorsed for Night desk; the
others are refused and kept in the report's history with the reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.desk.review import ReviewState
from desktop.domain.desk.review_events import ReviewEvent
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.desk import review as desk_review
from desktop.services.desk.signing import V1_SIGNER
from desktop.store.database import Store, create_store
from desktop.store.desk.keys import DeskKeysRepository
from desktop.store.desk.review import ReviewRepository
from desktop.store.reports import ReportRepository
from sync.envelope import DeviceSigningKey, derive_desk_signing_key, open_envelope
from sync.payloads.endorsement import DeskEndorsement
from sync.payloads.review import open_review
from sync.server.store import ServerStore
from tests.e2e.conftest import PASSPHRASE, World, fast_client
from tests.e2e.other_desk import NIGHT_DESK_ID, endorsed_desk, newsroom_pair, upload_review
from tests.helpers.reports import example

EXPORT_PASSPHRASE = "carried across town by hand in a sealed envelope"


def world_with_a_report(world_factory: Callable[..., World]) -> tuple[World, str]:
    world = world_factory("x25519")
    corr = world.correspondent()
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    world.connect_desk()
    world.pull()
    return world, report.id


def night_desk_move(report_id: str, before: ReviewState, after: ReviewState) -> ReviewEvent:
    return ReviewEvent.move(
        report_id, before, after, desk_id=NIGHT_DESK_ID, desk_label="Night desk"
    )


def refusal_of(world: World, envelope_id: str) -> desk.EnvelopeRecord:
    [refusal] = [
        r for r in desk.DeskRepository(world.desk_store).refusals() if r.envelope_id == envelope_id
    ]
    return refusal


def refused_in_history(world: World, report_id: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.desk_label, None if e.to_state is None else e.to_state.value, e.note)
        for e in ReviewRepository(world.desk_store).audit_trail(report_id)
        if e.what == "refused"
    ]


def connect(world: World, store: Store) -> None:
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("another desk")
    desk_connection.connect(store, world.url, token, client_factory=fast_client)


def test_a_desk_set_up_by_key_import_signs_as_itself(
    world_factory: Callable[..., World], tmp_path: Path
) -> None:
    world = world_factory("x25519")
    world.connect_desk()
    desk_review.export_newsroom_key(world.desk_store, tmp_path / "k.gwkey", EXPORT_PASSPHRASE)
    night = create_store(tmp_path / "night", PASSPHRASE)
    world.opened.append(night)
    desk_review.import_newsroom_key(night, tmp_path / "k.gwkey", EXPORT_PASSPHRASE, label="Night")
    own = DeskKeysRepository(night).own_key()
    assert own is not None  # made and endorsed at import
    endorsement = DeskEndorsement.from_json(own.endorsement)
    endorsement.verify([derive_desk_signing_key(newsroom_pair(world)).public_bytes()])
    assert endorsement.desk_label == "Night"
    connect(world, night)
    corr = world.correspondent()
    report = Report.new(ReportContent.from_json(example(narrative="gate closed")))
    ReportRepository(corr).add(report, state=ReportState.QUEUED)
    world.sync_until_done(corr)
    report_id = report.id
    world.pull()
    desk.pull(night, client_factory=fast_client)
    desk_review.move(night, report_id, ReviewState.VERIFIED)
    desk.pull(night, client_factory=fast_client)  # sends its move

    world.pull()

    reviews = ReviewRepository(world.desk_store)
    assert reviews.state(report_id) == ReviewState.VERIFIED
    assert [e.desk_label for e in reviews.history(report_id)] == ["Night"]
    pinned = DeskKeysRepository(world.desk_store).pinned_key(endorsement.desk_id)
    assert pinned == endorsement.desk_key


def test_a_move_signed_with_a_key_that_is_not_night_desks_is_refused_and_kept_in_history(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    _, genuine = endorsed_desk(newsroom_pair(world))
    forger = DeviceSigningKey.generate()  # Night desk's endorsement, another key
    move = night_desk_move(report_id, ReviewState.NEW, ReviewState.VERIFIED)

    eid = upload_review(world, [move.to_json()], (forger, genuine))
    world.pull()

    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.NEW
    refusal = refusal_of(world, eid)
    assert refusal.reason == "bad_desk_signature"
    assert "not signed by the key endorsed for desk 'Night desk'" in (refusal.message or "")
    [(label, to_state, why)] = refused_in_history(world, report_id)
    assert (label, to_state) == ("Night desk", "verified")
    assert why == refusal.message


def test_a_move_claiming_night_desk_under_another_desks_endorsement_is_refused(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    day = endorsed_desk(newsroom_pair(world), "desk-" + "d" * 16, "Day desk")
    move = night_desk_move(report_id, ReviewState.NEW, ReviewState.VERIFIED)

    eid = upload_review(world, [move.to_json()], day)
    world.pull()

    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.NEW
    refusal = refusal_of(world, eid)
    assert refusal.reason == "bad_desk_signature"
    assert "claims desk 'Night desk'" in (refusal.message or "")
    assert "signed by desk 'Day desk'" in (refusal.message or "")
    assert [r[0] for r in refused_in_history(world, report_id)] == ["Night desk"]


def test_a_second_key_endorsed_for_a_known_desk_is_refused(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    pair = newsroom_pair(world)
    genuine = endorsed_desk(pair)
    first = night_desk_move(report_id, ReviewState.NEW, ReviewState.NEEDS_FOLLOW_UP)
    upload_review(world, [first.to_json()], genuine)
    world.pull()
    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.NEEDS_FOLLOW_UP

    # Someone holding the newsroom key endorses a key of their own for Night desk's id.
    usurper = endorsed_desk(pair)
    second = night_desk_move(report_id, ReviewState.NEEDS_FOLLOW_UP, ReviewState.REJECTED)
    eid = upload_review(world, [second.to_json()], usurper)
    world.pull()

    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.NEEDS_FOLLOW_UP
    refusal = refusal_of(world, eid)
    assert refusal.reason == "bad_desk_signature"
    assert "another key than the one this desk first saw" in (refusal.message or "")


def test_a_move_in_the_format_before_desk_keys_is_not_credited_to_the_desk_it_names(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    move = night_desk_move(report_id, ReviewState.NEW, ReviewState.VERIFIED)

    upload_review(world, [move.to_json()], None)  # signed only by the newsroom signing key
    world.pull()

    reviews = ReviewRepository(world.desk_store)
    assert reviews.state(report_id) == ReviewState.VERIFIED
    assert [e.desk_label for e in reviews.history(report_id)] == ["Night desk" + V1_SIGNER]


def test_an_impossible_move_signed_by_its_desk_is_refused_and_kept_in_history(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    forged = {
        **night_desk_move(report_id, ReviewState.VERIFIED, ReviewState.PUBLISHED).to_json(),
        "from_state": "new",
    }

    eid = upload_review(world, [forged], endorsed_desk(newsroom_pair(world)))
    world.pull()

    assert ReviewRepository(world.desk_store).state(report_id) == ReviewState.NEW
    refusal = refusal_of(world, eid)
    assert refusal.reason == "invalid_review"
    [(label, to_state, why)] = refused_in_history(world, report_id)
    assert (label, to_state) == ("Night desk", "published")
    assert "from new to published" in why


def test_a_desk_set_up_before_desk_keys_makes_its_key_on_first_move(
    world_factory: Callable[..., World],
) -> None:
    world, report_id = world_with_a_report(world_factory)
    desk_review.set_desk_label(world.desk_store, "Morning desk")
    with world.desk_store.transaction() as conn:  # as a store upgraded from before
        conn.execute("DELETE FROM desk_signing_key")
        conn.execute("DELETE FROM desk_endorsements")

    desk_review.move(world.desk_store, report_id, ReviewState.VERIFIED)

    own = DeskKeysRepository(world.desk_store).own_key()
    assert own is not None
    [(envelope_id, body)] = ReviewRepository(world.desk_store).unsent_envelopes()
    pair = newsroom_pair(world)
    signer = derive_desk_signing_key(pair).public_bytes()
    opened = open_envelope(body, newsroom_private_key=pair, device_public_key_for=lambda _: signer)
    review = open_review(opened.payload, envelope_id=envelope_id, newsroom_signing_keys=[signer])
    assert review.endorsement is not None
    assert review.endorsement.desk_label == "Morning desk"
    assert review.endorsement.to_json() == own.endorsement
    assert [e["to_state"] for e in review.events] == ["verified"]
