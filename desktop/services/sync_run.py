"""One sync pass sending its planned revisions: the photo chunks the server lacks, then
the report envelopes whose chunks are all confirmed, in requests of about 2 MiB, each
request's receipts stored at once, and progress after each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from desktop.services.photo_chunks import mixed
from desktop.services.sync_client import SyncClientLike, kind_of
from desktop.services.sync_state import SyncErrorKind, SyncProgress
from desktop.store.database import Store
from desktop.store.outbox import OutboxRepository, PendingReport
from sync.client import SyncError
from sync.messages import UploadResult

UPLOAD_BATCH_BYTES = 2 * 1024 * 1024
"""Envelope bytes per upload request: receipts are stored after each, so a cut costs at
most this much again, and progress moves at least this often."""
CHUNK_RECEIPT_CONFIRMED = "stored"
"""The receipt text of a chunk the server listed as already stored (`missing` said so)."""


class SyncRun:
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
        self.error = kind_of(error)
        self.message = str(error)
        waiting = [p.report_id for p in self.plan]
        self.outbox.record_attempt(
            [r for r in waiting if self.outbox.sent_at(r) is None], error.reason, self.now
        )
