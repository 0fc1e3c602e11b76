"""Which devices are sources: editors approve, reject and revoke them at the desk, and
every desk follows.

The server lists devices and their labels, but under the threat model it may lie. So a
device it lists is a source at the desk only once an editor approved it (seeing its label,
key fingerprint and enrolment time); until then its reports wait in the inbox's "from
unapproved devices" queue and the board leaves them out. An approval pins the label and
the signing key; a revocation makes the desk refuse the device's reports sealed after it.
Each decision is a `desktop.domain.desk.device_trust.DeviceEvent` signed by the deciding desk's
own key (a ``gatewatch-devices-2`` document, `desktop.services.desk.signing`), sealed as a
review envelope and pushed with the review moves, so a second desk holds the same decisions
after its pull (`apply_pulled_device_events`) and knows which desk made each. A decision
whose desk signature or endorsement does not hold is refused with the reason, shown beside
the device it names, and never applied.

Every function takes the open `Store` first, for the store worker.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from desktop.domain.desk.device_trust import DeviceEvent, DeviceEventKind, DeviceState
from desktop.domain.desk.review import ReviewError
from desktop.domain.report import format_utc
from desktop.services.desk import signing as desk_signing
from desktop.services.desk.review import DeskSetupError, desk_identity, seal_review_payload
from desktop.store.database import Store
from desktop.store.desk.core import EnvelopeRecord, ReceivedReport
from desktop.store.desk.device_trust import DeviceStatus, DeviceTrustRepository
from desktop.store.desk.review import ReviewRepository
from sync.envelope import EnvelopeKind, check_ed25519_public
from sync.payloads.desk_signed import claimed_events
from sync.payloads.endorsement import DeskSignatureError
from sync.payloads.followup import parse_payload

__all__ = [
    "DeviceDecisionError",
    "apply_pulled_device_events",
    "approve",
    "device_flags",
    "devices",
    "find_device",
    "refuse_revoked",
    "reject",
    "revoke",
]

REVOKED_REASON = "device_revoked"


class DeviceDecisionError(ReviewError):
    """A decision that cannot be made: an unknown device, one without a key, one already
    revoked. The message says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "device")


def devices(store: Store) -> list[DeviceStatus]:
    """Every device with its state, unapproved ones first."""
    return DeviceTrustRepository(store).statuses()


def find_device(store: Store, name: str) -> DeviceStatus:
    """The device with this id, or the one device with this label; `DeviceDecisionError`
    when none or several match."""
    known = devices(store)
    for status in known:
        if status.device_id == name:
            return status
    named = [s for s in known if name in (s.label, s.offered_label)]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(s.device_id for s in named)
        raise DeviceDecisionError(f"several devices are named {name!r} ({ids}): give the id")
    raise DeviceDecisionError(f"there is no device {name!r} at this desk: pull first")


def device_flags(store: Store) -> dict[str, list[str]]:
    """What the editor should see about devices, by device id: a label the server changed
    after approval (never applied), an unapproved device listed under the label of an
    approved one, the reports and answers a revoked device made after its revocation
    (refused), and decisions about it that were refused (a desk signature that does not
    hold)."""
    known = devices(store)
    trust = DeviceTrustRepository(store)
    refused = trust.revoked_refusals()
    decisions = _refused_decisions(trust)
    pinned = {s.label: s for s in known if s.state is DeviceState.APPROVED and s.label}
    flags: dict[str, list[str]] = {}
    for s in known:
        lines: list[str] = []
        if (
            s.state in (DeviceState.APPROVED, DeviceState.REVOKED)
            and s.listed
            and s.offered_label != s.label
        ):
            lines.append(
                f"the server now names it {s.offered_label!r}; the label approved is {s.label!r}"
            )
        twin = pinned.get(s.offered_label) if s.offered_label else None
        if s.state is DeviceState.UNAPPROVED and twin is not None and twin is not s:
            lines.append(f"the server lists it under the label of approved device {twin.device_id}")
        reports, answers = refused.get(s.device_id, (0, 0))
        if reports:
            lines.append(f"{reports} report(s) it made after its revocation were refused")
        if answers:
            lines.append(f"{answers} answer(s) it sent after its revocation were refused")
        lines.extend(decisions.get(s.device_id, []))
        if lines:
            flags[s.device_id] = lines
    return flags


def _refused_decisions(trust: DeviceTrustRepository) -> dict[str, list[str]]:
    """What each refused device document claimed, by device id: one line per decision."""
    lines: dict[str, list[str]] = {}
    for payload, message in trust.refused_review_payloads():
        for claim in claimed_events(payload):
            device, kind, label = (claim.get(k) for k in ("device_id", "kind", "desk_label"))
            if isinstance(device, str) and isinstance(kind, str):
                lines.setdefault(device, []).append(
                    f"a decision to {kind} it, claimed by desk {label!r}, was refused: {message}"
                )
    return lines


def approve(store: Store, device_id: str, *, now: datetime | None = None) -> DeviceEvent:
    """Approve a device as a source at every desk, pinning its label and key as shown."""
    return _decide(store, device_id, DeviceEventKind.APPROVE, now)


def reject(store: Store, device_id: str, *, now: datetime | None = None) -> DeviceEvent:
    """Decide a device is not a source (its reports stay, out of the board)."""
    return _decide(store, device_id, DeviceEventKind.REJECT, now)


def revoke(store: Store, device_id: str, *, now: datetime | None = None) -> DeviceEvent:
    """Revoke a device at every desk: its reports sealed from now on are refused, whatever
    the server lists. Final: a revoked device is never approved again (enrol it anew)."""
    return _decide(store, device_id, DeviceEventKind.REVOKE, now)


def _decide(
    store: Store, device_id: str, kind: DeviceEventKind, now: datetime | None
) -> DeviceEvent:
    status = find_device(store, device_id)
    if status.state is DeviceState.REVOKED:
        raise DeviceDecisionError(
            f"device {status.device_id} is revoked; a revocation is final: enrol it anew"
        )
    if status.public_key is None or status.label is None:
        raise DeviceDecisionError(
            f"device {status.device_id} has no signing key or label at this desk yet: pull first"
        )
    identity = desk_identity(store)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    event = DeviceEvent.make(
        kind,
        status.device_id,
        label=status.label,
        public_key=status.public_key,
        enrolled_at=status.enrolled_at or "",
        desk_id=identity.desk_id,
        desk_label=identity.label,
        at=moment,
    )
    envelope_id = str(uuid.uuid4())
    payload = desk_signing.signed_devices_payload(store, identity, [event], envelope_id)
    if payload is None:
        raise DeskSetupError("this desk has no newsroom key: set up the desk first")
    body = seal_review_payload(store, envelope_id, payload)
    DeviceTrustRepository(store).record([event], envelope_id, moment, outbox_body=body)
    return event


def apply_pulled_device_events(store: Store, *, now: datetime | None = None) -> int:
    """Record the device decisions of every pulled review envelope that holds them and
    whose desk signature holds (the others are left to
    `desktop.services.desk.review.apply_pulled_reviews`); returns how many events were new.
    One signed by a key that is not the named desk's endorsed key is refused
    (``bad_desk_signature``), a malformed one too (``invalid_review``), each with its
    reason."""
    reviews = ReviewRepository(store)
    trust = DeviceTrustRepository(store)
    moment = now or datetime.now(UTC)
    added = 0
    for envelope_id, payload in reviews.pending_review_payloads():
        try:
            verified = _device_events(store, envelope_id, payload)
        except DeskSignatureError as error:
            reviews.refuse_review_payload(envelope_id, "bad_desk_signature", str(error))
            continue
        except (ReviewError, ValueError) as error:
            reviews.refuse_review_payload(envelope_id, "invalid_review", str(error))
            continue
        if verified is not None:
            desk_signing.pin_signer(store, verified, moment)
            added += trust.record(verified.events, envelope_id, moment)
    return added


def _device_events(
    store: Store, envelope_id: str, payload: bytes
) -> desk_signing.VerifiedDevices | None:
    """The verified device decisions a review payload holds, None when it holds none
    (moves and notes); `DeskSignatureError` when its desk signature does not hold,
    `ReviewError` or ValueError when it is a malformed device document."""
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None  # not ours to judge: the review reader refuses it
    verified = desk_signing.verify_devices(store, envelope_id, document)
    for event in [] if verified is None else verified.events:
        check_ed25519_public(event.public_key)  # a small-order key lets anyone sign as it
    return verified


def refuse_revoked(
    store: Store, opened: Sequence[EnvelopeRecord | ReceivedReport]
) -> list[EnvelopeRecord | ReceivedReport]:
    """The page's opened envelopes with every report or answer a revoked device sealed
    after its revocation turned into a refusal (reason ``device_revoked``), whatever the
    server lists. The time compared is the report's own ``created_at`` or the answer's
    ``at``, inside its signature."""
    trust = DeviceTrustRepository(store)
    for item in opened:  # a revocation on this very page counts for the envelopes beside it
        if isinstance(item, EnvelopeRecord) and item.kind == "review" and item.payload:
            try:
                verified = _device_events(store, item.envelope_id, item.payload)
            except (DeskSignatureError, ReviewError, ValueError):
                continue  # refused when the page is applied
            if verified is not None:
                trust.record(verified.events, None, datetime.now(UTC))
    revoked = trust.revocations()
    if not revoked:
        return list(opened)
    kept: list[EnvelopeRecord | ReceivedReport] = []
    for item in opened:
        if isinstance(item, ReceivedReport) and item.envelope.device_id in revoked:
            at = revoked[item.envelope.device_id]
            sealed = _created_at(item)
            if sealed is None or sealed >= at:
                item = _refusal(item.envelope, at, sealed, "report")
        elif (
            isinstance(item, EnvelopeRecord)
            and item.kind == str(EnvelopeKind.MESSAGE)
            and item.outcome == "stored"
            and item.device_id in revoked
        ):
            at = revoked[item.device_id]
            sealed = _answered_at(item)
            if sealed is None or sealed >= at:
                item = _refusal(item, at, sealed, "answer")
        kept.append(item)
    return kept


def _answered_at(envelope: EnvelopeRecord) -> datetime | None:
    try:
        answer = parse_payload(envelope.payload or b"", "answer")
        return datetime.fromisoformat(str(answer["at"])).astimezone(UTC)
    except (KeyError, ValueError, OverflowError):
        return None


def _created_at(report: ReceivedReport) -> datetime | None:
    try:
        return datetime.fromisoformat(str(report.record["created_at"])).astimezone(UTC)
    except (KeyError, ValueError, OverflowError):
        return None


def _refusal(
    envelope: EnvelopeRecord, at: datetime, sealed: datetime | None, what: str
) -> EnvelopeRecord:
    when = "at an unknown time" if sealed is None else f"at {format_utc(sealed)}"
    return envelope.refused(
        REVOKED_REASON,
        f"device {envelope.device_id} was revoked at {format_utc(at)}; this {what} was "
        f"made {when}, after it, so it is refused whatever the server lists",
    )
