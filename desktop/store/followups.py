"""Follow-up questions on the device, as SQL: the questions received and their answers
(``followup_questions``), messages refused (``followup_refused``) and the device's
messaging keys and cursor (``device_messaging``).

Reads go through `FollowupRepository`; writes that are one step of a larger transaction
(the services' `store.transaction()`) are functions taking its connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.domain.followups import Question, Revision
from desktop.domain.report import format_utc
from desktop.store.database import Connection, Store

_COLUMNS = (
    "question_id, report_id, text, desk_label, asked_at, received_at, answered_at,"
    " answer_text, correction_id, answer_sent_at"
)


@dataclass(frozen=True)
class MessagingRow:
    """This device's messaging key pair (as stored), and where its reading stands."""

    kem: str
    private_key: bytes
    registered: bool
    desk_key: bytes | None
    cursor: int


@dataclass(frozen=True)
class NewQuestion:
    """A question opened from a message, to be stored once."""

    question_id: str
    message_id: str
    report_id: str
    text: str
    desk_label: str | None
    asked_at: datetime


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def _question(row: Sequence[Any]) -> Question:
    return Question(
        question_id=row[0],
        report_id=row[1],
        text=row[2],
        desk_label=row[3],
        asked_at=datetime.fromisoformat(row[4]).astimezone(UTC),
        received_at=datetime.fromisoformat(row[5]).astimezone(UTC),
        answered_at=_time(row[6]),
        answer_text=row[7],
        correction_id=row[8],
        answer_sent_at=_time(row[9]),
    )


class FollowupRepository:
    """What the device reads of its follow-up tables."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def questions(self, report_id: str | None = None) -> list[Question]:
        """Questions received, oldest asked first; only those about ``report_id`` (or any
        revision of its lineage) when given."""
        if report_id is None:
            rows = self._store.execute(
                f"SELECT {_COLUMNS} FROM followup_questions ORDER BY asked_at, question_id"
            ).fetchall()
        else:
            rows = self._store.execute(
                f"SELECT {_COLUMNS} FROM followup_questions WHERE report_id IN"
                " (SELECT id FROM reports WHERE lineage_id ="
                " (SELECT lineage_id FROM reports WHERE id = ?)) OR report_id = ?"
                " ORDER BY asked_at, question_id",
                (report_id, report_id),
            ).fetchall()
        return [_question(row) for row in rows]

    def question(self, question_id: str) -> Question | None:
        row = self._store.execute(
            f"SELECT {_COLUMNS} FROM followup_questions WHERE question_id = ?", (question_id,)
        ).fetchone()
        return None if row is None else _question(row)

    def unanswered_count(self) -> int:
        row = self._store.execute(
            "SELECT count(*) FROM followup_questions WHERE answered_at IS NULL"
        ).fetchone()
        return int(row[0])

    def pending_answers(self) -> int:
        """Answers sealed and waiting for the server's receipt."""
        row = self._store.execute(
            "SELECT count(*) FROM followup_questions"
            " WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL"
        ).fetchone()
        return int(row[0])

    def waiting_answers(self) -> list[tuple[str, bytes]]:
        """(envelope id, sealed bytes) of the answers waiting for a receipt, oldest first."""
        rows = self._store.execute(
            "SELECT answer_envelope_id, answer_envelope FROM followup_questions"
            " WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL ORDER BY answered_at"
        ).fetchall()
        return [(str(r[0]), bytes(r[1])) for r in rows]

    def revisions(self, *report_ids: str) -> dict[str, Revision]:
        """What the correction rule reads of these revisions, by id (absent ones left out)."""
        marks = ", ".join("?" for _ in report_ids)
        return {
            str(r[0]): Revision(str(r[1]), int(r[2]), str(r[3]))
            for r in self._store.execute(
                f"SELECT id, lineage_id, revision, state FROM reports WHERE id IN ({marks})",
                report_ids,
            ).fetchall()
        }

    def latest_correction(self, report_id: str) -> str | None:
        """The newest queued or sent revision of the lineage past ``report_id``."""
        row = self._store.execute(
            "SELECT r.id FROM reports AS r JOIN reports AS asked ON asked.id = ?"
            " WHERE r.lineage_id = asked.lineage_id AND r.revision > asked.revision"
            " AND r.state IN ('queued', 'sent') ORDER BY r.revision DESC LIMIT 1",
            (report_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    # -- the messaging keys ---------------------------------------------------------------

    def encryption_public(self) -> str | None:
        row = self._store.execute(
            "SELECT encryption_public FROM device_messaging WHERE id = 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def messaging(self) -> MessagingRow | None:
        row = self._store.execute(
            "SELECT kem, encryption_private, registered_at, desk_signing_key, message_cursor"
            " FROM device_messaging WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return MessagingRow(
            kem=str(row[0]),
            private_key=bytes(row[1]),
            registered=row[2] is not None,
            desk_key=None if row[3] is None else bytes(row[3]),
            cursor=int(row[4]),
        )


# -- writes, inside the caller's transaction -------------------------------------------------


def encryption_public(conn: Connection) -> str | None:
    row = conn.execute("SELECT encryption_public FROM device_messaging WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def add_messaging(
    conn: Connection, kem: str, private_key: bytes, public_text: str, now: datetime
) -> None:
    conn.execute(
        "INSERT INTO device_messaging (id, kem, encryption_private, encryption_public,"
        " created_at) VALUES (1, ?, ?, ?, ?)",
        (kem, private_key, public_text, format_utc(now)),
    )


def pin_desk_key(conn: Connection, public_key: bytes, now: datetime) -> None:
    """Pin the desks' signing key unless one is pinned already (the first one stays)."""
    conn.execute(
        "UPDATE device_messaging SET desk_signing_key = ?, desk_key_pinned_at = ?"
        " WHERE id = 1 AND desk_signing_key IS NULL",
        (public_key, format_utc(now)),
    )


def mark_registered(conn: Connection, now: datetime) -> None:
    conn.execute("UPDATE device_messaging SET registered_at = ? WHERE id = 1", (format_utc(now),))


def mark_answer_sent(conn: Connection, envelope_id: str, receipt: str, now: datetime) -> int:
    """Keep the server's receipt for an answer (the first one); 1 when newly kept."""
    cursor = conn.execute(
        "UPDATE followup_questions SET answer_receipt = ?, answer_sent_at = ?"
        " WHERE answer_envelope_id = ? AND answer_receipt IS NULL",
        (receipt, format_utc(now), envelope_id),
    )
    return int(cursor.rowcount)


def add_question(conn: Connection, question: NewQuestion, now: datetime) -> int:
    """Store a question once (by its id); 1 when it is new."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO followup_questions (question_id, message_id,"
        " report_id, text, desk_label, asked_at, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            question.question_id,
            question.message_id,
            question.report_id,
            question.text,
            question.desk_label,
            format_utc(question.asked_at),
            format_utc(now),
        ),
    )
    return int(cursor.rowcount)


def add_refused(conn: Connection, message_id: str, seq: int, reason: str, now: datetime) -> int:
    """Record a message that could not be opened or checked, once; 1 when new."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO followup_refused (message_id, seq, reason, at) VALUES (?, ?, ?, ?)",
        (message_id, seq, reason, format_utc(now)),
    )
    return int(cursor.rowcount)


def advance_cursor(conn: Connection, cursor: int) -> None:
    conn.execute(
        "UPDATE device_messaging SET message_cursor = max(message_cursor, ?) WHERE id = 1",
        (cursor,),
    )


def record_answer(
    conn: Connection,
    question_id: str,
    *,
    text: str,
    correction_id: str | None,
    envelope_id: str,
    envelope: bytes,
    now: datetime,
) -> bool:
    """Keep a sealed answer on a question not answered yet; False when it was answered."""
    cursor = conn.execute(
        "UPDATE followup_questions SET answered_at = ?, answer_text = ?,"
        " correction_id = ?, answer_envelope_id = ?, answer_envelope = ?"
        " WHERE question_id = ? AND answered_at IS NULL",
        (format_utc(now), text, correction_id, envelope_id, envelope, question_id),
    )
    return cursor.rowcount == 1
