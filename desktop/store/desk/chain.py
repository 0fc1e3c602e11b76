"""Each device's envelope chains at the desk (schema v14): the links stored, how each chain
began, the ranges a device said went by hand, and what did not fit.

`record_links` runs inside the transaction that stores a page (a pull or a bundle), with
the envelopes that page stored for the first time, so a link is known exactly when its
envelope is. The rules (docs/desk.md, "Missing envelopes"):

- a number a stored link already holds, under another envelope: ``conflict`` (the first
  stays the link; the second envelope is kept, and named);
- a link whose previous hash is not the stored link before it (or the link after it does
  not name it): ``broken``;
- a number below the highest that arrived before it arrives: ``late`` — it fills its gap,
  no alarm. Arrivals count in the order the server handed them over, whether a pull
  stored their pages one by one or several in one transaction;
- an envelope id the desk already holds arrives again: ``again`` — kept once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.desk.chain_gaps import ChainView
from desktop.store.database import Connection, Store
from desktop.store.desk.records import ChainArrival


@dataclass(frozen=True)
class ChainEvent:
    device_id: str
    chain_id: str | None
    seq: int | None
    envelope_id: str
    kind: str  # late | again | conflict | broken
    at: str


def _fmt(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def record_links(conn: Connection, arrivals: Iterable[ChainArrival], now: datetime) -> None:
    """Add newly stored envelopes to their chains, noting what does not fit (module doc).

    A few statements per chain and page, not per envelope: the links stored around the
    page's numbers are read once and the page's links go in with one statement."""
    at = _fmt(now)
    chains: dict[tuple[str, str], list[ChainArrival]] = {}
    for arrival in arrivals:
        chains.setdefault((arrival.device_id, arrival.chain_id), []).append(arrival)
    for key, batch in chains.items():
        top = conn.execute(
            "SELECT max(seq) FROM desk_chain_links WHERE device_id = ? AND chain_id = ?", key
        ).fetchone()[0]
        numbers = [a.seq for a in batch]
        # seq -> (envelope id, sha256, previous): stored links near the page's, then the page's
        known = {
            int(r[0]): (str(r[1]), bytes(r[2]), bytes(r[3]))
            for r in conn.execute(
                "SELECT seq, envelope_id, sha256, previous FROM desk_chain_links"
                " WHERE device_id = ? AND chain_id = ? AND seq BETWEEN ? AND ?",
                (*key, min(numbers) - 1, max(numbers) + 1),
            )
        }
        fresh: list[ChainArrival] = []
        for a in batch:  # in arrival order: which ones were late depends on nothing else
            held = known.get(a.seq)
            if held is not None:
                if held[0] != a.envelope_id:
                    _event(conn, a, "conflict", at)
                continue
            if top is not None and a.seq < top:
                _event(conn, a, "late", at)
            top = a.seq if top is None else max(top, a.seq)
            known[a.seq] = (a.envelope_id, a.sha256, a.previous)
            fresh.append(a)
        stored_now = {a.seq for a in fresh}
        for a in fresh:
            # A pair that does not link is named once: on its later envelope, unless that
            # one was stored before.
            before, after = known.get(a.seq - 1), known.get(a.seq + 1)
            if (before is not None and before[1] != a.previous) or (
                after is not None and a.seq + 1 not in stored_now and after[2] != a.sha256
            ):
                _event(conn, a, "broken", at)
        conn.executemany(
            "INSERT INTO desk_chain_links (device_id, chain_id, seq, envelope_id, sha256,"
            " previous, sealed_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*key, a.seq, a.envelope_id, a.sha256, a.previous, a.sealed_at, at) for a in fresh],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO desk_chain_starts (device_id, chain_id, start,"
            " follows_chain, follows_seq, sealed_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (*key, a.start, a.follows_chain, a.follows_seq, a.sealed_at)
                for a in fresh
                if a.seq == 1
            ],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO desk_chain_carried (device_id, chain_id, first_seq,"
            " last_seq, carried_at, told_in) VALUES (?, ?, ?, ?, ?, ?)",
            [(*key, f, last, m, a.seq) for a in fresh for f, last, m in a.carried],
        )


def record_again(conn: Connection, pairs: Sequence[tuple[str, str]], now: datetime) -> None:
    """Note ``(device id, envelope id)`` pairs that arrived again and were kept once."""
    if not pairs:
        return
    at = _fmt(now)
    conn.executemany(
        "INSERT INTO desk_chain_events (device_id, envelope_id, kind, at)"
        " VALUES (?, ?, 'again', ?)",
        [(device_id, envelope_id, at) for device_id, envelope_id in pairs],
    )


def _event(conn: Connection, a: ChainArrival, kind: str, at: str) -> None:
    conn.execute(
        "INSERT INTO desk_chain_events (device_id, chain_id, seq, envelope_id, kind, at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (a.device_id, a.chain_id, a.seq, a.envelope_id, kind, at),
    )


class DeskChainRepository:
    """Reading the chains of one open desk store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record_again(self, pairs: Sequence[tuple[str, str]], now: datetime) -> None:
        """`record_again` in a transaction of its own (envelopes a pull did not open)."""
        if pairs:
            with self._store.transaction() as conn:
                record_again(conn, pairs, now)

    def views(self) -> list[ChainView]:
        """Every device's chains: numbers held with their seal times, starts, carried
        ranges; in device then chain order."""
        conn = self._store.conn
        links: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for device_id, chain_id, seq, sealed_at in conn.execute(
            "SELECT device_id, chain_id, seq, sealed_at FROM desk_chain_links"
            " ORDER BY device_id, chain_id, seq"
        ):
            links.setdefault((device_id, chain_id), []).append((int(seq), int(sealed_at)))
        starts = {
            (r[0], r[1]): (int(r[2]), r[3], int(r[4]), int(r[5]))
            for r in conn.execute(
                "SELECT device_id, chain_id, start, follows_chain, follows_seq, sealed_at"
                " FROM desk_chain_starts"
            )
        }
        carried: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
        for device_id, chain_id, first, last, moment in conn.execute(
            "SELECT device_id, chain_id, first_seq, last_seq, carried_at FROM desk_chain_carried"
            " ORDER BY told_in"
        ):
            carried.setdefault((device_id, chain_id), []).append((first, last, moment))
        return [
            ChainView(
                device_id=key[0],
                chain_id=key[1],
                links=tuple(held),
                start=starts.get(key),
                carried=tuple(carried.get(key, ())),
            )
            for key, held in links.items()
        ]

    def events(
        self, kinds: Sequence[str] = ("late", "again", "conflict", "broken")
    ) -> list[ChainEvent]:
        marks = ", ".join("?" for _ in kinds)
        rows = self._store.conn.execute(
            "SELECT device_id, chain_id, seq, envelope_id, kind, at FROM desk_chain_events"
            f" WHERE kind IN ({marks}) ORDER BY id",
            tuple(kinds),
        ).fetchall()
        return [ChainEvent(*r) for r in rows]
