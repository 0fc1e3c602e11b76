"""What a laptop holds readable before a checkpoint, and forgetting what is already sealed.

A queued revision whose envelope is sealed (outbox.envelope, and every photo chunk in
outbox_chunks) no longer needs its readable copy to be sent: the sealed bytes go as they
are, and only the newsroom's key opens them. `forget_sealed_content` drops that copy —
body, summary, search-index entry, photos — and keeps the revision's stub (id, lineage,
revision, gate, observed time) and its sealed envelopes, so it is sent as before and then
moves to "sent" like any other. Drafts are never touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.store.database import Store


@dataclass(frozen=True)
class Readable:
    """Counts of revisions whose content is readable on this device, by what becomes of
    them: ``drafts`` stay; ``sealed`` (queued, sealed) become unreadable and still go;
    ``unsealed`` (queued before enrolment) stay readable, there is nothing to send them
    as yet; ``sent`` (the newsroom has them) lose their content."""

    drafts: int
    sealed: int
    unsealed: int
    sent: int


def readable_counts(store: Store) -> Readable:
    """Count the revisions that still hold readable content, by state (see Readable)."""
    conn = store.conn
    drafts, sent = conn.execute(
        "SELECT coalesce(sum(state = 'draft'), 0), coalesce(sum(state = 'sent'), 0) FROM reports"
    ).fetchone()
    sealed, unsealed = conn.execute(
        "SELECT coalesce(sum(o.envelope IS NOT NULL), 0), coalesce(sum(o.envelope IS NULL), 0)"
        " FROM reports AS r JOIN outbox AS o ON o.report_id = r.id"
        " WHERE r.state = 'queued' AND o.receipt IS NULL"
        "   AND json_extract(r.body, '$.sealed_only') IS NOT 1"
    ).fetchone()
    return Readable(int(drafts), int(sealed), int(unsealed), int(sent))


def forget_sealed_content(store: Store) -> int:
    """Drop the readable copy of every queued revision that is sealed; return how many.

    One transaction. Each keeps a stub body ``{"gate", "observed_at", "sealed_only": 1}``
    and an empty summary; its search-index row and photos are deleted (secure_delete
    zeroes the freed pages); the outbox row and its chunk envelopes stay untouched. Then
    the search index is rewritten without the deleted entries, and the write-ahead log is
    emptied, so no older page image keeps the text.
    """
    with store.transaction() as conn:
        rows = conn.execute(
            "SELECT r.seq, r.id, r.gate, r.observed_at FROM reports AS r"
            " JOIN outbox AS o ON o.report_id = r.id"
            " WHERE r.state = 'queued' AND o.receipt IS NULL AND o.envelope IS NOT NULL"
            "   AND json_extract(r.body, '$.sealed_only') IS NOT 1"
        ).fetchall()
        for seq, report_id, gate, observed_at in rows:
            stub = {"gate": gate, "observed_at": observed_at, "sealed_only": 1}
            conn.execute(
                "UPDATE reports SET summary = '', body = ? WHERE seq = ?",
                (json.dumps(stub, separators=(",", ":")), seq),
            )
            conn.execute("DELETE FROM reports_fts WHERE rowid = ?", (seq,))
            conn.execute("DELETE FROM attachments WHERE report_id = ?", (report_id,))
    scrub_leftovers(store)
    return len(rows)


def scrub_leftovers(store: Store) -> None:
    """Rewrite the search index without deleted entries (a contentless index keeps a
    deleted row's terms until its segments merge) and empty the write-ahead log."""
    store.execute("INSERT INTO reports_fts (reports_fts) VALUES ('optimize')")
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
