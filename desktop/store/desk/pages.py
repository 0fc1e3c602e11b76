"""Pulled pages at the desk: envelopes recorded once each by envelope id
(``desk_envelopes``), stored or refused with the reason, so pulling a page again changes
nothing; a page and the cursor move in one transaction (`store_page`): after a crash the
desk asks again from the last stored cursor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.report import format_utc
from desktop.store.database import Store
from desktop.store.desk.chain import record_again, record_links
from desktop.store.desk.received import assemble, insert_reports
from desktop.store.desk.records import ChainArrival, EnvelopeRecord, ReceivedReport
from desktop.store.desk.review_events import apply_held_events


@dataclass(frozen=True)
class PageResult:
    """What `store_page` did: reports newly stored, envelopes refused, photos made whole."""

    reports: int
    refused: int
    duplicates: int
    photos_completed: int


class PulledPages:
    """Envelopes and pages (a part of `DeskRepository`)."""

    _store: Store

    # -- envelopes -------------------------------------------------------------------------

    def known_envelopes(self, envelope_ids: Sequence[str]) -> set[str]:
        """Which of these envelope ids the desk already recorded (stored or refused)."""
        known: set[str] = set()
        for start in range(0, len(envelope_ids), 500):
            chunk = list(envelope_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._store.conn.execute(
                f"SELECT envelope_id FROM desk_envelopes WHERE envelope_id IN ({marks})", chunk
            ).fetchall()
            known.update(r[0] for r in rows)
        return known

    def store_page(
        self,
        envelopes: Sequence[EnvelopeRecord],
        reports: Sequence[ReceivedReport],
        next_cursor: int | None,
        now: datetime,
    ) -> PageResult:
        """Store one pulled page and move the cursor to `next_cursor`, in one transaction.

        `envelopes` are the page's chunks, messages and refusals; `reports` its verified
        reports. An envelope id already recorded is skipped (a repeated page); a report
        whose id the desk already holds under another envelope is recorded as refused
        ("duplicate_report"). Then every photo whose chunks have all arrived is
        reassembled and checked (`photos_completed`). The cursor never moves back; with
        ``next_cursor`` None (envelopes that came by hand) it and the pull time stay.
        """
        new_reports = refused = duplicates = 0
        stored: list[ReceivedReport] = []
        links: list[tuple[int, ChainArrival]] = []  # with the server's number
        again: list[tuple[str, str]] = []
        with self._store.transaction() as conn:
            for record in envelopes:
                if _insert_envelope(conn, record, now):
                    refused += record.outcome == "refused"
                    if record.chain is not None:  # refused after its signature: arrived
                        links.append((record.seq, record.chain))
                else:
                    duplicates += 1
                    again.append((record.device_id, record.envelope_id))
            # One look-up per page, then the rows in a few statements: a pull's page is
            # hundreds of reports.
            held_envelopes = _present(
                conn, "desk_envelopes", "envelope_id", [r.envelope.envelope_id for r in reports]
            )
            held_reports = _present(
                conn, "desk_reports", "id", [r.finished_row().id for r in reports]
            )
            envelope_rows: list[EnvelopeRecord] = []
            for received in reports:
                report_id = received.finished_row().id
                if received.envelope.envelope_id in held_envelopes:
                    duplicates += 1
                    again.append((received.envelope.device_id, received.envelope.envelope_id))
                    continue
                held_envelopes.add(received.envelope.envelope_id)
                if received.envelope.chain is not None:
                    links.append((received.envelope.seq, received.envelope.chain))
                if report_id in held_reports:
                    envelope_rows.append(
                        received.envelope.refused(
                            "duplicate_report",
                            "another envelope already delivered this report revision",
                        )
                    )
                    refused += 1
                    continue
                held_reports.add(report_id)
                envelope_rows.append(received.envelope)
                stored.append(received)
                new_reports += 1
            _insert_envelopes(conn, envelope_rows, now)
            insert_reports(conn, stored)
            # In the server's order, not reports after the rest: a chain's late arrivals
            # are judged by it.
            links.sort(key=lambda link: link[0])
            record_links(conn, [chain for _, chain in links], now)
            record_again(conn, again, now)
            completed = assemble(conn)
            if stored:
                apply_held_events(conn, [r.finished_row().id for r in stored])
            if next_cursor is not None:
                conn.execute(
                    "UPDATE desk_server SET cursor = max(cursor, ?), last_pull_at = ? WHERE id = 1",
                    (next_cursor, format_utc(now)),
                )
        return PageResult(new_reports, refused, duplicates, completed)

    def refusals(self) -> list[EnvelopeRecord]:
        """Envelopes the desk refused, in server order, with reason and message."""
        rows = self._store.conn.execute(
            "SELECT envelope_id, seq, device_id, kind, size, received_at, outcome, reason,"
            " message FROM desk_envelopes WHERE outcome = 'refused' ORDER BY seq"
        ).fetchall()
        return [EnvelopeRecord(*r) for r in rows]

    def envelope_count(self) -> int:
        return int(self._store.conn.execute("SELECT count(*) FROM desk_envelopes").fetchone()[0])


# -- helpers -------------------------------------------------------------------------------


_INSERT_ENVELOPE = (
    "INSERT INTO desk_envelopes (envelope_id, seq, device_id, kind, size, received_at,"
    " pulled_at, outcome, reason, message, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (envelope_id) DO NOTHING"
)


def _envelope_params(record: EnvelopeRecord, pulled_at: str) -> tuple[Any, ...]:
    return (
        record.envelope_id,
        record.seq,
        record.device_id,
        record.kind,
        record.size,
        record.received_at,
        pulled_at,
        record.outcome,
        record.reason,
        record.message,
        record.payload,
    )


def _insert_envelope(conn: Any, record: EnvelopeRecord, now: datetime) -> bool:
    cursor = conn.execute(_INSERT_ENVELOPE, _envelope_params(record, format_utc(now)))
    return int(cursor.rowcount) == 1


def _insert_envelopes(conn: Any, records: Sequence[EnvelopeRecord], now: datetime) -> None:
    pulled_at = format_utc(now)
    conn.executemany(_INSERT_ENVELOPE, [_envelope_params(r, pulled_at) for r in records])


def _present(conn: Any, table: str, column: str, values: Sequence[Any]) -> set[Any]:
    """Which of ``values`` the table's (indexed) ``column`` holds."""
    found: set[Any] = set()
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk
            ).fetchall()
        )
    return found
