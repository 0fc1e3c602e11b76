"""Schema versions 10 to 15: search by tokens, the desk's marks, per-desk signing keys,
device approval, envelope chains, and what arrived (the ordered list is schema.py's)."""

from __future__ import annotations

from typing import Any

from desktop.store.migrations import statements
from desktop.store.search import FTS_OPTIONS, record_search_form, reindex_desk, reindex_reports


def v10_search_tokens(conn: Any) -> None:
    """Full-text search by tokens (`desktop.domain.search_text`): words, Chinese
    characters, Burmese syllables, folded. Both indexes are made anew with a tokenizer that
    cuts at spaces only and filled from the stored texts; gate names leave the
    correspondent's index (a query finds a crossing through the gazetteer)."""
    conn.execute("DROP TABLE reports_fts")
    conn.execute(
        f"CREATE VIRTUAL TABLE reports_fts USING fts5 (text, content = '',"
        f" contentless_delete = 1, {FTS_OPTIONS})"
    )
    conn.execute("DROP TABLE desk_reports_fts")
    conn.execute(
        f"CREATE VIRTUAL TABLE desk_reports_fts USING fts5 (report_id UNINDEXED, text,"
        f" {FTS_OPTIONS})"
    )
    reindex_reports(conn)
    reindex_desk(conn)
    conn.execute("DELETE FROM settings WHERE key = 'search.gazetteer_version'")
    record_search_form(conn)


_V11_STATEMENTS = statements(
    """
    -- Assignments and tags (review events that mark a report without moving it), from
    -- this desk or pulled, once by event id. They may name a report not held yet.
    CREATE TABLE desk_review_marks (
        event_id    TEXT PRIMARY KEY,
        report_id   TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('assign', 'tag', 'untag', 'link')),
        value       TEXT NOT NULL,
        value_label TEXT,
        note        TEXT,
        desk_id     TEXT NOT NULL,
        desk_label  TEXT,
        at          TEXT NOT NULL,
        envelope_id TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX desk_review_marks_by_report ON desk_review_marks (report_id, at);

    -- Who has each report now: the latest assignment by the convergence order (mark_key).
    CREATE TABLE desk_assignments (
        report_id      TEXT PRIMARY KEY,
        assignee_id    TEXT,
        assignee_label TEXT,
        mark_key       TEXT NOT NULL
    );
    CREATE INDEX desk_assignments_by_assignee ON desk_assignments (assignee_id);

    -- Each report's tags: the latest tag or untag of each (report, tag) decides.
    CREATE TABLE desk_report_tags (
        report_id TEXT NOT NULL,
        tag       TEXT NOT NULL,
        present   INTEGER NOT NULL CHECK (present IN (0, 1)),
        mark_key  TEXT NOT NULL,
        PRIMARY KEY (report_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX desk_report_tags_by_tag ON desk_report_tags (tag, report_id) WHERE present = 1;

    -- Duplicates merged by an editor: the report each one is linked to (its group's lead),
    -- by the latest link event. Nothing is deleted: a split sets lead_id to NULL.
    CREATE TABLE desk_report_links (
        report_id TEXT PRIMARY KEY,
        lead_id   TEXT,
        mark_key  TEXT NOT NULL
    );
    CREATE INDEX desk_report_links_by_lead ON desk_report_links (lead_id)
    """
)


def v11_desk_marks(conn: Any) -> None:
    """Assignments, tags and merged duplicates at the desk, shared as review events."""
    for statement in _V11_STATEMENTS:
        conn.execute(statement)


def v12_deskkeys(conn: Any) -> None:
    """Per-desk signing keys (`desktop.store.desk.keys`): this desk's own key and its
    endorsement, the endorsed keys seen from other desks, and refused review events kept
    for each report's history. An existing desk makes its key on first use."""
    for statement in statements(
        """
        CREATE TABLE desk_signing_key (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            private_key BLOB NOT NULL,
            endorsement TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        -- The first key seen endorsed for each desk id: another key for it is refused.
        CREATE TABLE desk_endorsements (
            desk_id    TEXT PRIMARY KEY,
            desk_key   BLOB NOT NULL,
            desk_label TEXT NOT NULL,
            seen_at    TEXT NOT NULL
        );
        -- What a refused review envelope claimed about a report, and why it was refused.
        CREATE TABLE desk_refused_events (
            envelope_id TEXT NOT NULL,
            report_id   TEXT NOT NULL,
            kind        TEXT,
            desk_label  TEXT,
            from_state  TEXT,
            to_state    TEXT,
            at          TEXT NOT NULL,
            message     TEXT NOT NULL
        );
        CREATE INDEX desk_refused_events_by_report ON desk_refused_events (report_id)
        """
    ):
        conn.execute(statement)


V13_STATEMENTS = (
    """CREATE TABLE desk_device_events (
        event_id    TEXT PRIMARY KEY,
        device_id   TEXT NOT NULL,
        kind        TEXT NOT NULL,
        label       TEXT NOT NULL,
        public_key  BLOB NOT NULL,
        enrolled_at TEXT NOT NULL,
        desk_id     TEXT NOT NULL,
        desk_label  TEXT NOT NULL,
        at          TEXT NOT NULL,
        envelope_id TEXT,
        recorded_at TEXT NOT NULL
    )""",
    "CREATE INDEX desk_device_events_by_device ON desk_device_events (device_id)",
    """CREATE TABLE desk_device_trust (
        device_id  TEXT PRIMARY KEY,
        state      TEXT NOT NULL,
        label      TEXT,
        public_key BLOB,
        revoked_at TEXT,
        origin     TEXT NOT NULL
    )""",
    "ALTER TABLE desk_devices ADD COLUMN offered_label TEXT",
    "UPDATE desk_devices SET offered_label = label",
    # Devices whose reports the desk already holds were trusted before approval existed.
    "INSERT INTO desk_device_trust (device_id, state, label, public_key, origin)"
    " SELECT DISTINCT r.device_id, 'approved', d.label, d.public_key, 'upgrade'"
    " FROM desk_reports AS r LEFT JOIN desk_devices AS d ON d.device_id = r.device_id",
)


def v13_approval_devices(conn: Any) -> None:
    """Editors decide which devices count as sources (`desktop.store.desk.device_trust`);
    devices the desk already holds reports from count as approved."""
    for statement in V13_STATEMENTS:
        conn.execute(statement)


_V14_CHAIN_STATEMENTS = statements(
    """
    -- This device's chain of sealed envelopes (docs/envelope.md, the chain block): the
    -- last link sealed, and restart = 'restored' when the next seal starts a new chain.
    CREATE TABLE device_chain (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        chain_id  TEXT NOT NULL,
        last_seq  INTEGER NOT NULL,
        last_hash BLOB NOT NULL,
        restart   TEXT CHECK (restart IN ('restored'))
    );
    -- Each sealed envelope's number, for the carried ranges later envelopes announce.
    CREATE TABLE device_chain_log (
        envelope_id TEXT PRIMARY KEY,
        chain_id    TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        UNIQUE (chain_id, seq)
    );
    -- At the desk: every chained envelope stored, by device, chain and number.
    CREATE TABLE desk_chain_links (
        device_id   TEXT NOT NULL,
        chain_id    TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        envelope_id TEXT NOT NULL,
        sha256      BLOB NOT NULL,
        previous    BLOB NOT NULL,
        sealed_at   INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (device_id, chain_id, seq)
    ) WITHOUT ROWID;
    -- How each chain began, once its first envelope is in.
    CREATE TABLE desk_chain_starts (
        device_id     TEXT NOT NULL,
        chain_id      TEXT NOT NULL,
        start         INTEGER NOT NULL,
        follows_chain TEXT,
        follows_seq   INTEGER NOT NULL,
        sealed_at     INTEGER NOT NULL,
        PRIMARY KEY (device_id, chain_id)
    ) WITHOUT ROWID;
    -- Ranges a device said it handed to a courier, and in which envelope it said so.
    CREATE TABLE desk_chain_carried (
        device_id  TEXT NOT NULL,
        chain_id   TEXT NOT NULL,
        first_seq  INTEGER NOT NULL,
        last_seq   INTEGER NOT NULL,
        carried_at INTEGER NOT NULL,
        told_in    INTEGER NOT NULL,
        PRIMARY KEY (device_id, chain_id, first_seq, last_seq)
    ) WITHOUT ROWID;
    -- What did not fit the chain: a late arrival, an envelope again, a number used twice,
    -- a link that does not follow the one before it.
    CREATE TABLE desk_chain_events (
        id          INTEGER PRIMARY KEY,
        device_id   TEXT NOT NULL,
        chain_id    TEXT,
        seq         INTEGER,
        envelope_id TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('late', 'again', 'conflict', 'broken')),
        at          TEXT NOT NULL
    );
    CREATE INDEX desk_chain_events_by_device ON desk_chain_events (device_id, kind)
    """
)


def v14_chain(conn: Any) -> None:
    """Envelope chains: the device's last link and numbers; at the desk, the links, how
    chains began, what was carried and what did not fit."""
    for statement in _V14_CHAIN_STATEMENTS:
        conn.execute(statement)


def v15_opened(conn: Any) -> None:
    """What arrived: on the device, when a desk said it opened a report's envelope
    (``outbox.opened_at``) and how far it has read the server's opened lists; at the desk,
    when it told the device's server which envelopes it stored."""
    conn.execute("ALTER TABLE outbox ADD COLUMN opened_at TEXT")
    conn.execute("ALTER TABLE device_messaging ADD COLUMN opened_cursor INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE desk_envelopes ADD COLUMN opened_told_at TEXT")
    conn.execute(
        "CREATE INDEX desk_envelopes_untold ON desk_envelopes (device_id)"
        " WHERE opened_told_at IS NULL AND kind = 'report' AND outcome = 'stored'"
    )
