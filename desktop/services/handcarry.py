"""Delivery by hand, when the network is cut: bundles out, receipts back.

- Device: `export_bundle` writes every envelope still without a receipt (reports, photo
  chunks, answers) into one bundle file sealed to the newsroom key (`sync.payloads.bundle`); the
  revisions stay waiting, marked carried, until a receipt comes by any path.
  `import_receipts` applies a receipt file from the desk: those revisions become sent (the
  retention counts from then) and the desk's waiting questions are taken in.
- Desk: `import_bundle` opens a bundle and opens, verifies and stores every envelope as a
  pull does (`desktop.services.desk.open.open_sealed`, `DeskRepository.store_page`), so
  an envelope that came both ways is stored once; the envelopes are queued for the server
  and handed over (`relay_queued`, ``POST /v1/relay`` with the desk token) when it is
  reachable, so the device later gets ordinary receipts and other desks see them.
  `write_receipts` writes a device's receipt file, signed with the desk signing key and
  sealed to the device's encryption key (learnt, verified, at `remember_encryption_keys`).

Every function is synchronous and takes the open `Store` first, for the store worker.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from desktop.domain.report import format_utc
from desktop.fsread import TooLargeError, read_bounded
from desktop.services import sync
from desktop.services.desk import device_approval
from desktop.services.desk.followups import apply_pulled_messages
from desktop.services.desk.open import Opened, PageOpener, Sealed
from desktop.services.desk.review import apply_pulled_reviews
from desktop.services.sync import SyncClientLike
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository, EnvelopeRecord, ReceivedReport
from desktop.store.fsutil import atomic_write
from desktop.store.handcarry import AppliedReceipts, HandcarryRepository
from desktop.store.identity import IdentityRepository
from sync import wire
from sync.client import ClientConfig, SyncClient, SyncError
from sync.envelope import (
    DESK_SENDER_ID,
    DeviceSigningKey,
    EnvelopeError,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    open_envelope,
    parse_header,
    seal,
)
from sync.messages import DeviceInfo
from sync.payloads.bundle import Bundle, open_bundle, read_bundle, seal_bundle
from sync.payloads.container import BundleError
from sync.payloads.followup import parse_payload, question_payload
from sync.payloads.receipts import HandReceipts, open_receipts, seal_receipts

__all__ = [
    "HandcarryError",
    "ImportOutcome",
    "export_bundle",
    "import_bundle",
    "import_bundle_data",
    "import_receipts",
    "relay_queued",
    "remember_encryption_keys",
    "write_receipts",
]

MAX_FILE = 4 * 1024**3 + 4 * 1024**2
PROCESS_POOL_MIN_PAGE = 250
RELAY_ROUTE = f"{wire.API_PREFIX}/relay"
UNKNOWN_DEVICE = "unknown_device"


class HandcarryError(Exception):
    """A hand-carry step that cannot be done; ``reason`` is a code, ``str()`` says what
    to do. Nothing was changed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _read(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_FILE)
    except TooLargeError:
        raise HandcarryError("too_large", f"{path} is too large to be a Gatewatch file") from None
    except OSError as error:
        raise HandcarryError("unreadable", f"cannot read {path}: {error.strerror}") from None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as error:
        raise HandcarryError(
            "unwritable", f"cannot write {path} ({error.strerror}); nothing was changed"
        ) from None


# -- the device ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportOutcome:
    reports: int
    envelopes: int
    size: int


def export_bundle(store: Store, path: Path, *, now: datetime | None = None) -> ExportOutcome:
    """Write every envelope not yet receipted to ``path`` (replaced if there) and mark
    the revisions carried. Raises `HandcarryError` (``not_enrolled``, ``nothing_waiting``,
    ``unwritable``)."""
    identity = IdentityRepository(store).get()
    if identity is None:
        raise HandcarryError(
            "not_enrolled", "this device is not enrolled yet: enroll once, then export"
        )
    moment = now or datetime.now(UTC)
    sync.seal_pending(store, now=moment)
    repo = HandcarryRepository(store)
    waiting = repo.unreceipted()
    envelopes = waiting.envelopes
    if not envelopes:
        raise HandcarryError("nothing_waiting", "nothing waits for the newsroom: no file written")
    data = seal_bundle(envelopes, NewsroomPublicKey.from_text(identity.newsroom_key))
    _write(path, data)
    repo.mark_carried([r for r, _, _ in waiting.reports], moment)
    return ExportOutcome(len(waiting.reports), len(envelopes), len(data))


@dataclass(frozen=True)
class ReceiptsOutcome:
    """What a receipt file changed, and the texts of the questions new to this device."""

    reports: int
    chunks: int
    answers: int
    questions: int
    question_texts: tuple[str, ...] = ()


def import_receipts(store: Store, path: Path, *, now: datetime | None = None) -> ReceiptsOutcome:
    """Apply a receipt file from the desk; take in the questions it carries.

    Raises `HandcarryError` (``not_enrolled``, ``no_desk_key`` — this device has not
    learnt the desk's signing key, which needs one sync with a connection — and
    ``wrong_device``) and `sync.payloads.container.BundleError` for a file that does not open."""
    identity = IdentityRepository(store).get()
    if identity is None:
        raise HandcarryError("not_enrolled", "this device is not enrolled: there is nothing to")
    row = HandcarryRepository(store).messaging_keys()
    if row is None or row[2] is None:
        raise HandcarryError(
            "no_desk_key",
            "this device has not yet learnt the newsroom desk's signing key, so it cannot "
            "check a receipt file: sync once with a connection first",
        )
    pair = NewsroomKeyPair.from_private_bytes(bytes(row[1]), row[0])
    desk_key = row[2]
    receipts = open_receipts(_read(path), pair, desk_key)
    if receipts.device_id != identity.device_id:
        raise HandcarryError(
            "wrong_device", "this receipt file is for another device: nothing was changed"
        )
    moment = now or datetime.now(UTC)
    text = json.dumps(
        {"via": "hand", "receipt_id": receipts.receipt_id, "at": _iso(receipts.created_at)},
        sort_keys=True,
    )
    applied: AppliedReceipts = HandcarryRepository(store).apply_receipts(
        receipts.envelope_ids, text, moment
    )
    taken = _take_questions(store, identity.device_id, pair, desk_key, receipts, moment)
    return ReceiptsOutcome(
        applied.reports, applied.chunks, applied.answers, len(taken), tuple(taken)
    )


def _take_questions(
    store: Store,
    device_id: str,
    pair: NewsroomKeyPair,
    desk_key: bytes,
    receipts: HandReceipts,
    moment: datetime,
) -> list[str]:
    """Open each carried question as the network's message queue would be read; return
    the texts of those this device did not have."""
    rows = []
    for message_id, data in receipts.questions:
        try:
            opened = open_envelope(
                data,
                newsroom_private_key=pair,
                device_public_key_for=lambda d: desk_key if d == DESK_SENDER_ID else None,
            )
            doc = parse_payload(opened.payload, "question")
        except (EnvelopeError, ValueError):
            continue  # sealed by a desk, so only a bug makes one fail: skipped, not fatal
        if opened.header.envelope_id != message_id or doc["device_id"] != device_id:
            continue
        rows.append(
            (
                doc["question_id"],
                message_id,
                doc["report_id"],
                doc["text"],
                doc["desk_label"],
                format_utc(datetime.fromisoformat(doc["asked_at"])),
                format_utc(moment),
            )
        )
    added = set(HandcarryRepository(store).add_questions(rows))
    return [row[3] for row in rows if row[0] in added]


# -- the desk -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportOutcome:
    """What `import_bundle` did: envelopes in the bundle, new to this desk, reports
    stored, envelopes refused, photos completed; envelopes waiting for a device the desk
    does not know yet; envelopes handed to the server now; when the bundle was first
    imported (None the first time); a warning when the server could not be reached."""

    envelopes: int
    new: int
    reports: int
    refused: int
    photos: int
    unknown_device: int
    relayed: int
    imported_before: datetime | None
    warning: str | None = None
    refusals: tuple[str, ...] = ()


def _desk_pairs(store: Store) -> list[NewsroomKeyPair]:
    keys = DeskRepository(store).keys()
    if not keys:
        raise HandcarryError(
            "no_desk_key", "this store has no newsroom key: run `gatewatch desk init` first"
        )
    return [NewsroomKeyPair.from_private_bytes(k.private_key, k.kem) for k in keys]


def import_bundle(
    store: Store,
    path: Path,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> ImportOutcome:
    """Open the bundle at ``path``, store its envelopes as a pull would, queue them for
    the server and relay them now if the desk is connected and the server answers.

    Raises `HandcarryError` and `sync.payloads.container.BundleError` (nothing stored). An envelope
    from a device this desk does not know yet is not refused: it is relayed, and the pull
    brings it back once the device list names it.
    """
    pairs = _desk_pairs(store)
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE:
                raise HandcarryError(
                    "too_large", f"{path} is too large to be a Gatewatch file"
                ) from None
            bundle = read_bundle(stream, size, pairs)  # a segment at a time
    except OSError as error:
        raise HandcarryError("unreadable", f"cannot read {path}: {error.strerror}") from None
    return _import(store, pairs, bundle, client_factory, now)


def import_bundle_data(
    store: Store,
    data: bytes,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> ImportOutcome:
    """`import_bundle` for a bundle's bytes (relayed through the server)."""
    pairs = _desk_pairs(store)
    return _import(store, pairs, open_bundle(data, pairs), client_factory, now)


def _import(
    store: Store,
    pairs: list[NewsroomKeyPair],
    bundle: Bundle,
    client_factory: Callable[[ClientConfig], SyncClientLike],
    now: datetime | None,
) -> ImportOutcome:
    moment = now or datetime.now(UTC)
    repo = HandcarryRepository(store)
    before = repo.bundle_imported_at(bundle.bundle_id)
    desk = DeskRepository(store)
    candidates: dict[str, list[Sealed]] = {}
    refusals: list[str] = []
    for data in bundle.envelopes:
        try:
            header = parse_header(data)
        except EnvelopeError:
            refusals.append("malformed")  # no id to record it under
            continue
        base = EnvelopeRecord(
            header.envelope_id,
            0,
            header.device_id,
            str(header.kind),
            len(data),
            _iso(moment),
            "stored",
        )
        if header.kind not in wire.DEVICE_UPLOAD_KINDS or header.device_id == DESK_SENDER_ID:
            refusals.append("kind_not_allowed")
        else:
            candidates.setdefault(header.envelope_id, []).append(Sealed(base, data))
    known = desk.known_envelopes(list(candidates))
    fresh = [c for i, found in candidates.items() if i not in known for c in found]
    signers = {d.device_id: d.public_key for d in desk.devices()}
    opener = PageOpener(pairs)
    try:
        if len(fresh) >= PROCESS_POOL_MIN_PAGE:
            opener.use_processes()  # as a pull's backlog: a large bundle opens on every core
        opened = opener.open(fresh, signers).result()
    finally:
        opener.close()
    opened = device_approval.refuse_revoked(store, opened)
    chosen, waiting, losers = _choose(fresh, opened)
    refusals += [o.reason or "refused" for o in losers]
    # A refusal is reported, never recorded under its envelope id: anyone can seal a
    # bundle, and a forgery recorded under a genuine envelope's id would shadow the
    # genuine one when it arrives later, by hand or by the network.
    result = desk.store_page(
        [o for o, _ in chosen if isinstance(o, EnvelopeRecord)],
        [o for o, _ in chosen if isinstance(o, ReceivedReport)],
        None,
        moment,
    )
    device_approval.apply_pulled_device_events(store, now=moment)
    apply_pulled_reviews(store, now=moment)
    apply_pulled_messages(store, now=moment)
    # Only what this desk verified goes on to the server: anyone can seal a bundle to the
    # newsroom key, and an envelope the server stores under a device's id would turn that
    # device's own upload of the same id into a conflict. Envelopes from a device this desk
    # does not know yet wait for the device's own sync (or a second import once known).
    repo.queue_relay(
        [(_envelope_id(o), s.base.device_id, s.data) for o, s in chosen if s.data], moment
    )
    repo.record_bundle(
        bundle.bundle_id, bundle.created_at, len(bundle.envelopes), len(fresh), moment
    )
    relayed, warning = 0, None
    if desk.server() is not None:
        try:
            relayed = relay_queued(store, client_factory=client_factory, now=moment)
        except SyncError as error:
            warning = f"the server could not take the envelopes yet ({error.reason}): {error}"
    return ImportOutcome(
        len(bundle.envelopes),
        len({s.base.envelope_id for s in fresh}),
        result.reports,
        result.refused + len(refusals),
        result.photos_completed,
        waiting,
        relayed,
        before,
        warning,
        tuple(refusals),
    )


def _choose(
    fresh: Sequence[Sealed], opened: Sequence[Opened]
) -> tuple[list[tuple[Opened, Sealed]], int, list[EnvelopeRecord]]:
    """Per envelope id, the first copy that verified, whatever the order the copies came
    in (a forged copy under a genuine envelope's id must not shadow it); the number of
    ids waiting for a device this desk does not know yet; and the refused copies."""
    verified: dict[str, tuple[Opened, Sealed]] = {}
    unknown: set[str] = set()
    refused: list[EnvelopeRecord] = []
    for sealed, result in zip(fresh, opened, strict=True):
        envelope_id = sealed.base.envelope_id
        if _stored(result):
            if envelope_id in verified:
                if sealed.data != verified[envelope_id][1].data:
                    refused.append(sealed.base.refused("duplicate", "another copy of an envelope"))
            else:
                verified[envelope_id] = (result, sealed)
        elif isinstance(result, EnvelopeRecord) and result.reason == UNKNOWN_DEVICE:
            unknown.add(envelope_id)
        elif isinstance(result, EnvelopeRecord):
            refused.append(result)
    return list(verified.values()), len(unknown - set(verified)), refused


def _envelope_id(opened: Opened) -> str:
    return opened.envelope.envelope_id if isinstance(opened, ReceivedReport) else opened.envelope_id


def _stored(opened: Opened) -> bool:
    return isinstance(opened, ReceivedReport) or opened.outcome == "stored"


def relay_queued(
    store: Store,
    *,
    client_factory: Callable[[ClientConfig], SyncClientLike] = SyncClient,
    now: datetime | None = None,
) -> int:
    """Hand the queued envelopes to the server (desk token); return how many it took.

    Raises `HandcarryError` ``not_connected`` and `sync.client.SyncError` for network or
    server trouble (what was taken before stays recorded). An envelope the server refuses
    is kept out of later relays with the reason."""
    server = DeskRepository(store).server()
    if server is None:
        raise HandcarryError(
            "not_connected", "this desk has no server: run `gatewatch desk connect` first"
        )
    repo = HandcarryRepository(store)
    if not repo.relay_count():
        return 0
    client = client_factory(
        ClientConfig(
            base_url=server.server_url,
            token=server.token,
            tls_fingerprint=server.tls_fingerprint,
            proxy=server.proxy,
        )
    )
    moment = now or datetime.now(UTC)
    taken = 0
    try:
        while batch := repo.relay_waiting():
            results = client.upload(batch, route=RELAY_ROUTE)
            ok = [r.envelope_id for r in results if r.ok]
            failed = [(r.envelope_id, r.error or "refused") for r in results if not r.ok]
            repo.relay_done(ok, failed, moment)
            taken += len(ok)
    finally:
        client.close()
    return taken


def remember_encryption_keys(
    store: Store, devices: Sequence[DeviceInfo], *, now: datetime | None = None
) -> int:
    """Keep each device's encryption key whose signature verifies against the signing key
    this desk already holds for it (a server cannot slip in its own); return how many."""
    desk = DeskRepository(store)
    verified = []
    for info in devices:
        signing = desk.device_key(info.device_id)
        if info.encryption_key is None or info.encryption_key_signature is None or not signing:
            continue
        try:
            ed25519.Ed25519PublicKey.from_public_bytes(signing).verify(
                wire.decode_base64(info.encryption_key_signature),
                wire.encryption_key_statement(info.device_id, info.encryption_key),
            )
            NewsroomPublicKey.from_text(info.encryption_key)
        except (InvalidSignature, ValueError):
            continue
        verified.append((info.device_id, info.encryption_key))
    HandcarryRepository(store).save_encryption_keys(verified, now or datetime.now(UTC))
    return len(verified)


@dataclass(frozen=True)
class ReceiptsWritten:
    envelopes: int
    questions: int
    size: int


def write_receipts(
    store: Store, device_id: str, path: Path, *, now: datetime | None = None
) -> ReceiptsWritten:
    """Write ``device_id``'s receipt file to ``path``: every envelope of it this desk holds,
    and its unanswered questions (sealed now if they were not yet).

    Raises `HandcarryError` ``unknown_device`` and ``no_encryption_key`` (the desk has
    not yet seen the device's verified encryption key: pull once with a connection)."""
    pairs = _desk_pairs(store)
    if DeskRepository(store).device_key(device_id) is None:
        raise HandcarryError("unknown_device", f"this desk knows no device {device_id}")
    repo = HandcarryRepository(store)
    key_text = repo.encryption_key(device_id)
    if key_text is None:
        raise HandcarryError(
            "no_encryption_key",
            f"this desk has not yet received device {device_id}'s encryption key: pull once "
            "with a connection after the device has synced",
        )
    recipient = NewsroomPublicKey.from_text(key_text)
    signer = derive_desk_signing_key(pairs[0])
    moment = now or datetime.now(UTC)
    questions = [
        (message_id, envelope or _seal_question(store, qid, recipient, signer))
        for qid, message_id, envelope in repo.waiting_questions(device_id)
    ]
    ids = repo.held_envelope_ids(device_id)
    receipts = HandReceipts(str(uuid.uuid4()), moment, device_id, tuple(ids), tuple(questions))
    data = seal_receipts(receipts, signer, recipient)
    _write(path, data)
    return ReceiptsWritten(len(ids), len(questions), len(data))


def _seal_question(
    store: Store, question_id: str, recipient: NewsroomPublicKey, signer: DeviceSigningKey
) -> bytes:
    repo = HandcarryRepository(store)
    report_id, device_id, text, label, asked_at, message_id = repo.question(question_id)
    envelope = seal(
        question_payload(
            question_id=question_id,
            report_id=report_id,
            device_id=device_id,
            text=text,
            asked_at=datetime.fromisoformat(asked_at),
            desk_label=label,
        ),
        kind=EnvelopeKind.MESSAGE,
        envelope_id=message_id,
        device_id=DESK_SENDER_ID,
        device_key=signer,
        recipient=recipient,
    )
    return repo.keep_sealed_question(question_id, envelope)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


__all__ += ["BundleError", "ExportOutcome", "ReceiptsOutcome", "ReceiptsWritten"]
