"""Schema versions 1 to 3, the correspondent's first store: reports, their full-text index,
the outbox, photos and settings; then one row per revision, and list indexes that need no
sort (the ordered list is schema.py's)."""

from __future__ import annotations

from typing import Any

from desktop.store.migrations import statements

_V1_STATEMENTS = statements(
    """
        -- One row per revision. A draft may hold an incomplete body, every other state
        -- holds a body that passed validation when it left the draft state.
        -- seq is the rowid the full-text index points at (an INTEGER PRIMARY KEY is kept
        -- by VACUUM, a plain rowid is not).
        CREATE TABLE reports (
            seq         INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            lineage_id  TEXT NOT NULL,
            revision    INTEGER NOT NULL CHECK (revision >= 1),
            replaces    TEXT REFERENCES reports(id),
            state       TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'sent', 'purged')),
            gate        TEXT,
            observed_at TEXT,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            superseded  INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
            summary     TEXT NOT NULL DEFAULT '',
            body        TEXT NOT NULL
        );
        CREATE INDEX reports_by_observed ON reports (superseded, observed_at DESC, seq);
        CREATE INDEX reports_by_state ON reports (state, superseded, observed_at DESC);
        CREATE INDEX reports_by_gate ON reports (gate, superseded, observed_at DESC);
        CREATE INDEX reports_by_replaces ON reports (replaces);
        CREATE INDEX reports_by_lineage ON reports (lineage_id, revision);

        -- Full-text index over every free-text field. Contentless: the text lives once,
        -- in reports.body. Trigram tokens find Burmese, which has no spaces between words.
        CREATE VIRTUAL TABLE reports_fts USING fts5 (
            text,
            content = '',
            contentless_delete = 1,
            tokenize = 'trigram remove_diacritics 1'
        );

        -- Filled by the sync: a queued report waits here for its receipt.
        CREATE TABLE outbox (
            report_id   TEXT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            queued_at   TEXT NOT NULL,
            envelope    BLOB,
            attempts    INTEGER NOT NULL DEFAULT 0,
            last_error  TEXT,
            receipt     TEXT
        );

        CREATE TABLE attachments (
            id          TEXT PRIMARY KEY,
            report_id   TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL CHECK (position >= 1),
            media_type  TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
            data        BLOB NOT NULL,
            sha256      TEXT NOT NULL,
            width       INTEGER,
            height      INTEGER,
            created_at  TEXT NOT NULL,
            UNIQUE (report_id, position)
        );

        -- Sensitive settings live here, never in QSettings.
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
)


def v1_initial(conn: Any) -> None:
    for statement in _V1_STATEMENTS:
        conn.execute(statement)


def v2_unique_revisions(conn: Any) -> None:
    """One row per (lineage_id, revision): a revision is corrected at most once.

    Version 1 let two corrections of one revision be stored; each such later duplicate (in
    the order stored) is kept, with the next free revision number of its lineage. Its
    `replaces` and everything else stay as they were: no row is changed otherwise, none
    is removed.
    """
    duplicates = conn.execute(
        "SELECT seq, lineage_id FROM reports AS r WHERE EXISTS (SELECT 1 FROM reports AS o"
        " WHERE o.lineage_id = r.lineage_id AND o.revision = r.revision AND o.seq < r.seq)"
        " ORDER BY seq"
    ).fetchall()
    for seq, lineage_id in duplicates:
        conn.execute(
            "UPDATE reports SET revision ="
            " (SELECT max(revision) + 1 FROM reports WHERE lineage_id = ?) WHERE seq = ?",
            (lineage_id, seq),
        )
    conn.execute("DROP INDEX reports_by_lineage")
    conn.execute("CREATE UNIQUE INDEX reports_by_lineage ON reports (lineage_id, revision)")


def v3_covering_list_indexes(conn: Any) -> None:
    """Lists read ids in display order straight from an index, with no sort and no row
    lookups: with 100,000 reports the unlock-to-list time depends on it."""
    for old in ("reports_by_observed", "reports_by_state", "reports_by_gate"):
        conn.execute(f"DROP INDEX {old}")
    conn.execute(
        "CREATE INDEX reports_list ON reports (superseded, observed_at DESC, seq DESC, id)"
    )
    conn.execute(
        "CREATE INDEX reports_list_by_state"
        " ON reports (state, superseded, observed_at DESC, seq DESC, id)"
    )
    conn.execute(
        "CREATE INDEX reports_list_by_gate"
        " ON reports (gate, superseded, observed_at DESC, seq DESC, id)"
    )
