"""What arrived, as SQL: at the desk, the stored report envelopes not yet told to their
device; on the device, which outbox envelopes a desk said it opened."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.domain.report import format_utc
from desktop.store.database import Store


class OpenedRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- desk ---------------------------------------------------------------------------

    def untold(self, limit: int) -> dict[str, list[str]]:
        """Report envelopes stored here whose device has not been told, by device."""
        rows = self._store.execute(
            "SELECT device_id, envelope_id FROM desk_envelopes WHERE opened_told_at IS NULL"
            " AND kind = 'report' AND outcome = 'stored' ORDER BY device_id, seq LIMIT ?",
            (limit,),
        ).fetchall()
        out: dict[str, list[str]] = {}
        for device_id, envelope_id in rows:
            out.setdefault(str(device_id), []).append(str(envelope_id))
        return out

    def mark_told(self, envelope_ids: Sequence[str], now: datetime) -> None:
        with self._store.transaction() as conn:
            conn.executemany(
                "UPDATE desk_envelopes SET opened_told_at = ? WHERE envelope_id = ?",
                [(format_utc(now), e) for e in envelope_ids],
            )

    # -- device -------------------------------------------------------------------------

    def cursor(self) -> int:
        row = self._store.execute(
            "SELECT opened_cursor FROM device_messaging WHERE id = 1"
        ).fetchone()
        return 0 if row is None else int(row[0])

    def mark_opened(self, envelope_ids: Sequence[str], cursor: int, now: datetime) -> int:
        """Mark these outbox reports opened (first time counts) and keep the cursor, in one
        transaction; the number of reports newly marked."""
        marked = 0
        with self._store.transaction() as conn:
            for envelope_id in envelope_ids:
                marked += conn.execute(
                    "UPDATE outbox SET opened_at = ? WHERE envelope_id = ? AND opened_at IS NULL",
                    (format_utc(now), envelope_id),
                ).rowcount
            conn.execute(
                "UPDATE device_messaging SET opened_cursor = ? WHERE id = 1 AND opened_cursor < ?",
                (cursor, cursor),
            )
        return marked
