"""Hand-carried delivery in the store: what a bundle takes, carried marks and receipts by
hand on a device; imported bundles, the relay queue and device keys at the desk.

Schema v9 (``outbox.carried_at``, ``desk_bundles``, ``desk_relay_queue``). A carried
revision stays waiting — sent again by the network, carried again — until a receipt
arrives by any path; a receipt by hand is stored exactly like the server's (one
transaction with the move to "sent"), so retention counts from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.report import format_utc
from desktop.store.database import Store


@dataclass(frozen=True)
class Unreceipted:
    """Every sealed envelope still without a receipt: report envelopes (with their report
    ids), photo chunks, answers."""

    reports: tuple[tuple[str, str, bytes], ...]  # (report_id, envelope_id, envelope)
    chunks: tuple[tuple[str, bytes], ...]
    answers: tuple[tuple[str, bytes], ...]

    @property
    def envelopes(self) -> list[bytes]:
        """Chunks first, then reports and answers (the desk takes them in any order)."""
        return (
            [e for _, e in self.chunks]
            + [e for _, _, e in self.reports]
            + [e for _, e in self.answers]
        )


@dataclass(frozen=True)
class AppliedReceipts:
    """What a receipt file changed: revisions now sent, chunks and answers receipted."""

    reports: int
    chunks: int
    answers: int


class HandcarryRepository:
    """The hand-carry tables of one open store (a device's or a desk's)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- the device ------------------------------------------------------------------------

    def unreceipted(self) -> Unreceipted:
        conn = self._store.conn
        reports = tuple(
            (r[0], r[1], bytes(r[2]))
            for r in conn.execute(
                "SELECT report_id, envelope_id, envelope FROM outbox WHERE receipt IS NULL"
                " AND envelope IS NOT NULL ORDER BY queued_at, report_id"
            ).fetchall()
        )
        chunks = tuple(
            (r[0], bytes(r[1]))
            for r in conn.execute(
                "SELECT c.envelope_id, c.envelope FROM outbox_chunks AS c JOIN outbox AS o"
                " ON o.report_id = c.report_id WHERE o.receipt IS NULL AND c.receipt IS NULL"
                " AND c.envelope IS NOT NULL ORDER BY o.queued_at, c.position, c.chunk"
            ).fetchall()
        )
        answers = tuple(
            (r[0], bytes(r[1]))
            for r in conn.execute(
                "SELECT answer_envelope_id, answer_envelope FROM followup_questions"
                " WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL"
                " ORDER BY answered_at"
            ).fetchall()
        )
        return Unreceipted(reports, chunks, answers)

    def mark_carried(self, report_ids: Sequence[str], now: datetime) -> None:
        """Note that these waiting revisions left on a bundle now (the latest one counts)."""
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE outbox SET carried_at = ? WHERE report_id = ? AND receipt IS NULL",
                [(format_utc(now), r) for r in report_ids],
            )

    def carried_at(self, report_id: str) -> datetime | None:
        """When this revision last left on a bundle, while it waits for its receipt."""
        row = self._store.conn.execute(
            "SELECT carried_at FROM outbox WHERE report_id = ? AND receipt IS NULL",
            (report_id,),
        ).fetchone()
        return None if row is None or row[0] is None else datetime.fromisoformat(row[0])

    def waiting(self) -> list[tuple[str, datetime, datetime | None]]:
        """``(report_id, queued_at, carried_at or None)`` of every revision waiting for its
        receipt, oldest queued first."""
        rows = self._store.conn.execute(
            "SELECT report_id, queued_at, carried_at FROM outbox WHERE receipt IS NULL"
            " ORDER BY queued_at, report_id"
        ).fetchall()
        return [
            (
                r[0],
                datetime.fromisoformat(r[1]),
                None if r[2] is None else datetime.fromisoformat(r[2]),
            )
            for r in rows
        ]

    def carried_count(self) -> int:
        row = self._store.conn.execute(
            "SELECT count(*) FROM outbox WHERE receipt IS NULL AND carried_at IS NOT NULL"
        ).fetchone()
        return int(row[0])

    def apply_receipts(
        self, envelope_ids: Sequence[str], receipt: str, now: datetime
    ) -> AppliedReceipts:
        """Store ``receipt`` (the receipt text) on every waiting envelope named, in one
        transaction; a report envelope's receipt moves its revision to "sent".
        Envelopes that have a receipt keep theirs."""
        moment = format_utc(now)
        reports = chunks = answers = 0
        with self._store.transaction() as conn:
            for envelope_id in envelope_ids:
                row = conn.execute(
                    "UPDATE outbox SET receipt = ?, sent_at = ?, last_error = NULL"
                    " WHERE envelope_id = ? AND receipt IS NULL RETURNING report_id",
                    (receipt, moment, envelope_id),
                ).fetchone()
                if row is not None:
                    conn.execute(
                        "UPDATE reports SET state = 'sent' WHERE id = ? AND state = 'queued'",
                        (row[0],),
                    )
                    reports += 1
                    continue
                chunks += conn.execute(
                    "UPDATE outbox_chunks SET receipt = ? WHERE envelope_id = ?"
                    " AND receipt IS NULL",
                    (receipt, envelope_id),
                ).rowcount
                answers += conn.execute(
                    "UPDATE followup_questions SET answer_receipt = ?, answer_sent_at = ?"
                    " WHERE answer_envelope_id = ? AND answer_receipt IS NULL",
                    (receipt, moment, envelope_id),
                ).rowcount
        return AppliedReceipts(reports, chunks, answers)

    def messaging_keys(self) -> tuple[str, bytes, bytes | None] | None:
        """``(kem, encryption private key, pinned desk signing key)``, or None before the
        device made its encryption key."""
        row = self._store.conn.execute(
            "SELECT kem, encryption_private, desk_signing_key FROM device_messaging WHERE id = 1"
        ).fetchone()
        return None if row is None else (row[0], bytes(row[1]), _blob(row[2]))

    def add_questions(self, rows: Sequence[tuple[str, ...]]) -> list[str]:
        """Store questions ``(question_id, message_id, report_id, text, desk_label,
        asked_at, received_at)`` as the message queue does; a known one is kept. Return
        the ids of those added."""
        added = []
        with self._store.transaction() as conn:
            for values in rows:
                if conn.execute(
                    "INSERT OR IGNORE INTO followup_questions (question_id, message_id,"
                    " report_id, text, desk_label, asked_at, received_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    values,
                ).rowcount:
                    added.append(values[0])
        return added

    # -- the desk --------------------------------------------------------------------------

    def question(self, question_id: str) -> tuple[str, str, str, str | None, str, str]:
        """``(report_id, device_id, text, desk_label, asked_at, message_id)``."""
        row = self._store.conn.execute(
            "SELECT report_id, device_id, text, desk_label, asked_at, message_id"
            " FROM desk_followups WHERE question_id = ?",
            (question_id,),
        ).fetchone()
        return (row[0], row[1], row[2], row[3], row[4], row[5])

    def keep_sealed_question(self, question_id: str, envelope: bytes) -> bytes:
        """Keep a question's sealed bytes unless it has some (they may have been sent);
        return the bytes kept."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET envelope = ? WHERE question_id = ? AND envelope IS NULL",
                (envelope, question_id),
            )
            row = conn.execute(
                "SELECT envelope FROM desk_followups WHERE question_id = ?", (question_id,)
            ).fetchone()
        return bytes(row[0])

    def bundle_imported_at(self, bundle_id: str) -> datetime | None:
        row = self._store.conn.execute(
            "SELECT imported_at FROM desk_bundles WHERE bundle_id = ?", (bundle_id,)
        ).fetchone()
        return None if row is None else datetime.fromisoformat(row[0])

    def record_bundle(
        self, bundle_id: str, created_at: datetime, envelopes: int, new: int, now: datetime
    ) -> None:
        """Log an import (the first one of a bundle id is kept)."""
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO desk_bundles (bundle_id, created_at, imported_at,"
                " envelopes, new) VALUES (?, ?, ?, ?, ?)",
                (bundle_id, format_utc(created_at), format_utc(now), envelopes, new),
            )

    def queue_relay(self, items: Sequence[tuple[str, str, bytes]], now: datetime) -> None:
        """Keep ``(envelope_id, device_id, envelope)`` to hand to the server; an envelope
        queued before (or relayed already) is not queued again."""
        with self._store.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO desk_relay_queue (envelope_id, device_id, envelope,"
                " queued_at) VALUES (?, ?, ?, ?)",
                [(i, d, e, format_utc(now)) for i, d, e in items],
            )

    def relay_waiting(self, limit: int = 500) -> list[tuple[str, bytes]]:
        rows = self._store.conn.execute(
            "SELECT envelope_id, envelope FROM desk_relay_queue WHERE relayed_at IS NULL"
            " ORDER BY queued_at, envelope_id LIMIT ?",
            (limit,),
        ).fetchall()
        return [(r[0], bytes(r[1])) for r in rows]

    def relay_count(self) -> int:
        row = self._store.conn.execute(
            "SELECT count(*) FROM desk_relay_queue WHERE relayed_at IS NULL"
        ).fetchone()
        return int(row[0])

    def relay_done(
        self, relayed: Sequence[str], failed: Sequence[tuple[str, str]], now: datetime
    ) -> None:
        """The server took ``relayed`` (their bytes are dropped here) or refused ``failed``
        (``(envelope_id, reason)``: kept out of later relays, with the reason)."""
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE desk_relay_queue SET relayed_at = ?, envelope = NULL, last_error = NULL"
                " WHERE envelope_id = ?",
                [(format_utc(now), i) for i in relayed],
            )
            conn.executemany(
                "UPDATE desk_relay_queue SET relayed_at = ?, envelope = NULL, last_error = ?"
                " WHERE envelope_id = ?",
                [(format_utc(now), reason[:200], i) for i, reason in failed],
            )

    def held_envelope_ids(self, device_id: str) -> list[str]:
        """Every envelope from ``device_id`` the desk verified and stored."""
        rows = self._store.conn.execute(
            "SELECT envelope_id FROM desk_envelopes WHERE device_id = ? AND outcome = 'stored'"
            " ORDER BY envelope_id",
            (device_id,),
        ).fetchall()
        return [r[0] for r in rows]

    def encryption_key(self, device_id: str) -> str | None:
        row = self._store.conn.execute(
            "SELECT encryption_key FROM desk_device_encryption_keys WHERE device_id = ?",
            (device_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def save_encryption_keys(self, keys: Sequence[tuple[str, str]], now: datetime) -> None:
        """Remember verified ``(device_id, key text)`` pairs (the latest verified wins)."""
        with self._store.transaction() as conn:
            conn.executemany(
                "INSERT INTO desk_device_encryption_keys (device_id, encryption_key, fetched_at)"
                " VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
                " encryption_key = excluded.encryption_key, fetched_at = excluded.fetched_at",
                [(d, k, format_utc(now)) for d, k in keys],
            )

    def waiting_questions(self, device_id: str) -> list[tuple[str, str, bytes | None]]:
        """``(question_id, message_id, sealed envelope or None)`` of unanswered questions
        to ``device_id``, oldest first."""
        rows = self._store.conn.execute(
            "SELECT question_id, message_id, envelope FROM desk_followups WHERE device_id = ?"
            " AND answered_at IS NULL ORDER BY asked_at",
            (device_id,),
        ).fetchall()
        return [(r[0], r[1], None if r[2] is None else bytes(r[2])) for r in rows]


def _blob(value: object) -> bytes | None:
    return None if value is None else bytes(value)  # type: ignore[call-overload]
