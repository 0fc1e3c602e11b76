"""The outbox: queued report revisions waiting for the newsroom server's receipt.

Reports enter it atomically with their move to "queued" (reports.py). The sync issue adds
sealing, attempts and receipts; what exists now is what listing and counting need.
"""

from __future__ import annotations

from desktop.store.database import Store


class OutboxRepository:
    """Read access to the outbox of one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store

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
