"""This device's envelope chain in the store: the last link sealed and each envelope's
number (schema v14, ``device_chain`` and ``device_chain_log``).

The chain moves forward only together with the envelopes it numbered: `advance` runs in
the transaction that keeps them (the outbox, an answer), and only when nobody sealed in
between (the last number is still the one the envelopes were numbered after), so two
sealers never give one number twice. A restored backup marks the chain (`mark_restored`):
the copy cannot know what the lost one sealed after the backup, so its next envelope starts
a new chain that names the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.store.database import Connection, Store


@dataclass(frozen=True)
class DeviceChainState:
    """The last link sealed (``chain_id`` None before the first), and whether the next
    envelope starts a new chain because the store was restored."""

    chain_id: str | None
    last_seq: int
    last_hash: bytes
    restored: bool


@dataclass(frozen=True)
class ChainAdvance:
    """What sealing numbered: from the state it started at to the new last link."""

    before: DeviceChainState
    chain_id: str
    last_seq: int
    last_hash: bytes
    numbered: tuple[tuple[str, int], ...]  # (envelope id, number)


class DeviceChainRepository:
    """The chain of one open store (the correspondent's side)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def state(self) -> DeviceChainState:
        row = self._store.conn.execute(
            "SELECT chain_id, last_seq, last_hash, restart FROM device_chain WHERE id = 1"
        ).fetchone()
        if row is None:
            return DeviceChainState(None, 0, bytes(32), False)
        return DeviceChainState(str(row[0]), int(row[1]), bytes(row[2]), row[3] == "restored")

    def carried(self, chain_id: str) -> list[tuple[int, datetime]]:
        """``(number, carried at)`` of every envelope of ``chain_id`` that went on a bundle
        and has no receipt yet (a report and its photo chunks), in number order."""
        rows = self._store.conn.execute(
            "SELECT l.seq, o.carried_at FROM device_chain_log l"
            " JOIN outbox o ON o.envelope_id = l.envelope_id"
            " WHERE l.chain_id = ? AND o.carried_at IS NOT NULL AND o.receipt IS NULL"
            " UNION ALL"
            " SELECT l.seq, o.carried_at FROM device_chain_log l"
            " JOIN outbox_chunks c ON c.envelope_id = l.envelope_id"
            " JOIN outbox o ON o.report_id = c.report_id"
            " WHERE l.chain_id = ? AND o.carried_at IS NOT NULL AND c.receipt IS NULL"
            " ORDER BY 1",
            (chain_id, chain_id),
        ).fetchall()
        return [(int(seq), datetime.fromisoformat(at)) for seq, at in rows]


def advance(conn: Connection, step: ChainAdvance) -> bool:
    """Move the chain to ``step``'s last link and log its numbers, inside the caller's
    transaction; False (nothing written) when another sealer moved the chain meanwhile."""
    before = step.before
    if before.chain_id is None:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO device_chain (id, chain_id, last_seq, last_hash)"
            " VALUES (1, ?, ?, ?)",
            (step.chain_id, step.last_seq, step.last_hash),
        )
    else:
        cursor = conn.execute(
            "UPDATE device_chain SET chain_id = ?, last_seq = ?, last_hash = ?, restart = NULL"
            " WHERE id = 1 AND chain_id = ? AND last_seq = ?"
            " AND (restart IS NOT NULL) = ?",
            (
                step.chain_id,
                step.last_seq,
                step.last_hash,
                before.chain_id,
                before.last_seq,
                before.restored,
            ),
        )
    if cursor.rowcount != 1:
        return False
    conn.executemany(
        "INSERT INTO device_chain_log (envelope_id, chain_id, seq) VALUES (?, ?, ?)",
        [(envelope_id, step.chain_id, seq) for envelope_id, seq in step.numbered],
    )
    return True


def forget_gone(conn: Connection) -> None:
    """Keep numbers only for envelopes still waiting for their receipt: only those can be
    carried ranges, and a seized laptop should not list what it sealed before (answers'
    numbers go too: only reports and chunks are carried)."""
    conn.execute(
        "DELETE FROM device_chain_log WHERE envelope_id NOT IN"
        " (SELECT envelope_id FROM outbox WHERE receipt IS NULL AND envelope_id IS NOT NULL"
        " UNION ALL SELECT envelope_id FROM outbox_chunks WHERE receipt IS NULL)"
    )


def mark_restored(conn: Connection) -> None:
    """The store was brought back from a backup: its next envelope starts a new chain."""
    conn.execute("UPDATE device_chain SET restart = 'restored' WHERE id = 1")
