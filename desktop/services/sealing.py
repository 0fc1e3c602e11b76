"""Sealing: each queued revision becomes the envelopes that leave the device.

What leaves the device (docs/architecture.md, invariant 5): each queued revision becomes one
``report`` envelope and, for each of its photos, ``attachment_chunk`` envelopes of at most
`CHUNK_SIZE` bytes, all sealed to the newsroom key and signed by this device's Ed25519 key.
Every chunk is padded to the same size and the count is padded with empty filler chunks
(desktop/services/photo_chunks.py), so batches do not show a report's photos.
The report envelope's payload is `sync.payloads.report.report_payload`; a chunk's payload
is the photo's bytes from ``chunk * CHUNK_SIZE`` on, exactly as kept in the store (already
stripped of metadata at import). Envelope ids are random UUIDv4s, so the
server learns nothing from them (report ids are UUIDv7s and carry their creation time).

**When sealing happens.** At queue time: `desktop.services.correspondent.capture.queue_draft` calls
`seal_pending` right after queueing (and the CLI does the same after `report add`), so the
plaintext of a queued report is needed only once. A report queued before enrolment (or
left unsealed by a crash between the two transactions) is sealed at the start of the next
`sync_once` (desktop/services/sync.py). The sealed bytes are kept in the outbox and sent
unchanged on every attempt: the server's receipts are idempotent by envelope id and
SHA-256, so a resend after a cut connection or a lost reply returns the original receipt
and never stores a duplicate.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

from desktop.services.chain import SEAL_ATTEMPTS, ChainSealer
from desktop.services.photo_chunks import CHUNK_PADDED, CHUNK_SIZE, filler_chunks
from desktop.store.attachments import AttachmentRepository
from desktop.store.chain import DeviceChainRepository, forget_gone
from desktop.store.database import Store
from desktop.store.identity import IdentityRepository
from desktop.store.outbox import OutboxRepository, SealedChunk, SealedReport
from desktop.store.reports import ReportRepository
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomPublicKey
from sync.payloads.report import report_payload


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
