"""Follow-up questions at the desk, as SQL: the questions asked here and their answers
(``desk_followups``), and which pulled ``message`` envelopes were read
(``desk_followup_seen``).

Reads and single-step writes go through `DeskFollowupRepository`; what is one step of a
larger transaction (reading an answer) is a function taking its connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.followups import DeskQuestion
from desktop.domain.report import format_utc
from desktop.store.database import Connection, Store

_COLUMNS = (
    "question_id, report_id, device_id, text, desk_label, asked_at, sent_at, last_error,"
    " answer_text, answered_at, correction_id"
)


@dataclass(frozen=True)
class WaitingQuestion:
    """A question not yet taken by the server, with its sealed bytes once sealed."""

    question_id: str
    report_id: str
    device_id: str
    text: str
    desk_label: str | None
    asked_at: datetime
    message_id: str
    envelope: bytes | None


@dataclass(frozen=True)
class PulledMessage:
    """A pulled, verified ``message`` envelope not read yet."""

    envelope_id: str
    device_id: str
    payload: bytes


@dataclass(frozen=True)
class AskedOf:
    """What reading an answer needs of the question it names."""

    device_id: str
    answered: bool
    report_id: str


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def _row(row: Sequence[Any]) -> DeskQuestion:
    return DeskQuestion(
        question_id=row[0],
        report_id=row[1],
        device_id=row[2],
        text=row[3],
        desk_label=row[4],
        asked_at=datetime.fromisoformat(row[5]).astimezone(UTC),
        sent_at=_time(row[6]),
        last_error=row[7],
        answer_text=row[8],
        answered_at=_time(row[9]),
        correction_id=row[10],
    )


class DeskFollowupRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def questions(self, report_id: str | None = None) -> list[DeskQuestion]:
        """Questions asked at this desk (about ``report_id`` when given), oldest first."""
        where, params = ("WHERE report_id = ?", (report_id,)) if report_id else ("", ())
        rows = self._store.execute(
            f"SELECT {_COLUMNS} FROM desk_followups {where} ORDER BY asked_at, question_id",
            params,
        ).fetchall()
        return [_row(r) for r in rows]

    def question(self, question_id: str) -> DeskQuestion | None:
        row = self._store.execute(
            f"SELECT {_COLUMNS} FROM desk_followups WHERE question_id = ?", (question_id,)
        ).fetchone()
        return None if row is None else _row(row)

    def report_device(self, report_id: str) -> str | None:
        """The device that sent a report this desk holds (None: no such report)."""
        row = self._store.execute(
            "SELECT device_id FROM desk_reports WHERE id = ?", (report_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def desk_label(self) -> str | None:
        row = self._store.execute("SELECT label FROM desk_identity WHERE id = 1").fetchone()
        return None if row is None else str(row[0])

    def add(
        self,
        *,
        question_id: str,
        report_id: str,
        device_id: str,
        text: str,
        desk_label: str | None,
        asked_at: datetime,
        message_id: str,
    ) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "INSERT INTO desk_followups (question_id, report_id, device_id, text,"
                " desk_label, asked_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    question_id,
                    report_id,
                    device_id,
                    text,
                    desk_label,
                    format_utc(asked_at),
                    message_id,
                ),
            )

    def waiting(self) -> list[WaitingQuestion]:
        """Questions the server has not taken, oldest asked first."""
        rows = self._store.execute(
            "SELECT question_id, report_id, device_id, text, desk_label, asked_at, message_id,"
            " envelope FROM desk_followups WHERE sent_at IS NULL ORDER BY asked_at"
        ).fetchall()
        return [
            WaitingQuestion(
                question_id=str(r[0]),
                report_id=str(r[1]),
                device_id=str(r[2]),
                text=str(r[3]),
                desk_label=r[4],
                asked_at=datetime.fromisoformat(r[5]),
                message_id=str(r[6]),
                envelope=None if r[7] is None else bytes(r[7]),
            )
            for r in rows
        ]

    def waiting_count(self) -> int:
        row = self._store.execute(
            "SELECT count(*) FROM desk_followups WHERE sent_at IS NULL"
        ).fetchone()
        return int(row[0])

    def keep_envelope(self, question_id: str, envelope: bytes) -> bytes:
        """Keep a question's sealed bytes (the first sealing stays); the bytes kept."""
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET envelope = ? WHERE question_id = ? AND envelope IS NULL",
                (envelope, question_id),
            )
        row = self._store.execute(
            "SELECT envelope FROM desk_followups WHERE question_id = ?", (question_id,)
        ).fetchone()
        return bytes(row[0])

    def note(self, question_id: str, reason: str) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET last_error = ? WHERE question_id = ?",
                (reason, question_id),
            )

    def mark_sent(self, question_id: str, now: datetime) -> None:
        with self._store.transaction() as conn:
            conn.execute(
                "UPDATE desk_followups SET sent_at = ?, last_error = NULL WHERE question_id = ?",
                (format_utc(now), question_id),
            )

    def unread_messages(self, kind: str) -> list[PulledMessage]:
        """Pulled, verified envelopes of ``kind`` not read yet, in pull order."""
        rows = self._store.execute(
            "SELECT envelope_id, device_id, payload FROM desk_envelopes"
            " WHERE kind = ? AND outcome = 'stored' AND payload IS NOT NULL"
            " AND envelope_id NOT IN (SELECT envelope_id FROM desk_followup_seen)"
            " ORDER BY seq",
            (kind,),
        ).fetchall()
        return [PulledMessage(str(r[0]), str(r[1]), bytes(r[2])) for r in rows]


# -- reading one answer, inside the caller's transaction -------------------------------------


def asked_of(conn: Connection, question_id: str) -> AskedOf | None:
    row = conn.execute(
        "SELECT device_id, answered_at, report_id FROM desk_followups WHERE question_id = ?",
        (question_id,),
    ).fetchone()
    return None if row is None else AskedOf(str(row[0]), row[1] is not None, str(row[2]))


def record_answer(
    conn: Connection,
    question_id: str,
    *,
    text: str,
    answered_at: datetime,
    correction_id: str | None,
    envelope_id: str,
    received_at: str,
) -> None:
    conn.execute(
        "UPDATE desk_followups SET answer_text = ?, answered_at = ?,"
        " correction_id = ?, answer_envelope_id = ?, answer_received_at = ?"
        " WHERE question_id = ?",
        (text, format_utc(answered_at), correction_id, envelope_id, received_at, question_id),
    )


def refuse_envelope(conn: Connection, envelope_id: str, reason: str, message: str) -> None:
    """Count a pulled envelope with the desk's refusals, where editors see them."""
    conn.execute(
        "UPDATE desk_envelopes SET outcome = 'refused', reason = ?, message = ?"
        " WHERE envelope_id = ?",
        (reason, message, envelope_id),
    )


def mark_seen(
    conn: Connection, envelope_id: str, outcome: str, reason: str | None, at: str
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO desk_followup_seen (envelope_id, outcome, reason, at)"
        " VALUES (?, ?, ?, ?)",
        (envelope_id, outcome, reason, at),
    )
