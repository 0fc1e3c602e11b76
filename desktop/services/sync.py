"""The correspondent's sync: enrol once, seal queued reports, send the outbox, purge.

What leaves the device (docs/architecture.md, invariant 5): each queued revision becomes one
``report`` envelope and, for each of its photos, ``attachment_chunk`` envelopes of at most
`CHUNK_SIZE` bytes, all sealed to the newsroom key and signed by this device's Ed25519 key.
Every chunk is padded to the same size and the count is padded with empty filler chunks
(desktop/services/photo_chunks.py), so batches do not show a report's photos.
The report envelope's payload is canonical JSON (`report_payload`)::

    {"format": "gatewatch-report/1",
     "report": <Report.to_json(): identity keys and content>,
     "attachments": [{"position", "media_type", "size", "sha256", "width", "height",
                      "chunks": [{"envelope_id", "sha256", "size"}, ...]}, ...]}

A chunk's payload is the photo's bytes from ``chunk * CHUNK_SIZE`` on, exactly as kept in
the store (already stripped of metadata at import). Envelope ids are random UUIDv4s, so the
server learns nothing from them (report ids are UUIDv7s and carry their creation time).

**When sealing happens.** At queue time: `desktop.services.correspondent.capture.queue_draft` calls
`seal_pending` right after queueing (and the CLI does the same after `report add`), so the
plaintext of a queued report is needed only once. A report queued before enrolment (or
left unsealed by a crash between the two transactions) is sealed at the start of the next
`sync_once`. The sealed bytes are kept in the outbox and sent unchanged on every attempt:
the server's receipts are idempotent by envelope id and SHA-256, so a resend after a cut
connection or a lost reply returns the original receipt and never stores a duplicate.

**API for the GUI.** Every function here is synchronous, takes the open `Store` first and
runs on the store worker (`desktop.ui.worker`): hand it over as
``functools.partial(sync.sync_once, progress=...)``. None of them touches Qt. Network time
is bounded by the client's timeouts (connect 10 s, read 60 s, at most 5 min per request with
retries) and each call's work by its limits (`sync_once` handles at most ``max_reports``
revisions; call it again while ``outcome.more``):

- `sync_status(store) -> SyncStatus` — enrolled?, waiting count, last error, last success
  (for the status bar; cheap, no network).
- `sync_once(store, *, client_factory=SyncClient, now=None, progress=None,
  max_reports=100) -> SyncOutcome` — seal, send, store receipts, purge. Never raises for
  network or server trouble: the outcome's ``error`` (a `SyncErrorKind`) and ``message``
  (plain words saying what to do) say what happened. Raises only store errors
  (StoreIOError, StoreBusyError) and programming errors.
- `enroll(store, server_url, invite_text, label=None, proxy=None, *, client_factory=SyncClient)
  -> DeviceIdentity` — raises `EnrollmentError` (bad invite, fingerprint mismatch, already
  enrolled) or a `sync.client.SyncError` (offline, invite expired or used…); both have a
  user-facing ``str()``.
- `seal_pending(store, *, now=None, limit=1000) -> int`,
  `purge_expired(store, *, now=None) -> int`,
  `retention_days(store) -> int`, `set_retention_days(store, days)`,
  `set_proxy(store, proxy)`.

``progress`` is called on the worker thread with a `SyncProgress` after each batch the
server confirmed; emit a Qt signal from it (it must not touch widgets).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from desktop.domain.report import REPORT_FORMAT
from desktop.services import updates
from desktop.services.chain import SEAL_ATTEMPTS, ChainSealer
from desktop.services.photo_chunks import (
    CHUNK_PADDED,
    CHUNK_SIZE,
    filler_chunks,
    mixed,
)
from desktop.services.sync_state import SyncErrorKind, SyncOutcome, SyncProgress, SyncStatus
from desktop.store.attachments import AttachmentRepository
from desktop.store.chain import DeviceChainRepository, forget_gone
from desktop.store.database import Store
from desktop.store.identity import AlreadyEnrolledError, DeviceIdentity, IdentityRepository
from desktop.store.outbox import OutboxRepository, PendingReport, SealedChunk, SealedReport
from desktop.store.reports import ReportRepository
from desktop.store.settings import SettingsRepository
from sync import wire
from sync.client import (
    ClientConfig,
    OfflineError,
    OverloadedError,
    PinMismatchError,
    RevokedError,
    ServerRefusedError,
    SyncClient,
    SyncError,
    UnauthorizedError,
    normalize_proxy,
)
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey
from sync.messages import DeviceInfo, EnrollResponse, EnvelopePage, UploadResult

__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_RETENTION_DAYS",
    "REPORT_FORMAT",
    "RETENTION_SETTING",
    "AlreadyEnrolledError",
    "EnrollmentError",
    "SyncErrorKind",
    "SyncOutcome",
    "SyncProgress",
    "SyncStatus",
    "enroll",
    "purge_expired",
    "report_payload",
    "retention_days",
    "seal_pending",
    "set_proxy",
    "set_retention_days",
    "sync_once",
    "sync_status",
]

RETENTION_SETTING = "sync.retention_days"
DEFAULT_RETENTION_DAYS = 7
MAX_RETENTION_DAYS = 3650
LAST_SUCCESS_SETTING = "sync.last_success_at"
UPLOAD_BATCH_BYTES = 2 * 1024 * 1024
"""Envelope bytes per upload request: receipts are stored after each, so a cut costs at
most this much again, and progress moves at least this often."""
PLAN_BYTES = 64 * 1024 * 1024
"""Envelope bytes one `sync_once` holds in memory at most (one larger revision still goes)."""
CHUNK_RECEIPT_CONFIRMED = "stored"
"""The receipt text of a chunk the server listed as already stored (`missing` said so)."""


class SyncClientLike(Protocol):
    """The part of `sync.client.SyncClient` used here (tests pass fakes)."""

    def enroll(self, device_public_key: bytes, label: str | None = None) -> EnrollResponse: ...
    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
        route: str = ...,
    ) -> list[UploadResult]: ...
    def missing(self, envelope_ids: Sequence[str]) -> list[str]: ...
    def pull(self, after: int, limit: int = ...) -> EnvelopePage: ...
    def devices(self) -> list[DeviceInfo]: ...
    def health(self) -> dict[str, object]: ...
    def close(self) -> None: ...


ClientFactory = Callable[[ClientConfig], SyncClientLike]


class EnrollmentError(Exception):
    """Enrolment refused on this side; ``reason`` is a code, ``str()`` says what to do.

    Reasons: ``invalid_invite``, ``no_server``, ``fingerprint_mismatch``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# -- status and settings -------------------------------------------------------------------


def sync_status(store: Store) -> SyncStatus:
    """The enrolment and outbox state; cheap enough to call after every job."""
    identity = IdentityRepository(store).get()
    outbox = OutboxRepository(store).status()
    last = SettingsRepository(store).get(LAST_SUCCESS_SETTING)
    return SyncStatus(
        enrolled=identity is not None,
        device_id=None if identity is None else identity.device_id,
        server_url=None if identity is None else identity.server_url,
        waiting=outbox.waiting,
        last_error=outbox.last_error,
        last_success_at=_parse_time(last) if isinstance(last, str) else None,
    )


def retention_days(store: Store) -> int:
    """Days a sent report keeps its content on this device (setting, default 7; 0 =
    purged right after its receipt). A stored value out of range counts as the default."""
    value = SettingsRepository(store).get(RETENTION_SETTING, DEFAULT_RETENTION_DAYS)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_RETENTION_DAYS:
        return value
    return DEFAULT_RETENTION_DAYS


def set_retention_days(store: Store, days: int) -> None:
    """Store the retention. Raises ValueError outside 0 … 3650."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_RETENTION_DAYS:
        raise ValueError(f"retention is 0 to {MAX_RETENTION_DAYS} days")
    SettingsRepository(store).set(RETENTION_SETTING, days)


def set_proxy(store: Store, proxy: str | None) -> None:
    """Use this proxy from the next sync on (e.g. ``socks5h://127.0.0.1:9050`` for Tor;
    None for a direct connection; ``socks5://`` is kept as ``socks5h://``: names resolve at
    the proxy). Raises LookupError when not enrolled, `sync.client.ConfigError` for an
    address that is not a proxy URL."""
    IdentityRepository(store).set_connection(proxy=normalize_proxy(proxy) or "")


# -- enrolment ----------------------------------------------------------------------------


def enroll(
    store: Store,
    server_url: str | None,
    invite_text: str,
    label: str | None = None,
    proxy: str | None = None,
    *,
    client_factory: ClientFactory = SyncClient,
    now: datetime | None = None,
) -> DeviceIdentity:
    """Enrol this store's device with the newsroom server, once; return the identity.

    Decodes the invite, generates the device's Ed25519 signing key, registers its public
    half with the invite token, and checks that the newsroom key the server hands over has
    the fingerprint the invite carries. Only then is anything stored (one transaction):
    the signing key, device id, server address, the device token the server issued in
    exchange for the invite's (dead from then on), the newsroom key and fingerprint, the
    pinned TLS fingerprint and the proxy (``socks5://`` kept as ``socks5h://``); the desks'
    signing key when the invite carries it (pinned: questions signed by any other key are
    refused, whatever the server says later).
    ``server_url`` may be None when the invite carries the address.

    Raises `AlreadyEnrolledError` (before any network call), `EnrollmentError`
    (``invalid_invite``, ``no_server``, ``fingerprint_mismatch`` — then nothing is stored,
    and the admin should be told: the server handed over another key than the invite's),
    and `sync.client.SyncError` subclasses (offline, invite expired or already used, pin
    mismatch…). Reports already queued are sealed at the next `sync_once`.
    """
    identities = IdentityRepository(store)
    existing = identities.get()
    if existing is not None:
        raise AlreadyEnrolledError(existing.device_id)
    try:
        invite = wire.decode_invite(invite_text)
    except wire.InviteError as error:
        raise EnrollmentError("invalid_invite", f"The invite is not valid: {error}.") from None
    url = server_url or invite.server_url
    if not url:
        raise EnrollmentError(
            "no_server", "The invite does not name the server: give its address (--server)."
        )
    proxy = normalize_proxy(proxy)
    key = DeviceSigningKey.generate()
    config = ClientConfig(
        base_url=url, token=invite.token, tls_fingerprint=invite.tls_sha256, proxy=proxy
    )
    client = client_factory(config)
    try:
        response = client.enroll(key.public_bytes(), label)
    finally:
        client.close()
    try:
        newsroom = NewsroomPublicKey.from_text(response.newsroom_public_key)
    except ValueError:
        newsroom = None
    if (
        newsroom is None
        or newsroom.fingerprint != invite.newsroom_fingerprint
        or response.newsroom_fingerprint != invite.newsroom_fingerprint
    ):
        raise EnrollmentError(
            "fingerprint_mismatch",
            "The server handed over a different newsroom key than the invite names "
            f"(invite: {invite.newsroom_fingerprint}). Nothing was stored and nothing will "
            "be sent there. Tell the newsroom admin at once and ask for a new invite.",
        )
    identity = DeviceIdentity(
        device_id=response.device_id,
        signing_key=key.private_bytes(),
        server_url=url,
        # the server's fresh device token; the invite's own from a server that kept invites
        token=response.device_token or invite.token,
        newsroom_key=newsroom.to_text(),
        newsroom_fingerprint=newsroom.fingerprint,
        tls_fingerprint=invite.tls_sha256,
        proxy=proxy,
        label=label,
        enrolled_at=now or datetime.now(UTC),
    )
    identities.save(identity)
    if invite.release_key is not None:
        updates.pin_release_key(store, invite.release_key)
    if invite.desk_signing_key is not None:
        from desktop.services import followup_sync  # it builds on this module

        followup_sync.pin_desk_signing_key(
            store, bytes.fromhex(invite.desk_signing_key), now=identity.enrolled_at
        )
    return identity


# -- sealing ------------------------------------------------------------------------------


def report_payload(record: dict[str, Any], attachments: Sequence[dict[str, Any]]) -> bytes:
    """The canonical JSON bytes of a report envelope's payload (see the module doc)."""
    document = {"format": REPORT_FORMAT, "report": record, "attachments": list(attachments)}
    return json.dumps(
        document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def seal_pending(store: Store, *, now: datetime | None = None, limit: int = 1000) -> int:
    """Seal up to ``limit`` waiting revisions that have no envelope yet; return how many.

    Does nothing (returns 0) before enrolment. Each revision is sealed from the store —
    its record (`Report.to_json()`) and its photos' bytes — and kept with its chunks in
    one transaction; a revision sealed meanwhile keeps its first envelope. Raises only
    store errors.
    """
    identity = IdentityRepository(store).get()
    if identity is None:
        return 0
    moment = now or datetime.now(UTC)
    device_key = DeviceSigningKey.from_private_bytes(identity.signing_key)
    newsroom = NewsroomPublicKey.from_text(identity.newsroom_key)
    outbox = OutboxRepository(store)
    sealed = 0
    unsealed = outbox.unsealed_ids(limit)
    if not unsealed:
        return 0
    chains = DeviceChainRepository(store)
    with store.transaction() as conn:
        forget_gone(conn)
    # Read once: nothing sealed here is carried yet.
    start = chains.state()
    carried = chains.carried(start.chain_id) if start.chain_id is not None else []
    for report_id in unsealed:
        for attempt in range(SEAL_ATTEMPTS):
            chain = ChainSealer(store, moment, carried if attempt == 0 else None)
            envelopes = _seal_report(
                store, identity.device_id, device_key, newsroom, report_id, chain
            )
            if outbox.store_sealed(envelopes, moment, chain.step):
                sealed += 1
                break
            if not outbox.is_unsealed(report_id):
                break  # sealed or receipted meanwhile; else the chain moved: seal again
    return sealed


def _seal_report(
    store: Store,
    device_id: str,
    device_key: DeviceSigningKey,
    newsroom: NewsroomPublicKey,
    report_id: str,
    chain: ChainSealer,
) -> SealedReport:
    stored = ReportRepository(store).get(report_id)
    if stored.report is not None:
        record = stored.report.to_json()
    else:
        # Stored by an older version under rules that have since tightened: it is sent as
        # stored, and the desk decides.
        identity = {
            "id": stored.row.id,
            "lineage_id": stored.row.lineage_id,
            "revision": stored.row.revision,
            "replaces": stored.replaces,
            "created_at": stored.created_at.isoformat().replace("+00:00", "Z"),
        }
        record = {**dict(stored.body), **identity}
    photos = AttachmentRepository(store)

    def seal_chunk(part: bytes, envelope_id: str) -> bytes:
        return chain.seal(
            part,
            kind=EnvelopeKind.ATTACHMENT_CHUNK,
            envelope_id=envelope_id,
            device_id=device_id,
            device_key=device_key,
            recipient=newsroom,
            min_padded=CHUNK_PADDED,
        )

    chunks: list[SealedChunk] = []
    described: list[dict[str, Any]] = []
    for info in photos.list(report_id):
        data = photos.data(report_id, info.position)
        refs: list[dict[str, Any]] = []
        for index, start in enumerate(range(0, len(data), CHUNK_SIZE)):
            part = data[start : start + CHUNK_SIZE]
            envelope_id = str(uuid.uuid4())
            envelope = seal_chunk(part, envelope_id)
            chunks.append(SealedChunk(envelope_id, info.position, index, envelope))
            refs.append(
                {
                    "envelope_id": envelope_id,
                    "sha256": hashlib.sha256(part).hexdigest(),
                    "size": len(part),
                }
            )
        described.append(
            {
                "position": info.position,
                "media_type": info.media_type,
                "size": info.size,
                "sha256": info.sha256,
                "width": info.width,
                "height": info.height,
                "chunks": refs,
            }
        )
    chunks.extend(filler_chunks(len(chunks), seal_chunk))
    envelope_id = str(uuid.uuid4())
    envelope = chain.seal(
        report_payload(record, described),
        kind=EnvelopeKind.REPORT,
        envelope_id=envelope_id,
        device_id=device_id,
        device_key=device_key,
        recipient=newsroom,
    )
    return SealedReport(report_id, envelope_id, envelope, tuple(chunks))


# -- sending ------------------------------------------------------------------------------


def sync_once(
    store: Store,
    *,
    client_factory: ClientFactory = SyncClient,
    now: datetime | None = None,
    progress: Callable[[SyncProgress], None] | None = None,
    max_reports: int = 100,
) -> SyncOutcome:
    """Seal what is unsealed, send up to ``max_reports`` waiting revisions (and at most
    about 64 MiB of envelopes: `PLAN_BYTES`), purge.

    For each revision, oldest queued first: its photo chunks first — the server is asked
    which it lacks (`missing`), only those are sent, the others count as confirmed — then
    the report envelope, once every chunk is confirmed. Uploads go in requests of about
    2 MiB; after each one its receipts are stored at once, each receipt with the report's
    move to "sent" in one transaction. So a cut connection, a crash or a killed app loses
    at most the receipts of one request, and resending those returns the same receipts:
    nothing is lost, nothing is doubled. A receipt that does not match what was sent is not
    stored (the revision waits).

    Then sent revisions past the retention are purged (`purge_expired`), even offline.
    Network and server trouble never raises: it ends the call with ``error`` set; the
    revisions tried keep their attempt count and error code. Raises store errors only.
    """
    moment = now or datetime.now(UTC)
    outbox = OutboxRepository(store)
    identity = IdentityRepository(store).get()
    if identity is None:
        return SyncOutcome(
            sent=0,
            remaining=outbox.pending_count(),
            purged=purge_expired(store, now=moment),
            error=SyncErrorKind.NOT_ENROLLED,
            message="This computer is not enrolled with a newsroom server yet: enrol it "
            "with the invite from the newsroom admin. Reports stay queued here.",
        )
    seal_pending(store, now=moment)
    plan = outbox.pending(max_reports=max_reports, max_bytes=PLAN_BYTES)
    run = _Run(store, outbox, plan, moment, progress)
    if plan:
        try:
            client = client_factory(
                ClientConfig(
                    base_url=identity.server_url,
                    token=identity.token,
                    tls_fingerprint=identity.tls_fingerprint,
                    proxy=identity.proxy,
                )
            )
        except SyncError as refusal:
            run.fail(refusal)
        else:
            try:
                run.send(client)
            except SyncError as failure:
                run.fail(failure)
            finally:
                client.close()
    purged = purge_expired(store, now=moment)
    remaining = outbox.pending_count()
    if run.error is None and not run.refused:
        SettingsRepository(store).set(LAST_SUCCESS_SETTING, _format_time(moment))
    error, message = run.error, run.message
    if error is None and run.refused:
        error = SyncErrorKind.REFUSED
        count = len({report_id for report_id, _ in run.refused})
        reasons = ", ".join(sorted({reason for _, reason in run.refused}))
        message = (
            f"The server refused {count} report(s) ({reasons}). They stay queued on this "
            "computer; tell your editor."
        )
    return SyncOutcome(
        sent=run.sent,
        remaining=remaining,
        purged=purged,
        more=error is None and remaining > 0,
        error=error,
        message=message,
        refused=tuple(run.refused),
    )


class _Run:
    """One `sync_once` pass over a planned set of revisions."""

    def __init__(
        self,
        store: Store,
        outbox: OutboxRepository,
        plan: list[PendingReport],
        now: datetime,
        progress: Callable[[SyncProgress], None] | None,
    ) -> None:
        self.store = store
        self.outbox = outbox
        self.plan = plan
        self.now = now
        self.progress = progress
        self.sent = 0
        self.refused: list[tuple[str, str]] = []
        self.error: SyncErrorKind | None = None
        self.message: str | None = None
        self.envelopes_total = sum(1 + len(p.chunks) for p in plan)
        self.bytes_total = sum(p.size for p in plan)
        self.envelopes_done = 0
        self.bytes_done = 0
        self.owner: dict[str, str] = {}  # envelope id -> report id
        self.report_envelopes = {p.envelope_id for p in plan}
        self.sizes: dict[str, int] = {}
        for pending in plan:
            self.owner[pending.envelope_id] = pending.report_id
            self.sizes[pending.envelope_id] = len(pending.envelope)
            for chunk in pending.chunks:
                self.owner[chunk.envelope_id] = pending.report_id
                self.sizes[chunk.envelope_id] = len(chunk.envelope)

    def send(self, client: SyncClientLike) -> None:
        # All the pass's chunks in random order, in batches without report envelopes: a
        # batch does not say which report, or how many photos, its chunks belong to.
        chunks = mixed([c for p in self.plan for c in p.chunks])
        if chunks:
            ids = [c.envelope_id for c in chunks]
            lacking = set(client.missing(ids))
            confirmed = [(i, CHUNK_RECEIPT_CONFIRMED) for i in ids if i not in lacking]
            self.outbox.record_chunk_receipts(confirmed)
            self._advance([i for i, _ in confirmed])
            wanted = [(c.envelope_id, c.envelope) for c in chunks if c.envelope_id in lacking]
            self._upload(client, wanted)
        ready = [
            (p.envelope_id, p.envelope)
            for p in self.plan
            if p.report_id not in {r for r, _ in self.refused}
            and self.outbox.chunks_confirmed(p.report_id)
        ]
        self._upload(client, ready)
        self.outbox.record_attempt(
            [p.report_id for p in self.plan if p.report_id not in {r for r, _ in self.refused}],
            None,
            self.now,
        )

    def _upload(self, client: SyncClientLike, envelopes: list[tuple[str, bytes]]) -> None:
        batch: list[tuple[str, bytes]] = []
        size = 0
        for item in envelopes:
            if batch and size + len(item[1]) > UPLOAD_BATCH_BYTES:
                self._record(client.upload(batch))
                batch, size = [], 0
            batch.append(item)
            size += len(item[1])
        if batch:
            self._record(client.upload(batch))

    def _record(self, results: list[UploadResult]) -> None:
        chunk_receipts: list[tuple[str, str]] = []
        confirmed: list[str] = []
        for result in results:
            report_id = self.owner.get(result.envelope_id)
            if report_id is None:
                continue  # not ours: ignore (the client already checks the order)
            if not result.ok or result.receipt is None:
                reason = result.error or "refused"
                self.refused.append((report_id, reason))
                self.outbox.record_attempt([report_id], reason, self.now)
                continue
            receipt = result.receipt.to_json()
            if result.envelope_id in self.report_envelopes:
                if self.outbox.record_receipt(report_id, receipt, self.now):
                    self.sent += 1
            else:
                chunk_receipts.append((result.envelope_id, receipt))
            confirmed.append(result.envelope_id)
        self.outbox.record_chunk_receipts(chunk_receipts)
        self._advance(confirmed)

    def _advance(self, envelope_ids: Sequence[str]) -> None:
        self.envelopes_done += len(envelope_ids)
        self.bytes_done += sum(self.sizes.get(i, 0) for i in envelope_ids)
        if self.progress is not None and envelope_ids:
            self.progress(
                SyncProgress(
                    self.envelopes_done,
                    self.envelopes_total,
                    self.bytes_done,
                    self.bytes_total,
                    self.sent,
                    len(self.plan),
                )
            )

    def fail(self, error: SyncError) -> None:
        self.error = _kind_of(error)
        self.message = str(error)
        waiting = [p.report_id for p in self.plan]
        self.outbox.record_attempt(
            [r for r in waiting if self.outbox.sent_at(r) is None], error.reason, self.now
        )


def _kind_of(error: SyncError) -> SyncErrorKind:
    if isinstance(error, OverloadedError):
        return SyncErrorKind.OVERLOADED
    if isinstance(error, OfflineError):
        return SyncErrorKind.OFFLINE
    if isinstance(error, RevokedError):
        return SyncErrorKind.REVOKED
    if isinstance(error, UnauthorizedError):
        return SyncErrorKind.UNAUTHORIZED
    if isinstance(error, PinMismatchError):
        return SyncErrorKind.PIN_MISMATCH
    if isinstance(error, ServerRefusedError):
        return SyncErrorKind.REFUSED
    return SyncErrorKind.FAILED


# -- retention ----------------------------------------------------------------------------


def purge_expired(store: Store, *, now: datetime | None = None) -> int:
    """Purge sent revisions whose receipt is older than the retention; return how many.

    Each keeps a stub (id, gate, observed time, state "purged"); its text, search-index
    row, photos and sealed envelopes are deleted (`ReportRepository.purge_sent`). With a
    retention of 0 days every sent revision is purged. Raises only store errors.
    """
    moment = now or datetime.now(UTC)
    cutoff = moment - timedelta(days=retention_days(store))
    reports = ReportRepository(store)
    total = 0
    while True:
        purged = reports.purge_sent(cutoff, limit=500)
        total += len(purged)
        if len(purged) < 500:
            return total


def _format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return None
