"""Review at the editor desk: moves and notes, shared with every desk through the server.

An editor's move or note becomes a `ReviewEvent`, recorded in this desk's store and sealed
at once into a review envelope (kind ``review``, sender `DESK_SENDER_ID`, signed with the
key every desk derives from the newsroom key, sealed to the newsroom key) queued in
``desk_review_outbox``. Inside, the events are signed by this desk's own key, endorsed by
the newsroom key (`desktop.services.desk.signing`), so other desks know which desk made
them. `push_reviews` sends the queue (``POST /v1/reviews``); every desk's
pull brings the envelopes back, and `apply_pulled_reviews` records the events they carry.
The server sees sizes and times only. States converge by the rule in
`desktop.domain.desk.review`; the history keeps every move.

Also here: the desk's identity (its id and label), and the newsroom key export and import
that let a second editor set up a desk for the same newsroom.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.desk.review import (
    MAX_LABEL_CHARS,
    ReviewError,
    ReviewState,
    label_length_error,
    new_desk_id,
)
from desktop.domain.desk.review_events import ReviewEvent, held_until, undoable_move
from desktop.domain.report import format_utc
from desktop.services.desk import signing as desk_signing
from desktop.services.sync import SyncClientLike
from desktop.store.database import Store
from desktop.store.desk.core import DeskKey, DeskKeyExistsError, DeskRepository
from desktop.store.desk.keyexport import (
    ExportedKey,
    KeyExportError,
    read_key_export,
    spoken_fingerprint,
    write_key_export,
)
from desktop.store.desk.keys import DeskKeysRepository
from desktop.store.desk.review import DeskIdentity, ReviewRepository
from sync.envelope import (
    DESK_SENDER_ID,
    EnvelopeKind,
    NewsroomKeyPair,
    derive_desk_signing_key,
    seal,
)
from sync.payloads.desk_signed import claimed_events
from sync.payloads.endorsement import DeskSignatureError
from sync.payloads.review import REVIEW_FORMAT_V1, REVIEW_FORMAT_V2

REVIEW_FORMAT = REVIEW_FORMAT_V2
LEGACY_REVIEW_FORMAT = REVIEW_FORMAT_V1
"""Reviews sealed before per-desk keys: still read, their desk labels marked unverified."""

__all__ = [
    "LEGACY_REVIEW_FORMAT",
    "REVIEW_FORMAT",
    "DeskKeyExistsError",
    "DeskSetupError",
    "KeyExportError",
    "ReviewPush",
    "accept_held_reviews",
    "add_note",
    "apply_pulled_reviews",
    "check_key_export",
    "desk_identity",
    "export_newsroom_key",
    "held_reviews",
    "import_newsroom_key",
    "move",
    "push_reviews",
    "seal_review_payload",
    "set_desk_label",
    "spoken_fingerprint",
    "undo_last_move",
    "undoable",
]


class DeskSetupError(RuntimeError):
    """The desk is not set up for this (no newsroom key yet, or a different one)."""


@dataclass(frozen=True)
class ReviewPush:
    sent: int
    refused: int
    waiting: int


# -- identity ------------------------------------------------------------------------------


def desk_identity(store: Store, *, default_label: str = "desk") -> DeskIdentity:
    """This desk's id and label, made on first use (a random id, the label "desk")."""
    reviews = ReviewRepository(store)
    identity = reviews.identity()
    if identity is None:
        identity = DeskIdentity(new_desk_id(), default_label)
        reviews.set_identity(identity)
    return identity


def set_desk_label(store: Store, label: str) -> DeskIdentity:
    """Name this desk as editors know it (shown beside every move it makes)."""
    label = " ".join(label.split())
    if not label or len(label) > MAX_LABEL_CHARS:
        raise label_length_error()
    identity = DeskIdentity(desk_identity(store).desk_id, label)
    ReviewRepository(store).set_identity(identity)
    desk_signing.desk_signer(store, identity)  # the newsroom endorses the new label
    return identity


# -- moves and notes -----------------------------------------------------------------------


def move(
    store: Store,
    report_id: str,
    target: ReviewState,
    note: str = "",
    *,
    now: datetime | None = None,
) -> ReviewEvent:
    """Move a report to `target` from the state this desk holds, with an optional note.

    Raises `ReviewError` for an unknown report or a move the rules do not allow (the
    message lists the allowed ones), `DeskSetupError` without a newsroom key.
    """
    reviews = ReviewRepository(store)
    current = reviews.state(report_id)
    if current is None:
        raise ReviewError(f"there is no report {report_id} at this desk", "unknown_report")
    identity = desk_identity(store)
    # A move made after seeing a state must win over it, even when the desk that made that
    # state runs a little fast: never earlier than the move it replaces.
    at = (now or datetime.now(UTC)).astimezone(UTC)
    replaced = reviews.state_time(report_id)
    if replaced is not None and at <= replaced:
        at = replaced + timedelta(microseconds=1)
    event = ReviewEvent.move(
        report_id,
        current,
        target,
        desk_id=identity.desk_id,
        desk_label=identity.label,
        note=note,
        at=at,
    )
    _record_and_seal(store, [event], now)
    return event


def undoable(store: Store, report_id: str, *, now: datetime | None = None) -> ReviewEvent | None:
    """This desk's last move on the report while it may still be undone (None otherwise)."""
    identity = ReviewRepository(store).identity()
    if identity is None:
        return None
    history = ReviewRepository(store).history(report_id)
    return undoable_move(history, identity.desk_id, (now or datetime.now(UTC)).astimezone(UTC))


def undo_last_move(store: Store, report_id: str, *, now: datetime | None = None) -> ReviewEvent:
    """Take back this desk's last move on the report with a new move to the state before
    it, recorded and shared like any move. Raises `ReviewError` ("nothing_to_undo") when
    there is no such move: too old, or another desk moved the report since."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    undone = undoable(store, report_id, now=at)
    if undone is None:
        raise ReviewError("there is no recent move of this desk to undo", "nothing_to_undo")
    if at <= undone.at:
        at = undone.at + timedelta(microseconds=1)
    event = ReviewEvent.undo(undone, desk_label=desk_identity(store).label, at=at)
    _record_and_seal(store, [event], now)
    return event


def add_note(
    store: Store, report_id: str, note: str, *, now: datetime | None = None
) -> ReviewEvent:
    """A note on a report, for every desk; raises `ReviewError` for an unknown report."""
    reviews = ReviewRepository(store)
    if reviews.state(report_id) is None:
        raise ReviewError(f"there is no report {report_id} at this desk", "unknown_report")
    identity = desk_identity(store)
    event = ReviewEvent.add_note(
        report_id, note, desk_id=identity.desk_id, desk_label=identity.label, at=now
    )
    _record_and_seal(store, [event], now)
    return event


def _record_and_seal(store: Store, events: Sequence[ReviewEvent], now: datetime | None) -> None:
    envelope_id = str(uuid.uuid4())
    payload = desk_signing.signed_review_payload(store, desk_identity(store), events, envelope_id)
    if payload is None:
        raise DeskSetupError("this desk has no newsroom key: set up the desk first")
    body = seal_review_payload(store, envelope_id, payload)
    ReviewRepository(store).record_and_queue(events, envelope_id, body, now or datetime.now(UTC))


def seal_review_payload(store: Store, envelope_id: str, payload: bytes) -> bytes:
    """A signed payload for every desk (review events, or device decisions from
    `desktop.services.desk.device_approval`) sealed as a review envelope: the envelope under the
    newsroom-derived key, the payload inside under this desk's own. Raises `DeskSetupError`
    without a newsroom key."""
    key = DeskRepository(store).key()
    if key is None:
        raise DeskSetupError("this desk has no newsroom key: set up the desk first")
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    return seal(
        payload,
        kind=EnvelopeKind.REVIEW,
        envelope_id=envelope_id,
        device_id=DESK_SENDER_ID,
        device_key=derive_desk_signing_key(pair),
        recipient=pair.public_key,
    )


# -- travel --------------------------------------------------------------------------------


def push_reviews(
    store: Store, client: SyncClientLike, *, now: datetime | None = None
) -> ReviewPush:
    """Send the queued review envelopes; those the server stored are marked sent.

    A refused one (the server serves another newsroom key, say) stays queued and counts as
    refused; network trouble raises `sync.client.SyncError` with nothing lost.
    """
    reviews = ReviewRepository(store)
    queued = reviews.unsent_envelopes()
    if not queued:
        return ReviewPush(0, 0, 0)
    results = client.upload(queued, route="/v1/reviews")
    sent = [r.envelope_id for r in results if r.ok]
    reviews.mark_sent(sent, now or datetime.now(UTC))
    return ReviewPush(len(sent), len(results) - len(sent), reviews.unsent_count())


def apply_pulled_reviews(
    store: Store, *, now: datetime | None = None, accept: Collection[str] = ()
) -> int:
    """Record the events of every pulled, verified review envelope not applied yet;
    returns how many events were new. A malformed review, one whose desk signature does not
    hold (`desktop.services.desk.signing`), or one that cannot be applied, is refused with
    its reason (counted among the desk's refusals, and shown in the history of each report
    it names); the others are applied.

    An envelope with an event dated more than a day ahead of ``now`` (another desk's clock
    runs fast, or this one's slow) is held, not refused: it is tried again on every pull
    and applied once its time is plausible, or at once when its id is in ``accept`` (an
    editor accepted it, `accept_held_reviews`). Raises only store errors (a full disk…)."""
    reviews = ReviewRepository(store)
    added = 0
    moment = now or datetime.now(UTC)
    for envelope_id, payload in reviews.pending_review_payloads():
        try:
            review = desk_signing.verify_review(store, envelope_id, payload)
            events = review.events
            until = held_until(events, moment)
            if until is not None and envelope_id not in accept:
                desks = ", ".join(sorted({e.desk_label for e in events}))
                reviews.hold_review_payload(
                    envelope_id,
                    f"moves by {desks} dated ahead of this desk's clock: applied from "
                    f"{format_utc(until)}, or when an editor accepts them",
                )
                continue
            desk_signing.pin_signer(store, review, moment)
            added += reviews.apply_review_payload(envelope_id, events, moment)
        except DeskSignatureError as error:  # sealed by a holder of the newsroom key, yet
            # not signed by the desk it names
            _refuse(store, envelope_id, payload, "bad_desk_signature", str(error), moment)
        except ReviewError as error:  # signed by a desk, yet not a review this version reads
            _refuse(store, envelope_id, payload, "invalid_review", str(error), moment)
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            # nothing one envelope holds may stop the pull: it is refused, the rest applied
            message = f"the review could not be applied ({type(error).__name__})"
            _refuse(store, envelope_id, payload, "unreadable", message, moment)
    return added


def _refuse(
    store: Store, envelope_id: str, payload: bytes, reason: str, message: str, now: datetime
) -> None:
    """Refuse a review envelope, keeping what it claimed in each named report's history."""
    DeskKeysRepository(store).record_refused(envelope_id, claimed_events(payload), message, now)
    ReviewRepository(store).refuse_review_payload(envelope_id, reason, message)


def held_reviews(store: Store) -> list[tuple[str, str]]:
    """Review envelopes held for times ahead of this desk's clock: (envelope id, why)."""
    return ReviewRepository(store).held_reviews()


def accept_held_reviews(
    store: Store, envelope_ids: Collection[str] | None = None, *, now: datetime | None = None
) -> int:
    """Apply held review envelopes (these, or all) whatever their times: an editor who
    checked that the other desk's moves are genuine and its clock only wrong. Returns how
    many events were new."""
    held = {eid for eid, _ in held_reviews(store)}
    chosen = held if envelope_ids is None else held & set(envelope_ids)
    return apply_pulled_reviews(store, now=now, accept=chosen) if chosen else 0


# -- newsroom key export and import --------------------------------------------------------


def export_newsroom_key(store: Store, path: Path, passphrase: str) -> str:
    """Write the newsroom private key to `path`, sealed under `passphrase`; returns the
    fingerprint. Raises `DeskSetupError` without a key, `KeyExportError` if the file cannot
    be written, `desktop.store.errors.WeakPassphraseError` for a short passphrase."""
    key = DeskRepository(store).key()
    if key is None:
        raise DeskSetupError("this desk has no newsroom key to export")
    write_key_export(path, ExportedKey(key.kem, key.fingerprint, key.private_key), passphrase)
    return key.fingerprint


def check_key_export(path: Path, passphrase: str) -> None:
    """Whether the key file at `path` opens with `passphrase` (KeyExportError if not),
    before anything is created for it."""
    read_key_export(path, passphrase)


def import_newsroom_key(
    store: Store, path: Path, passphrase: str, *, label: str | None = None
) -> str:
    """Set this desk up with a newsroom key exported by another desk; returns the
    fingerprint (show it: editors compare it aloud). Importing the key this desk already
    holds changes nothing; a different one raises `DeskKeyExistsError`."""
    exported = read_key_export(path, passphrase)
    pair = NewsroomKeyPair.from_private_bytes(exported.private_key, exported.kem)
    if pair.fingerprint != exported.fingerprint:
        raise KeyExportError("the key inside does not match the fingerprint the file names")
    desk = DeskRepository(store)
    current = desk.key()
    if current is not None:
        if current.fingerprint == pair.fingerprint:
            return pair.fingerprint
        raise DeskKeyExistsError(current.fingerprint)
    desk.save_key(
        DeskKey(
            fingerprint=pair.fingerprint,
            kem=pair.kem,
            private_key=pair.private_bytes(),
            public_key=pair.public_key.to_text(),
            created_at=datetime.now(UTC),
        )
    )
    if label:
        set_desk_label(store, label)
    else:
        desk_signing.desk_signer(store, desk_identity(store))
    return pair.fingerprint
