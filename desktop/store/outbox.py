"""The outbox: queued report revisions waiting for the newsroom server's receipt.

Reports enter it atomically with their move to "queued" (reports.py). The sync service
(desktop/services/sync.py) then seals each one — the report envelope and its photos'
attachment_chunk envelopes — and stores the sealed bytes here (`store_sealed`), so the very
same bytes are sent on every attempt (the server's receipts are idempotent by envelope id
and SHA-256). A receipt is stored atomically with the report's move to "sent"
(`record_receipt`). A row stays after its receipt (its envelope until the retention purge
in reports.py) so the report's sent time is known.

Every write here is one transaction: a crash leaves a row either sealed whole (report and
all its chunks) or not at all, and a receipt either stored with the state change or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.report import format_utc
from desktop.store.chain import ChainAdvance, advance
from desktop.store.database import Connection, Store

MAX_ERROR_CHARS = 200


class _NotStored(Exception):
    """The revision was sealed or receipted meanwhile: keep nothing."""


@dataclass(frozen=True)
class SealedChunk:
    """One attachment_chunk envelope: chunk `chunk` (0-based) of photo `position`."""

    envelope_id: str
    position: int
    chunk: int
    envelope: bytes


@dataclass(frozen=True)
class SealedReport:
    """A queued revision as it leaves the device: its report envelope and photo chunks."""

    report_id: str
    envelope_id: str
    envelope: bytes
    chunks: tuple[SealedChunk, ...] = ()


@dataclass(frozen=True)
class PendingReport:
    """A sealed revision still waiting for its receipt, with the chunks still unconfirmed."""

    report_id: str
    envelope_id: str
    envelope: bytes
    chunks: tuple[SealedChunk, ...]
    attempts: int

    @property
    def size(self) -> int:
        """Bytes still to send at most: the report envelope and the unconfirmed chunks."""
        return len(self.envelope) + sum(len(c.envelope) for c in self.chunks)


@dataclass(frozen=True)
class OutboxStatus:
    """Counts for a status bar: revisions waiting (of which not sealed yet), and the last
    error recorded on a waiting revision (a short code such as "wrong_recipient")."""

    waiting: int
    unsealed: int
    last_error: str | None


class OutboxRepository:
    """The outbox of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- reading -------------------------------------------------------------------------

    def pending_ids(self, limit: int = 1000) -> list[str]:
        """Ids of revisions still waiting for a receipt, oldest queued first."""
        cursor = self._store.conn.execute(
            "SELECT report_id FROM outbox WHERE receipt IS NULL"
            " ORDER BY queued_at, report_id LIMIT ?",
            (limit,),
        )
        return [row[0] for row in cursor.fetchall()]

    def pending_count(self) -> int:
        """How many revisions wait for a receipt."""
        row = self._store.conn.execute(
            "SELECT count(*) FROM outbox WHERE receipt IS NULL"
        ).fetchone()
        return int(row[0])

    def unsealed_ids(self, limit: int = 1000) -> list[str]:
        """Waiting revisions that have no envelope yet (queued before enrolment, or a
        crash between queueing and sealing), oldest queued first."""
        cursor = self._store.conn.execute(
            "SELECT report_id FROM outbox WHERE receipt IS NULL AND envelope IS NULL"
            " ORDER BY queued_at, report_id LIMIT ?",
            (limit,),
        )
        return [row[0] for row in cursor.fetchall()]

    def status(self) -> OutboxStatus:
        """Waiting and unsealed counts and the most recent error among waiting revisions."""
        conn = self._store.conn
        waiting, unsealed = conn.execute(
            "SELECT count(*), coalesce(sum(envelope IS NULL), 0) FROM outbox WHERE receipt IS NULL"
        ).fetchone()
        row = conn.execute(
            "SELECT last_error FROM outbox WHERE receipt IS NULL AND last_error IS NOT NULL"
            " ORDER BY last_attempt_at DESC LIMIT 1"
        ).fetchone()
        return OutboxStatus(int(waiting), int(unsealed), None if row is None else row[0])

    def pending(
        self, *, max_reports: int = 100, max_bytes: int = 16 * 1024 * 1024
    ) -> list[PendingReport]:
        """Sealed revisions waiting for a receipt, oldest queued first, with their chunks
        that have no receipt yet (in photo and chunk order).

        Stops at `max_reports`, or before the revision that would pass `max_bytes` — but
        always returns the first one, however large, so no revision is stuck.
        """
        conn = self._store.conn
        rows = conn.execute(
            "SELECT report_id, envelope_id, envelope, attempts FROM outbox"
            " WHERE receipt IS NULL AND envelope IS NOT NULL"
            " ORDER BY queued_at, report_id LIMIT ?",
            (max_reports,),
        ).fetchall()
        found: list[PendingReport] = []
        total = 0
        for report_id, envelope_id, envelope, attempts in rows:
            chunks = tuple(
                SealedChunk(c[0], c[1], c[2], bytes(c[3]))
                for c in conn.execute(
                    "SELECT envelope_id, position, chunk, envelope FROM outbox_chunks"
                    " WHERE report_id = ? AND receipt IS NULL AND envelope IS NOT NULL"
                    " ORDER BY position, chunk",
                    (report_id,),
                ).fetchall()
            )
            pending = PendingReport(report_id, envelope_id, bytes(envelope), chunks, attempts)
            if found and total + pending.size > max_bytes:
                break
            found.append(pending)
            total += pending.size
        return found

    def sent_at(self, report_id: str) -> datetime | None:
        """When the receipt of `report_id` was stored, or None."""
        row = self._store.conn.execute(
            "SELECT sent_at FROM outbox WHERE report_id = ?", (report_id,)
        ).fetchone()
        return None if row is None or row[0] is None else datetime.fromisoformat(row[0])

    # -- writing -------------------------------------------------------------------------

    def store_sealed(
        self, sealed: SealedReport, now: datetime, chain: ChainAdvance | None = None
    ) -> bool:
        """Keep the sealed envelopes of a waiting revision, and move the device's chain to
        ``chain`` with them; return True if stored.

        Returns False, changing nothing, when the revision is not in the outbox, already
        has its receipt, or was sealed meanwhile (its first sealed bytes are kept: they may
        have been sent already), or when the chain moved since the envelopes were numbered
        (`desktop.store.chain.advance`): the revision is then still unsealed
        (`is_unsealed`) and the caller seals it again.
        """
        try:
            with self._store.transaction() as conn:
                if chain is not None and not advance(conn, chain):
                    return False
                self._keep_sealed(conn, sealed, now)
        except _NotStored:
            return False
        return True

    def is_unsealed(self, report_id: str) -> bool:
        """True when ``report_id`` waits in the outbox without an envelope."""
        row = self._store.conn.execute(
            "SELECT 1 FROM outbox WHERE report_id = ? AND receipt IS NULL AND envelope IS NULL",
            (report_id,),
        ).fetchone()
        return row is not None

    def _keep_sealed(self, conn: Connection, sealed: SealedReport, now: datetime) -> None:
        cursor = conn.execute(
            "UPDATE outbox SET envelope = ?, envelope_id = ?, sealed_at = ?"
            " WHERE report_id = ? AND receipt IS NULL AND envelope IS NULL",
            (sealed.envelope, sealed.envelope_id, format_utc(now), sealed.report_id),
        )
        if cursor.rowcount != 1:
            raise _NotStored  # rolls back the chain's move with it
        conn.executemany(
            "INSERT INTO outbox_chunks (envelope_id, report_id, position, chunk, envelope)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (c.envelope_id, sealed.report_id, c.position, c.chunk, c.envelope)
                for c in sealed.chunks
            ],
        )

    def record_chunk_receipts(self, receipts: Sequence[tuple[str, str]]) -> None:
        """Store `(envelope_id, receipt)` pairs for chunks; a chunk that has one keeps it."""
        if not receipts:
            return
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE outbox_chunks SET receipt = ? WHERE envelope_id = ? AND receipt IS NULL",
                [(receipt, envelope_id) for envelope_id, receipt in receipts],
            )

    def chunks_confirmed(self, report_id: str) -> bool:
        """True when every chunk of `report_id` has its receipt."""
        row = self._store.conn.execute(
            "SELECT count(*) FROM outbox_chunks WHERE report_id = ? AND receipt IS NULL",
            (report_id,),
        ).fetchone()
        return int(row[0]) == 0

    def record_receipt(self, report_id: str, receipt: str, now: datetime) -> bool:
        """Store the report envelope's receipt and mark the revision sent, in one
        transaction; return True if this call stored it.

        Idempotent: a receipt arriving again (a late reply, a resend) changes nothing and
        returns False.
        """
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET receipt = ?, sent_at = ?, last_error = NULL"
                " WHERE report_id = ? AND receipt IS NULL",
                (receipt, format_utc(now), report_id),
            )
            if cursor.rowcount != 1:
                return False
            conn.execute(
                "UPDATE reports SET state = 'sent' WHERE id = ? AND state = 'queued'",
                (report_id,),
            )
        return True

    def record_attempt(self, report_ids: Sequence[str], error: str | None, now: datetime) -> None:
        """Count one more attempt for these waiting revisions, with its error code (or
        None when the attempt did not fail for them)."""
        if not report_ids:
            return
        code = None if error is None else error[:MAX_ERROR_CHARS]
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?"
                " WHERE report_id = ? AND receipt IS NULL",
                [(code, format_utc(now), report_id) for report_id in report_ids],
            )
