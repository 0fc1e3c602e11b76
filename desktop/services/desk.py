"""The editor desk (minimal here; the editor-desk issue builds its window): the newsroom
key pair, the connection to the server, the pull, and the received reports.

The newsroom private key is made inside the desk's encrypted store and never leaves it;
only the public key's text form is handed out (`init_desk`). A pull (`pull`) fetches the
envelopes after the stored cursor, page by page, with the devices' signing keys
(``/v1/devices``), opens and verifies each one (`sync.envelope.open_envelope`) and stores
the plaintext in the desk's store. Everything is idempotent by envelope id, and the cursor
moves in the same transaction as its page: a crash mid-page repeats at most that page.

An envelope that fails — not ours, forged, altered, unreadable, a report that does not
validate — is recorded as refused with its reason code and message and never stops the
pull. Reasons are the envelope format's (`sync.envelope.errors`: ``wrong_recipient``,
``unknown_device``, ``decryption_failed``, ``bad_signature``, ``bad_padding``,
``malformed``…) and these: ``header_mismatch`` (the server's listing disagrees with the
sealed header), ``invalid_report`` (the payload is not a valid report record),
``kind_not_allowed`` (a review from a device), ``duplicate_report`` (a second envelope for a
report revision already held), ``unreadable`` (anything else).

Like the correspondent's sync, every function is synchronous and takes the open `Store`
first, for the store worker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, Protocol

from desktop.domain.errors import ReportValidationError
from desktop.domain.report import Report
from desktop.services.desk_followups import (
    DeskClientLike,
    apply_pulled_messages,
    push_questions,
)
from desktop.services.desk_review import apply_pulled_reviews, desk_identity, push_reviews
from desktop.services.sync import REPORT_FORMAT, SyncClientLike
from desktop.store.attachments import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REPORT, MEDIA_TYPES
from desktop.store.database import Store
from desktop.store.desk import (
    AttachmentRef,
    ChunkRef,
    DeskDevice,
    DeskKey,
    DeskReport,
    DeskRepository,
    EnvelopeRecord,
    ReceivedReport,
)
from sync import protocol
from sync.client import ClientConfig, OfflineError, ServerRefusedError, SyncClient, SyncError
from sync.envelope import (
    DEFAULT_KEM,
    DESK_SENDER_ID,
    EnvelopeError,
    EnvelopeKind,
    NewsroomKeyPair,
    NewsroomPublicKey,
    derive_desk_signing_key,
    open_envelope,
)
from sync.protocol import StoredEnvelope

__all__ = [
    "DeskNotReadyError",
    "PullOutcome",
    "connect",
    "init_desk",
    "list_reports",
    "newsroom_public_key",
    "pull",
    "report_json",
]

PAGE_SIZE = protocol.MAX_PAGE_COUNT  # fewer, larger commits: 10,000 reports in 20 pages
OPEN_THREADS = 2
VALIDATION_CLOCK = datetime(9000, 1, 1, tzinfo=UTC)
"""The desk accepts any observation time the device signed: the 24 h rule was the device's
to apply against its own clock, and refusing a signed report for a skewed clock would only
hide it from the editor."""
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(protocol.UUID_RE)


class DeskPullClient(SyncClientLike, DeskClientLike, Protocol):
    """What a pull uses of `sync.client.SyncClient`: reports, reviews and questions."""


class DeskKeyClaimedError(RuntimeError):
    """The server holds a desk signing key that is not this newsroom's: whoever registered
    it could sign questions that devices would trust."""

    def __init__(self) -> None:
        super().__init__(
            "the server already holds another desk signing key — someone with a desk token "
            "registered one that is not derived from this newsroom's key. Nothing was saved. "
            "Tell the server admin at once: revoke the desk tokens, then clear the key"
        )


def _register_signing_key(client: DeskPullClient, pair: NewsroomKeyPair) -> None:
    try:
        client.register_desk_signing_key(derive_desk_signing_key(pair).public_bytes())
    except ServerRefusedError as error:
        if error.reason == protocol.ERROR_KEY_CONFLICT:
            raise DeskKeyClaimedError() from None
        raise


class DeskNotReadyError(RuntimeError):
    """The desk lacks its key (`desk init`) or its server (`desk connect`); says which."""


@dataclass(frozen=True)
class PullOutcome:
    """What one `pull` did: envelopes seen (new ones), reports stored, envelopes refused,
    photos completed, pages fetched, and the cursor afterwards."""

    envelopes: int
    reports: int
    refused: int
    photos: int
    pages: int
    cursor: int
    warnings: tuple[str, ...] = ()


def init_desk(
    store: Store, kem: str = DEFAULT_KEM, *, now: datetime | None = None
) -> NewsroomPublicKey:
    """Make the newsroom key pair inside this store; return its public key.

    ``kem``: "mlkem768x25519" (default, post-quantum hybrid) or "x25519". Raises
    `desktop.store.desk.DeskKeyExistsError` when the desk has one (nothing changes), and
    ValueError for an unknown KEM.
    """
    pair = NewsroomKeyPair.generate(kem)
    DeskRepository(store).save_key(
        DeskKey(
            fingerprint=pair.fingerprint,
            kem=pair.kem,
            private_key=pair.private_bytes(),
            public_key=pair.public_key.to_text(),
            created_at=now or datetime.now(UTC),
        )
    )
    desk_identity(store)
    return pair.public_key


def newsroom_public_key(store: Store) -> NewsroomPublicKey | None:
    """The desk's newsroom public key, or None before `init_desk`."""
    key = DeskRepository(store).key()
    return None if key is None else NewsroomPublicKey.from_text(key.public_key)


def connect(
    store: Store,
    server_url: str,
    token: str,
    tls_fingerprint: str | None = None,
    proxy: str | None = None,
    *,
    client_factory: Callable[[ClientConfig], DeskPullClient] = SyncClient,
    now: datetime | None = None,
) -> int:
    """Check the desk token against the server (``/v1/devices``), register the desks'
    signing key there (devices pin it to trust questions), then remember the server;
    return how many devices it lists. A new server address restarts the cursor.

    Raises `sync.client.SyncError` subclasses (offline, unauthorized, a device token
    instead of a desk token: ServerRefusedError ``wrong_token_kind``…) and
    `DeskKeyClaimedError` when the server holds another desk signing key; nothing stored.
    """
    client = client_factory(
        ClientConfig(base_url=server_url, token=token, tls_fingerprint=tls_fingerprint, proxy=proxy)
    )
    try:
        devices = client.devices()
        key = DeskRepository(store).key()
        if key is not None:
            _register_signing_key(client, NewsroomKeyPair.from_private_bytes(key.private_key))
    finally:
        client.close()
    moment = now or datetime.now(UTC)
    desk = DeskRepository(store)
    desk.connect(server_url.rstrip("/"), token, tls_fingerprint, proxy, moment)
    desk.save_devices([_device(d) for d in devices], moment)
    return len(devices)


def pull(
    store: Store,
    *,
    client_factory: Callable[[ClientConfig], DeskPullClient] = SyncClient,
    now: datetime | None = None,
    page_size: int = PAGE_SIZE,
    max_pages: int | None = None,
    progress: Callable[[PullOutcome], None] | None = None,
) -> PullOutcome:
    """Fetch and store every envelope after the cursor (at most ``max_pages`` pages).

    Raises `DeskNotReadyError` before `init_desk`/`connect`, and `sync.client.SyncError`
    subclasses for network or server trouble — pages stored before it stay stored.
    Envelopes that fail are recorded as refused (see the module doc), never raised.
    """
    desk = DeskRepository(store)
    keys = desk.keys()
    if not keys:
        raise DeskNotReadyError("this desk has no newsroom key: run `gatewatch desk init` first")
    server = desk.server()
    if server is None:
        raise DeskNotReadyError(
            "this desk is not connected to a server: run `gatewatch desk connect` first"
        )
    pairs = [NewsroomKeyPair.from_private_bytes(k.private_key, k.kem) for k in keys]
    client = client_factory(
        ClientConfig(
            base_url=server.server_url,
            token=server.token,
            tls_fingerprint=server.tls_fingerprint,
            proxy=server.proxy,
        )
    )
    cursor = server.cursor
    totals = [0, 0, 0, 0, 0]  # envelopes, reports, refused, photos, pages
    desk_public = derive_desk_signing_key(pairs[0]).public_bytes()

    signers: dict[str, bytes | None] = {DESK_SENDER_ID: desk_public}

    def signer_key(device_id: str) -> bytes | None:
        if device_id not in signers:
            signers[device_id] = desk.device_key(device_id)
        return signers[device_id]

    # Opening is mostly HPKE and Ed25519, which run without the GIL: two threads open a
    # page's envelopes while the next page is already being fetched.
    fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-pull-fetch")
    opener = ThreadPoolExecutor(max_workers=OPEN_THREADS, thread_name_prefix="desk-pull-open")
    warnings: list[str] = []
    try:
        # Moves and questions go out first (the pull brings the moves back); trouble sending
        # them is reported in the outcome and never keeps reports from coming in.
        try:
            _register_signing_key(client, pairs[0])
            push_reviews(store, client)
            push_questions(store, client, now=now)
        except (SyncError, DeskKeyClaimedError) as error:
            if isinstance(error, OfflineError):
                raise
            warnings.append(str(error))
        desk.save_devices([_device(d) for d in client.devices()], now or datetime.now(UTC))
        refreshed = False
        upcoming = fetcher.submit(client.pull, cursor, page_size)
        while max_pages is None or totals[4] < max_pages:
            page = upcoming.result()
            known = desk.known_envelopes([e.envelope_id for e in page.envelopes])
            fresh = [e for e in page.envelopes if e.envelope_id not in known]
            unknown = {e.device_id for e in fresh if signer_key(e.device_id) is None}
            if unknown and not refreshed:  # enrolled since the list was fetched
                desk.save_devices([_device(d) for d in client.devices()], now or datetime.now(UTC))
                signers.clear()
                signers[DESK_SENDER_ID] = desk_public
                refreshed = True
            # The next page is fetched while this one is opened and stored (the client is
            # never used from two threads at once: devices were asked for above).
            if page.more and (max_pages is None or totals[4] + 1 < max_pages):
                upcoming = fetcher.submit(client.pull, page.next_after, page_size)
            # The store stays on this thread: the openers get the page's keys as a dict.
            page_keys = {device: signer_key(device) for device in {e.device_id for e in fresh}}
            records: list[EnvelopeRecord] = []
            reports: list[ReceivedReport] = []
            open_one = partial(_open, pairs=pairs, device_key=page_keys.get)
            for opened in opener.map(open_one, fresh):
                if isinstance(opened, ReceivedReport):
                    reports.append(opened)
                else:
                    records.append(opened)
            result = desk.store_page(records, reports, page.next_after, now or datetime.now(UTC))
            apply_pulled_reviews(store, now=now)
            apply_pulled_messages(store, now=now)
            cursor = max(cursor, page.next_after)
            totals[0] += len(fresh)
            totals[1] += result.reports
            totals[2] += result.refused
            totals[3] += result.photos_completed
            totals[4] += 1
            if progress is not None:
                progress(_outcome(totals, cursor))
            if not page.more:
                break
    finally:
        opener.shutdown(cancel_futures=True)
        fetcher.shutdown(wait=False, cancel_futures=True)  # a fetch in flight dies with
        client.close()  # the client's connection: an error ends the pull at once
    return _outcome(totals, cursor, warnings)


def _outcome(totals: list[int], cursor: int, warnings: Sequence[str] = ()) -> PullOutcome:
    return PullOutcome(
        totals[0], totals[1], totals[2], totals[3], totals[4], cursor, tuple(warnings)
    )


def list_reports(store: Store) -> list[DeskReport]:
    """Every report at the desk, newest observation first."""
    return DeskRepository(store).reports()


def report_json(report: DeskReport) -> dict[str, Any]:
    """The full report as the device queued it (its record: identity keys and content),
    plus where it came from — ``device_id``, ``device_label``, ``received_at`` (the
    server's receipt time), ``envelope_id`` — and ``photos`` (position, media type, size,
    sha256, width, height, ``complete`` and any ``problem``)."""
    return {
        **report.record,
        "device_id": report.device_id,
        "device_label": report.device_label,
        "received_at": report.received_at,
        "envelope_id": report.envelope_id,
        "photos": [
            {
                "position": a.position,
                "media_type": a.media_type,
                "size": a.size,
                "sha256": a.sha256,
                "width": a.width,
                "height": a.height,
                "complete": a.complete,
                "problem": a.problem,
            }
            for a in report.attachments
        ],
    }


# -- opening one envelope -----------------------------------------------------------------


def _open(
    stored: StoredEnvelope,
    pairs: Sequence[NewsroomKeyPair],
    device_key: Callable[[str], bytes | None],
) -> EnvelopeRecord | ReceivedReport:
    """Open, verify and parse one pulled envelope; a refusal record when anything fails."""
    base = EnvelopeRecord(
        envelope_id=stored.envelope_id,
        seq=stored.seq,
        device_id=stored.device_id,
        kind=stored.kind,
        size=stored.size,
        received_at=stored.received_at,
        outcome="stored",
    )
    try:
        data = protocol.decode_base64(stored.data)
        opened = open_envelope(data, newsroom_private_key=pairs, device_public_key_for=device_key)
        header = opened.header
        if (
            header.envelope_id != stored.envelope_id
            or header.device_id != stored.device_id
            or str(header.kind) != stored.kind
        ):
            return _refuse(
                base,
                "header_mismatch",
                "the server lists this envelope under other ids or kind than its sealed "
                "header: check the server",
            )
        if header.kind == EnvelopeKind.REPORT:
            record, attachments = _parse_report(opened.payload)
            return ReceivedReport(base, record, attachments)
        if header.kind in (EnvelopeKind.ATTACHMENT_CHUNK, EnvelopeKind.MESSAGE):
            return _with_payload(base, opened.payload)
        if header.kind == EnvelopeKind.REVIEW and header.device_id == DESK_SENDER_ID:
            return _with_payload(base, opened.payload)  # applied after the page is stored
        return _refuse(base, "kind_not_allowed", "a device may not send this kind of envelope")
    except EnvelopeError as error:
        return _refuse(base, error.reason, error.message)
    except _InvalidReport as error:
        return _refuse(base, "invalid_report", str(error))
    except ValueError:
        return _refuse(base, "malformed", "the envelope's data is not valid base64")
    except Exception as error:  # never let one envelope stop the pull
        kind = type(error).__name__
        return _refuse(base, "unreadable", f"the envelope could not be read ({kind})")


class _InvalidReport(ValueError):
    """The payload of a verified report envelope is not a valid report document."""


def _parse_report(payload: bytes) -> tuple[dict[str, Any], tuple[AttachmentRef, ...]]:
    try:
        document = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _InvalidReport("the report is not UTF-8 JSON") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != REPORT_FORMAT
        or set(document) != {"format", "report", "attachments"}
    ):
        raise _InvalidReport(f"the report is not a {REPORT_FORMAT} document")
    try:
        report = Report.from_json(document["report"], now=VALIDATION_CLOCK)
    except ReportValidationError as error:
        fields = ", ".join(sorted({e.path or "(report)" for e in error.errors}))
        raise _InvalidReport(f"the report does not validate ({fields})") from None
    raw = document["attachments"]
    if not isinstance(raw, list) or len(raw) > MAX_ATTACHMENTS_PER_REPORT:
        raise _InvalidReport("the report's photo list is not valid")
    attachments = tuple(_attachment(item) for item in raw)
    if len({a.position for a in attachments}) != len(attachments):
        raise _InvalidReport("two photos share a position")
    chunk_ids = [c.envelope_id for a in attachments for c in a.chunks]
    if len(set(chunk_ids)) != len(chunk_ids):
        raise _InvalidReport("a photo chunk is named twice")
    return report.to_json(), attachments


def _attachment(item: object) -> AttachmentRef:
    keys = {"position", "media_type", "size", "sha256", "width", "height", "chunks"}
    if not isinstance(item, dict) or set(item) != keys:
        raise _InvalidReport("a photo entry is not valid")
    position, size, chunks = item["position"], item["size"], item["chunks"]
    if (
        not _int_in(position, 1, 10_000)
        or item["media_type"] not in MEDIA_TYPES
        or not _int_in(size, 1, MAX_ATTACHMENT_BYTES)
        or not isinstance(item["sha256"], str)
        or not _HEX64.fullmatch(item["sha256"])
        or not (item["width"] is None or _int_in(item["width"], 1, 100_000))
        or not (item["height"] is None or _int_in(item["height"], 1, 100_000))
        or not isinstance(chunks, list)
        or not chunks
        or len(chunks) > MAX_ATTACHMENT_BYTES // 1024
    ):
        raise _InvalidReport("a photo entry is not valid")
    refs = tuple(_chunk(c) for c in chunks)
    if sum(c.size for c in refs) != size:
        raise _InvalidReport("a photo's chunks do not add up to its size")
    return AttachmentRef(
        position, item["media_type"], size, item["sha256"], item["width"], item["height"], refs
    )


def _chunk(item: object) -> ChunkRef:
    if (
        not isinstance(item, dict)
        or set(item) != {"envelope_id", "sha256", "size"}
        or not isinstance(item["envelope_id"], str)
        or not _UUID.fullmatch(item["envelope_id"])
        or not isinstance(item["sha256"], str)
        or not _HEX64.fullmatch(item["sha256"])
        or not _int_in(item["size"], 1, protocol.MAX_ENVELOPE_BYTES)
    ):
        raise _InvalidReport("a photo chunk entry is not valid")
    return ChunkRef(item["envelope_id"], item["sha256"], item["size"])


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _refuse(base: EnvelopeRecord, reason: str, message: str) -> EnvelopeRecord:
    return EnvelopeRecord(
        base.envelope_id,
        base.seq,
        base.device_id,
        base.kind,
        base.size,
        base.received_at,
        "refused",
        reason,
        message,
    )


def _with_payload(base: EnvelopeRecord, payload: bytes) -> EnvelopeRecord:
    return EnvelopeRecord(
        base.envelope_id,
        base.seq,
        base.device_id,
        base.kind,
        base.size,
        base.received_at,
        "stored",
        payload=payload,
    )


def _device(info: protocol.DeviceInfo) -> DeskDevice:
    key: bytes | None = None
    if info.public_key is not None:
        try:
            raw = protocol.decode_base64(info.public_key)
        except ValueError:
            raw = b""
        key = raw if len(raw) == 32 else None
    return DeskDevice(
        device_id=info.device_id,
        label=info.label,
        public_key=key,
        enrolled=info.enrolled,
        revoked=info.revoked,
        enrolled_at=info.enrolled_at,
    )
