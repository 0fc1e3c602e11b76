"""Two desks (one newsroom key, exported and imported) and two correspondents against one
real server: review moves and notes converge on both desks, a conflict resolves the same
way on both, and forged reviews are refused."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import ReviewEvent, current_state
from desktop.services.desk import review as desk_review
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.review import ReviewRepository
from desktop.store.identity import IdentityRepository
from sync.client import ClientConfig
from sync.envelope import (
    DESK_SENDER_ID,
    DeviceSigningKey,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    parse_header,
    seal,
)
from sync.server.store import Candidate, ServerStore
from tests.e2e.conftest import fast_client, world_factory
from tests.helpers.two_desks import T0, Newsroom, newsroom

__all__ = ["newsroom", "world_factory"]  # fixtures


def test_moves_and_notes_made_on_either_desk_reach_both(newsroom: Newsroom) -> None:
    night, day = newsroom.night, newsroom.day
    first, second = newsroom.reports[:2]
    desk_review.move(night, first, ReviewState.NEEDS_FOLLOW_UP, "Which trucks got through?")
    desk_review.add_note(day, second, "A trader in Laiza says the same.")
    desk_review.move(day, second, ReviewState.VERIFIED)
    assert ReviewRepository(night).unsent_count() == 1

    newsroom.pull(night, day, night)  # each sends its own first, then reads the other's

    for report_id in (first, second):
        assert newsroom.history(night, report_id) == newsroom.history(day, report_id)
    assert [h[1:] for h in newsroom.history(day, first)] == [
        ("Night desk", ReviewState.NEEDS_FOLLOW_UP.value)
    ]
    assert [h[1:] for h in newsroom.history(night, second)] == [
        ("Day desk", None),
        ("Day desk", ReviewState.VERIFIED.value),
    ]
    for store in (night, day):
        reviews = ReviewRepository(store)
        assert reviews.state(first) is ReviewState.NEEDS_FOLLOW_UP
        assert reviews.state(second) is ReviewState.VERIFIED
        assert reviews.unsent_count() == 0
        trail = reviews.audit_trail(first)
        assert [entry.what for entry in trail] == ["received", "move"]
        assert trail[1].note == "Which trucks got through?"

    # A pull with nothing new changes nothing.
    before = [newsroom.history(day, r) for r in newsroom.reports]
    newsroom.pull()
    assert [newsroom.history(day, r) for r in newsroom.reports] == before


def test_a_conflict_resolves_the_same_way_on_both_desks(newsroom: Newsroom) -> None:
    night, day = newsroom.night, newsroom.day
    later_wins, tie = newsroom.reports[2:4]
    # Both editors move the same new report at nearly the same moment: the later clock wins.
    desk_review.move(night, later_wins, ReviewState.VERIFIED, now=T0 + timedelta(seconds=5))
    desk_review.move(day, later_wins, ReviewState.REJECTED, now=T0 + timedelta(seconds=7))
    # The same instant: the greater desk id wins.
    desk_review.move(night, tie, ReviewState.VERIFIED, now=T0)
    desk_review.move(day, tie, ReviewState.REJECTED, now=T0)
    assert ReviewRepository(night).state(later_wins) is ReviewState.VERIFIED  # before the pull

    newsroom.pull(night, day, night)

    night_id = desk_review.desk_identity(night).desk_id
    day_id = desk_review.desk_identity(day).desk_id
    tie_winner = ReviewState.REJECTED if day_id > night_id else ReviewState.VERIFIED
    for store in (night, day):
        reviews = ReviewRepository(store)
        assert reviews.state(later_wins) is ReviewState.REJECTED
        assert reviews.state(tie) is tie_winner
        for report_id in (later_wins, tie):
            moves = [(e.desk_label, e.to_state) for e in reviews.history(report_id)]
            assert sorted(moves, key=str) == sorted(
                [("Night desk", ReviewState.VERIFIED), ("Day desk", ReviewState.REJECTED)],
                key=str,
            )
            assert current_state(reviews.history(report_id)) is reviews.state(report_id)
    for report_id in (later_wins, tie):
        assert newsroom.history(night, report_id) == newsroom.history(day, report_id)


def _review_payload(report_id: str, target: ReviewState) -> bytes:
    event = ReviewEvent.move(
        report_id,
        ReviewState.NEW,
        target,
        desk_id="desk-" + "0" * 16,
        desk_label="Forger",
        at=T0,
    )
    document = {"format": desk_review.LEGACY_REVIEW_FORMAT, "events": [event.to_json()]}
    return json.dumps(document).encode()


def test_forged_reviews_are_refused(newsroom: Newsroom, tmp_path: Path) -> None:
    world, night = newsroom.world, newsroom.night
    target = newsroom.reports[4]
    newsroom_key = NewsroomPublicKey.from_text(DeskRepository(night).key().public_key)  # type: ignore[union-attr]

    # 1. A correspondent's device seals a review to the newsroom key with its own key.
    device_store = world.opened[-1]
    identity = IdentityRepository(device_store).get()
    assert identity is not None
    device_eid = str(uuid.uuid4())
    from_device = seal(
        _review_payload(target, ReviewState.REJECTED),
        kind="review",
        envelope_id=device_eid,
        device_id=identity.device_id,
        device_key=DeviceSigningKey.from_private_bytes(identity.signing_key),
        recipient=newsroom_key,
    )
    client = fast_client(ClientConfig(base_url=world.url, token=identity.token))
    try:
        [result] = client.upload([(device_eid, from_device)])
    finally:
        client.close()
    assert not result.ok  # the server takes no review from a device…
    with ServerStore.open(world.server_dir) as server:  # …unless it is compromised
        candidate = Candidate(
            parse_header(from_device), from_device, hashlib.sha256(from_device).hexdigest()
        )
        server.envelopes.store(identity.device_id, [candidate])

    # 2. A review in the desk sender's name, signed with another newsroom's desk key.
    other = NewsroomKeyPair.generate("x25519")
    forged_eid = str(uuid.uuid4())
    forged = seal(
        _review_payload(target, ReviewState.VERIFIED),
        kind="review",
        envelope_id=forged_eid,
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(other),
        recipient=newsroom_key,
    )
    with ServerStore.open(world.server_dir) as admin:
        _, token = admin.tokens.create_desk_token("stolen desk token")
    client = fast_client(ClientConfig(base_url=world.url, token=token))
    try:
        [result] = client.upload([(forged_eid, forged)], route="/v1/reviews")
    finally:
        client.close()
    assert result.ok  # the server cannot tell: only the desks can

    newsroom.pull()
    for store in (night, newsroom.day):
        refusals = {r.envelope_id: r.reason for r in DeskRepository(store).refusals()}
        assert refusals[device_eid] == "kind_not_allowed"
        assert refusals[forged_eid] == "bad_signature"
        reviews = ReviewRepository(store)
        assert reviews.state(target) is ReviewState.NEW
        assert reviews.history(target) == []


def test_an_undo_is_a_new_move_that_reaches_every_desk(newsroom: Newsroom) -> None:
    night, day = newsroom.night, newsroom.day
    report, overtaken = newsroom.reports[4:6]
    desk_review.move(night, report, ReviewState.VERIFIED, now=T0)
    undo = desk_review.undo_last_move(night, report, now=T0 + timedelta(minutes=9))
    assert (undo.from_state, undo.to_state) == (ReviewState.VERIFIED, ReviewState.NEW)
    # Its own undo can be undone too (a redo), but nothing older than the window.
    assert desk_review.undoable(night, report, now=T0 + timedelta(minutes=30)) is None
    with pytest.raises(ReviewError) as refused:
        desk_review.undo_last_move(night, report, now=T0 + timedelta(minutes=30))
    assert refused.value.reason == "nothing_to_undo"

    newsroom.pull(night, day, night)
    for store in (night, day):
        assert ReviewRepository(store).state(report) is ReviewState.NEW
        assert [h[2] for h in newsroom.history(store, report)] == ["verified", "new"]

    # Another desk moved the report since: this editor's move is no longer theirs to undo.
    desk_review.move(night, overtaken, ReviewState.NEEDS_FOLLOW_UP, now=T0)
    newsroom.pull(night, day)
    desk_review.move(day, overtaken, ReviewState.VERIFIED, now=T0 + timedelta(minutes=1))
    newsroom.pull(day, night)
    assert desk_review.undoable(night, overtaken, now=T0 + timedelta(minutes=2)) is None
    assert desk_review.undoable(day, overtaken, now=T0 + timedelta(minutes=2)) is not None
