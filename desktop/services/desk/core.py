"""The editor desk's pull, and the received reports. The newsroom key pair and the
connection to the server are desktop/services/desk/connection.py.

A pull (`pull`) fetches the
envelopes after the stored cursor, page by page, with the devices' signing keys
(``/v1/devices``), opens and verifies each one (`sync.envelope.open_envelope`) and stores
the plaintext in the desk's store. Everything is idempotent by envelope id, and the cursor
moves in the same transaction as its pages (one, or a few when storing is the slower stage,
`desktop.services.desk.pipeline`): a crash repeats at most those pages. Stored pages are
acknowledged to the server as the pull goes, so that it erases their bytes meanwhile.

An envelope that fails — not ours, forged, altered, unreadable, a report that does not
validate — is recorded as refused with its reason code and message and never stops the
pull. Reasons are the envelope format's (`sync.envelope.errors`: ``wrong_recipient``,
``unknown_device``, ``decryption_failed``, ``bad_signature``, ``bad_padding``,
``malformed``…) and these: ``header_mismatch`` (the server's listing disagrees with the
sealed header), ``invalid_report`` (the payload is not a valid report record),
``kind_not_allowed`` (a review from a device), ``duplicate_report`` (a second envelope for a
report revision already held), ``device_revoked`` (a report its device made after an
editor revoked it, `desktop.services.desk.device_approval`), ``unreadable`` (anything else).

Like the correspondent's sync, every function is synchronous and takes the open `Store`
first, for the store worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.services.desk import device_approval, handcarry
from desktop.services.desk import opened as opened_lists
from desktop.services.desk.connection import (
    DeskKeyClaimedError,
    DeskPullClient,
    desk_device,
    register_signing_key,
)
from desktop.services.desk.followups import (
    apply_pulled_messages,
    push_questions,
)
from desktop.services.desk.open import Opened, PageOpener, PendingPage, Sealed
from desktop.services.desk.pipeline import PagePipeline
from desktop.services.desk.review import apply_pulled_reviews, push_reviews
from desktop.store.database import Store
from desktop.store.desk.chain import DeskChainRepository
from desktop.store.desk.core import (
    DeskReport,
    DeskRepository,
    EnvelopeRecord,
    ReceivedReport,
)
from sync import wire
from sync.client import (
    ClientConfig,
    OfflineError,
    ServerRefusedError,
    SyncClient,
    SyncError,
)
from sync.envelope import (
    DESK_SENDER_ID,
    NewsroomKeyPair,
    derive_desk_signing_key,
)
from sync.messages import CheckedEnvelope, EnvelopePage, StoredEnvelope

__all__ = [
    "DeskNotReadyError",
    "PullOutcome",
    "list_reports",
    "pull",
    "report_json",
]

PAGE_SIZE = wire.MAX_PAGE_COUNT  # fewer, larger commits: 10,000 reports in 20 pages
PROCESS_POOL_MIN_PAGE = 250
"""A full page this large with more behind it is a backlog worth worker processes for."""


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
    clock_skew: float | None = None
    """Seconds this desk's clock is ahead of the server's ``Date`` (negative: behind), as
    the pull saw it; None when the server sent no date."""
    relabels: tuple[str, ...] = ()
    """One line per device the server lists under another label than the one this desk
    kept (the approved one, or the first it saw): flagged, never applied."""


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

    def signer_keys() -> dict[str, bytes | None]:
        """Every registered device key: an envelope is checked against the device its
        sealed header names, whatever device the server lists it under."""
        keys: dict[str, bytes | None] = {d.device_id: d.public_key for d in desk.devices()}
        keys[DESK_SENDER_ID] = desk_public
        return keys

    opener = PageOpener(pairs)
    warnings: list[str] = []
    relabels: list[str] = []
    refreshed = False
    signers: dict[str, bytes | None] = {}

    def start_opening(page: EnvelopePage, unstored: set[str]) -> PendingPage:
        """Page keys and known ids come from the store here, on the store's thread;
        ``unstored`` are the ids of the pages opened but not stored yet (a server that
        lists an envelope twice gets it opened once)."""
        nonlocal refreshed, signers
        seen = desk.known_envelopes([e.envelope_id for e in page.envelopes]) | unstored
        fresh = []
        again = []
        for envelope in page.envelopes:
            if envelope.envelope_id not in seen:
                seen.add(envelope.envelope_id)
                fresh.append(envelope)
            else:
                again.append((envelope.device_id, envelope.envelope_id))
        DeskChainRepository(store).record_again(again, now or datetime.now(UTC))
        if any(signers.get(e.device_id) is None for e in fresh) and not refreshed:
            # a device enrolled since the list was fetched
            moment = now or datetime.now(UTC)
            listed = client.devices()
            relabels.extend(_relabels(desk.save_devices([desk_device(d) for d in listed], moment)))
            handcarry.remember_encryption_keys(store, listed, now=now)
            signers = signer_keys()
            refreshed = True
        pending = opener.open([_sealed(e) for e in fresh], signers)
        if page.more and len(page.envelopes) >= PROCESS_POOL_MIN_PAGE:
            opener.use_processes()  # a backlog: workers start now, open from the next page
        return pending

    def keep_pages(batch: Sequence[tuple[EnvelopePage, Sequence[Opened]]]) -> None:
        nonlocal cursor
        # whatever the server lists
        opened = device_approval.refuse_revoked(store, [o for _, page in batch for o in page])
        last_page = batch[-1][0]
        result = desk.store_page(
            [o for o in opened if isinstance(o, EnvelopeRecord)],
            [o for o in opened if isinstance(o, ReceivedReport)],
            last_page.next_after,
            now or datetime.now(UTC),
        )
        device_approval.apply_pulled_device_events(store, now=now)
        apply_pulled_reviews(store, now=now)
        apply_pulled_messages(store, now=now)
        cursor = max(cursor, last_page.next_after)
        totals[0] += len(opened)
        totals[1] += result.reports
        totals[2] += result.refused
        totals[3] += result.photos_completed
        totals[4] += len(batch)
        if progress is not None:
            progress(_outcome(totals, cursor))

    try:
        # Moves and questions go out first (the pull brings the moves back); trouble sending
        # them is reported in the outcome and never keeps reports from coming in.
        try:
            register_signing_key(client, pairs[0])
            push_reviews(store, client)
            warnings.extend(push_questions(store, client, now=now).problems)
            handcarry.relay_queued(store, client_factory=client_factory, now=now)
        except (SyncError, DeskKeyClaimedError) as error:
            if isinstance(error, OfflineError):
                raise
            warnings.append(str(error))
        listed = client.devices()
        relabels.extend(
            _relabels(desk.save_devices([desk_device(d) for d in listed], now or datetime.now(UTC)))
        )
        handcarry.remember_encryption_keys(store, listed, now=now)  # for receipts by hand
        skew = _clock_skew(client, now)
        signers = signer_keys()
        relayed = handcarry.pull_relayed(store, client, client_factory=client_factory, now=now)
        totals[0] += relayed.envelopes
        totals[1] += relayed.reports
        totals[2] += relayed.refused
        if max_pages is not None and max_pages < 1:
            return _outcome(totals, cursor, warnings, skew, relabels)
        acknowledged = cursor

        def fetch(after: int) -> EnvelopePage:
            """The next page, once the pages stored since the last fetch are acknowledged
            (on the fetching thread, the client's only user meanwhile): the server erases
            their bytes while the pull goes on rather than all at its end. Trouble here
            stops it for this pull; the acknowledgement at the end reports it."""
            nonlocal acknowledged
            stored_through = cursor  # moved by the store's thread after each commit
            if acknowledged >= 0 and stored_through > acknowledged:
                try:
                    client.acknowledge(stored_through)
                    acknowledged = stored_through
                except SyncError:
                    acknowledged = -1
            return client.pull(after, page_size)

        pipeline = PagePipeline(
            fetch,
            start_opening,
            keep_pages,
            max_pages=max_pages,
        )
        pipeline.run(client.pull(cursor, page_size))
        _acknowledge(client, cursor, warnings)
        warnings.extend(opened_lists.tell_opened(store, client, now=now))
    finally:
        opener.close()
        client.close()  # a fetch in flight dies with the connection: an error ends the pull
    return _outcome(totals, cursor, warnings, skew, relabels)


def _acknowledge(client: DeskPullClient, cursor: int, warnings: list[str]) -> None:
    """Tell the server every envelope up to ``cursor`` is stored here (the cursor is saved
    with the page that reached it), so it can delete what every desk has. A server too old
    to know the route simply keeps everything; other trouble waits for the next pull."""
    if cursor < 1:
        return
    try:
        client.acknowledge(cursor)
    except ServerRefusedError as error:
        if error.status != 404:
            warnings.append(str(error))
    except SyncError as error:
        warnings.append(str(error))


def _outcome(
    totals: list[int],
    cursor: int,
    warnings: Sequence[str] = (),
    skew: float | None = None,
    relabels: Sequence[str] = (),
) -> PullOutcome:
    return PullOutcome(
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        cursor,
        tuple(warnings),
        skew,
        tuple(dict.fromkeys(relabels)),  # a device listed twice in one pull is named once
    )


CLOCK_SKEW_SHOWN = 300.0
"""Seconds of difference from the server's clock worth telling the editor about: review
moves are ordered by their desks' clocks."""


def _clock_skew(client: object, now: datetime | None) -> float | None:
    server_date = getattr(client, "server_date", None)  # test doubles may not keep one
    if not isinstance(server_date, datetime):
        return None
    return ((now or datetime.now(UTC)) - server_date).total_seconds()


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


def _sealed(stored: StoredEnvelope) -> Sealed:
    base = EnvelopeRecord(
        envelope_id=stored.envelope_id,
        seq=stored.seq,
        device_id=stored.device_id,
        kind=stored.kind,
        size=stored.size,
        received_at=stored.received_at,
        outcome="stored",
    )
    if isinstance(stored, CheckedEnvelope):  # decoded and checked by the client
        return Sealed(base, stored.raw)
    try:
        return Sealed(base, wire.decode_base64(stored.data))
    except ValueError:
        return Sealed(base, None)


def _relabels(changed: Sequence[tuple[str, str, str | None]]) -> list[str]:
    """A warning per device whose label the server changed (kept as first seen)."""
    return [
        f"the server now names device {device_id} {offered!r}; this desk keeps {kept!r}"
        for device_id, kept, offered in changed
    ]
