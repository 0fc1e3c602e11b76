"""The store's schema, as an ordered list of migrations.

Migration N (1-based) takes a database at ``user_version`` N-1 to N. Migrations are
append-only: once released, a migration is never edited, only followed by a new one.
Each runs inside the transaction that also bumps ``user_version`` (see migrations.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from desktop.domain.report import body_free_texts
from desktop.store.search import FTS_OPTIONS, record_search_form, reindex_desk, reindex_reports

Migration = Callable[[Any], None]


def _statements(script: str) -> list[str]:
    # Statement by statement: executescript() would commit behind the migrator's back,
    # so no semicolon may appear inside the SQL below, comments included.
    return [statement.strip() for statement in script.split(";") if statement.strip()]


_V1_STATEMENTS = _statements(
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


def _v1_initial(conn: Any) -> None:
    for statement in _V1_STATEMENTS:
        conn.execute(statement)


def _v2_unique_revisions(conn: Any) -> None:
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


def _v3_covering_list_indexes(conn: Any) -> None:
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


_V4_STATEMENTS = _statements(
    """
        -- The outbox gains what the sync needs: the sealed report envelope's id, when it
        -- was sealed, when its receipt came (retention counts from there) and the last try.
        ALTER TABLE outbox ADD COLUMN envelope_id TEXT;
        ALTER TABLE outbox ADD COLUMN sealed_at TEXT;
        ALTER TABLE outbox ADD COLUMN sent_at TEXT;
        ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
        CREATE UNIQUE INDEX outbox_by_envelope ON outbox (envelope_id);
        CREATE INDEX outbox_waiting ON outbox (queued_at, report_id) WHERE receipt IS NULL;
        CREATE INDEX outbox_by_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;

        -- A queued report's photos, sealed as attachment_chunk envelopes with the report.
        -- envelope is NULL once purged, receipt is the server's (or "stored" when the
        -- server said so by not listing it as missing).
        CREATE TABLE outbox_chunks (
            envelope_id TEXT PRIMARY KEY,
            report_id   TEXT NOT NULL REFERENCES outbox(report_id) ON DELETE CASCADE,
            position    INTEGER NOT NULL CHECK (position >= 1),
            chunk       INTEGER NOT NULL CHECK (chunk >= 0),
            envelope    BLOB,
            receipt     TEXT,
            UNIQUE (report_id, position, chunk)
        );

        -- This device's enrolment with the newsroom server: at most one row. The signing
        -- key and the token are secrets and live only here, inside the encrypted store.
        CREATE TABLE device_identity (
            id                   INTEGER PRIMARY KEY CHECK (id = 1),
            device_id            TEXT NOT NULL,
            signing_key          BLOB NOT NULL,
            server_url           TEXT NOT NULL,
            token                TEXT NOT NULL,
            newsroom_key         TEXT NOT NULL,
            newsroom_fingerprint TEXT NOT NULL,
            tls_fingerprint      TEXT,
            proxy                TEXT,
            label                TEXT,
            enrolled_at          TEXT NOT NULL
        );

        -- The editor desk. Its newsroom key pairs (the private key never leaves the store).
        CREATE TABLE desk_keys (
            fingerprint TEXT PRIMARY KEY,
            kem         TEXT NOT NULL,
            private_key BLOB NOT NULL,
            public_key  TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );

        -- The server the desk pulls from, and the pull cursor (the last stored seq).
        CREATE TABLE desk_server (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            server_url      TEXT NOT NULL,
            token           TEXT NOT NULL,
            tls_fingerprint TEXT,
            proxy           TEXT,
            cursor          INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
            connected_at    TEXT NOT NULL,
            last_pull_at    TEXT
        );

        -- Devices as the server lists them: their signing keys open the envelopes.
        CREATE TABLE desk_devices (
            device_id   TEXT PRIMARY KEY,
            label       TEXT,
            public_key  BLOB,
            enrolled    INTEGER NOT NULL CHECK (enrolled IN (0, 1)),
            revoked     INTEGER NOT NULL CHECK (revoked IN (0, 1)),
            enrolled_at TEXT,
            updated_at  TEXT NOT NULL
        );

        -- Every pulled envelope, once, by id: stored (opened and verified) or refused with
        -- the reason. payload holds an attachment chunk until its photo is whole, or a
        -- review or message (an answer) until it is applied. Reports go to desk_reports.
        CREATE TABLE desk_envelopes (
            envelope_id TEXT PRIMARY KEY,
            seq         INTEGER NOT NULL,
            device_id   TEXT NOT NULL,
            kind        TEXT NOT NULL,
            size        INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            pulled_at   TEXT NOT NULL,
            outcome     TEXT NOT NULL CHECK (outcome IN ('stored', 'refused')),
            reason      TEXT,
            message     TEXT,
            payload     BLOB
        );
        CREATE INDEX desk_envelopes_by_seq ON desk_envelopes (seq);

        -- Reports as the desk received them: the record the device signed, verified.
        CREATE TABLE desk_reports (
            id          TEXT PRIMARY KEY,
            envelope_id TEXT NOT NULL UNIQUE REFERENCES desk_envelopes(envelope_id),
            device_id   TEXT NOT NULL,
            lineage_id  TEXT NOT NULL,
            revision    INTEGER NOT NULL,
            gate        TEXT,
            observed_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            record      TEXT NOT NULL
        );
        CREATE INDEX desk_reports_list ON desk_reports (observed_at DESC, id);

        -- Their photos: data is NULL until every chunk has arrived and checked out.
        CREATE TABLE desk_attachments (
            report_id  TEXT NOT NULL REFERENCES desk_reports(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 1),
            media_type TEXT NOT NULL,
            size       INTEGER NOT NULL,
            sha256     TEXT NOT NULL,
            width      INTEGER,
            height     INTEGER,
            chunks     TEXT NOT NULL,
            data       BLOB,
            problem    TEXT,
            PRIMARY KEY (report_id, position)
        )
        """
)


def _v4_sync(conn: Any) -> None:
    """Sealed sync: outbox columns and chunks, the device identity, the desk."""
    for statement in _V4_STATEMENTS:
        conn.execute(statement)


_V5_STATEMENTS = _statements(
    """
        -- The editor desk's review. A report's current state is the to_state of
        -- its latest move by (at, desk_id, event_id): every desk applies the same rule to
        -- the same events, so all converge. state_key is that triple, to compare in SQL.
        ALTER TABLE desk_reports ADD COLUMN state TEXT NOT NULL DEFAULT 'new'
            CHECK (state IN ('new', 'needs_follow_up', 'verified', 'rejected', 'published'));
        ALTER TABLE desk_reports ADD COLUMN state_key TEXT;

        -- Filter columns read from the signed record, computed by SQLite when asked.
        ALTER TABLE desk_reports ADD COLUMN source_category TEXT
            GENERATED ALWAYS AS (json_extract(record, '$.source.category')) VIRTUAL;
        ALTER TABLE desk_reports ADD COLUMN reliability TEXT
            GENERATED ALWAYS AS (json_extract(record, '$.source.reliability')) VIRTUAL;
        CREATE INDEX desk_reports_by_gate ON desk_reports (gate, observed_at DESC);
        CREATE INDEX desk_reports_by_state ON desk_reports (state, observed_at DESC);
        CREATE INDEX desk_reports_by_device ON desk_reports (device_id, observed_at DESC);

        -- Full-text search at the desk: the reports' free texts, trigram like the device's.
        CREATE VIRTUAL TABLE desk_reports_fts USING fts5 (
            report_id UNINDEXED,
            text,
            tokenize = 'trigram remove_diacritics 1'
        );

        -- This desk: its id (in every event it writes) and the label editors know it by.
        CREATE TABLE desk_identity (
            id       INTEGER PRIMARY KEY CHECK (id = 1),
            desk_id  TEXT NOT NULL,
            label    TEXT NOT NULL
        );

        -- Every review event, from this desk or pulled from others, once by event id.
        -- A move has to_state, a note has note only. Events may name a report not held
        -- (yet, or refused here): they wait and apply when it arrives.
        CREATE TABLE desk_review_events (
            event_id    TEXT PRIMARY KEY,
            report_id   TEXT NOT NULL,
            kind        TEXT NOT NULL CHECK (kind IN ('move', 'note')),
            from_state  TEXT,
            to_state    TEXT,
            note        TEXT,
            desk_id     TEXT NOT NULL,
            desk_label  TEXT,
            at          TEXT NOT NULL,
            envelope_id TEXT,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX desk_review_events_by_report ON desk_review_events (report_id, at);

        -- Sealed review envelopes waiting to go to the server (sent_at set on receipt).
        CREATE TABLE desk_review_outbox (
            envelope_id TEXT PRIMARY KEY,
            body        BLOB NOT NULL,
            created_at  TEXT NOT NULL,
            sent_at     TEXT
        );

        -- Exports made at this desk, and which reports each included (the audit trail).
        CREATE TABLE desk_exports (
            export_id  TEXT PRIMARY KEY,
            format     TEXT NOT NULL,
            filters    TEXT NOT NULL,
            pseudonyms INTEGER NOT NULL CHECK (pseudonyms IN (0, 1)),
            reports    INTEGER NOT NULL,
            at         TEXT NOT NULL,
            desk_label TEXT
        );
        CREATE TABLE desk_export_items (
            export_id TEXT NOT NULL REFERENCES desk_exports(export_id) ON DELETE CASCADE,
            report_id TEXT NOT NULL,
            PRIMARY KEY (report_id, export_id)
        ) WITHOUT ROWID
        """
)


def _v5_desk_review(conn: Any) -> None:
    """Editor desk: review states and events, desk search, exports audit."""
    for statement in _V5_STATEMENTS:
        conn.execute(statement)
    rows = conn.execute("SELECT id, record FROM desk_reports").fetchall()
    for report_id, record in rows:
        conn.execute(
            "INSERT INTO desk_reports_fts (report_id, text) VALUES (?, ?)",
            (report_id, _v5_desk_search_text(json.loads(record))),
        )


_V6_STATEMENTS = _statements(
    """
        -- Follow-up questions, the correspondent's side. This device's own HPKE
        -- key pair that desks seal questions to (private half only here), whether the server
        -- has the public half, the desk signing key pinned on first use, and the cursor of
        -- the server's message queue for this device. At most one row.
        CREATE TABLE device_messaging (
            id                    INTEGER PRIMARY KEY CHECK (id = 1),
            kem                   TEXT NOT NULL,
            encryption_private    BLOB NOT NULL,
            encryption_public     TEXT NOT NULL,
            created_at            TEXT NOT NULL,
            registered_at         TEXT,
            desk_signing_key      BLOB,
            desk_key_pinned_at    TEXT,
            message_cursor        INTEGER NOT NULL DEFAULT 0 CHECK (message_cursor >= 0)
        );

        -- Questions opened on this device, once by question id, and the one answer to each.
        -- The answer waits sealed (kind message, to the newsroom key) in answer_envelope
        -- until answer_receipt holds the server's receipt. correction_id names the revision
        -- saved as the correction, when the answer is one.
        CREATE TABLE followup_questions (
            question_id        TEXT PRIMARY KEY,
            message_id         TEXT NOT NULL UNIQUE,
            report_id          TEXT NOT NULL,
            text               TEXT NOT NULL,
            desk_label         TEXT,
            asked_at           TEXT NOT NULL,
            received_at        TEXT NOT NULL,
            answered_at        TEXT,
            answer_text        TEXT,
            correction_id      TEXT,
            answer_envelope_id TEXT UNIQUE,
            answer_envelope    BLOB,
            answer_receipt     TEXT,
            answer_sent_at     TEXT
        );
        CREATE INDEX followup_questions_by_report ON followup_questions (report_id, asked_at);
        CREATE INDEX followup_answers_waiting ON followup_questions (answered_at)
            WHERE answer_envelope IS NOT NULL AND answer_receipt IS NULL;

        -- Messages from the server this device could not open or refused (a wrong desk
        -- key, an altered body): kept by id with the reason, never retried.
        CREATE TABLE followup_refused (
            message_id TEXT PRIMARY KEY,
            seq        INTEGER NOT NULL,
            reason     TEXT NOT NULL,
            at         TEXT NOT NULL
        );

        -- The desk's side. Each question asked here, in plaintext (only the device can open
        -- the sealed copy), the sealed message once the device's key was known, when the
        -- server took it, and the answer when it came back.
        CREATE TABLE desk_followups (
            question_id        TEXT PRIMARY KEY,
            report_id          TEXT NOT NULL,
            device_id          TEXT NOT NULL,
            text               TEXT NOT NULL,
            desk_label         TEXT,
            asked_at           TEXT NOT NULL,
            message_id         TEXT NOT NULL UNIQUE,
            envelope           BLOB,
            sent_at            TEXT,
            last_error         TEXT,
            answer_text        TEXT,
            answered_at        TEXT,
            correction_id      TEXT,
            answer_envelope_id TEXT,
            answer_received_at TEXT
        );
        CREATE INDEX desk_followups_by_report ON desk_followups (report_id, asked_at);
        CREATE INDEX desk_followups_unsent ON desk_followups (asked_at) WHERE sent_at IS NULL;

        -- Devices' encryption keys as the server lists them (text form of the public key).
        CREATE TABLE desk_device_encryption_keys (
            device_id      TEXT PRIMARY KEY,
            encryption_key TEXT NOT NULL,
            fetched_at     TEXT NOT NULL
        );

        -- Pulled message envelopes already read for answers, with what came of each.
        CREATE TABLE desk_followup_seen (
            envelope_id TEXT PRIMARY KEY,
            outcome     TEXT NOT NULL CHECK (outcome IN ('answer', 'ignored', 'refused')),
            reason      TEXT,
            at          TEXT NOT NULL
        )
        """
)


def _v6_followups(conn: Any) -> None:
    """Follow-up questions: device messaging keys, questions, answers, desk side."""
    for statement in _V6_STATEMENTS:
        conn.execute(statement)


def _v7_desk_pull_speed(conn: Any) -> None:
    """A faster desk pull (bench/desk_bench.py).

    Each page looks for envelopes still holding a payload (reviews and answers to read,
    chunks to assemble): a partial index keeps that from scanning every envelope ever
    pulled. And v5's generated filter columns parsed each record's JSON twice on every
    insert: they become plain columns, filled from the record when it is stored.
    """
    conn.execute(
        "CREATE INDEX desk_envelopes_holding ON desk_envelopes (kind, seq)"
        " WHERE payload IS NOT NULL"
    )
    for column in ("source_category", "reliability"):
        conn.execute(f"ALTER TABLE desk_reports DROP COLUMN {column}")
        conn.execute(f"ALTER TABLE desk_reports ADD COLUMN {column} TEXT")
    conn.execute(
        "UPDATE desk_reports SET source_category = json_extract(record, '$.source.category'),"
        " reliability = json_extract(record, '$.source.reliability')"
    )


_V8_STATEMENTS = _statements(
    """
        CREATE INDEX desk_reports_by_lineage ON desk_reports (lineage_id, revision);

        -- What each report says about a crossing's board aspects (china_side, myanmar_side,
        -- civilian_passage, traffic.KIND), "unknown" left out: the board finds the last
        -- verified word on an aspect without reading every report of the gate.
        CREATE TABLE desk_report_aspects (
            report_id   TEXT NOT NULL REFERENCES desk_reports(id) ON DELETE CASCADE,
            gate        TEXT NOT NULL,
            aspect      TEXT NOT NULL,
            observed_at TEXT NOT NULL,
            PRIMARY KEY (report_id, aspect)
        ) WITHOUT ROWID;
        CREATE INDEX desk_report_aspects_by_gate
            ON desk_report_aspects (gate, aspect, observed_at DESC);

        INSERT INTO desk_report_aspects (report_id, gate, aspect, observed_at)
            SELECT r.id, r.gate, side.name, r.observed_at
            FROM desk_reports AS r,
                (SELECT 'china_side' AS name UNION ALL SELECT 'myanmar_side'
                 UNION ALL SELECT 'civilian_passage') AS side
            WHERE r.gate IS NOT NULL
              AND coalesce(json_extract(r.record, '$.' || side.name), 'unknown') != 'unknown';
        INSERT INTO desk_report_aspects (report_id, gate, aspect, observed_at)
            SELECT r.id, r.gate, 'traffic.' || t.key, r.observed_at
            FROM desk_reports AS r, json_each(r.record, '$.traffic') AS t
            WHERE r.gate IS NOT NULL AND t.value != 'unknown'
    """
)


def _v8_desk_board(conn: Any) -> None:
    """Only the latest revision of a lineage counts at the desk (an index to ask whether a
    report's lineage has a later one), and the aspects each report speaks of (the board
    reads old verified reports only for the aspects the recent ones leave unsettled)."""
    for statement in _V8_STATEMENTS:
        conn.execute(statement)


def _v9_handcarry(conn: Any) -> None:
    """Hand-carried delivery: when a waiting revision last left on a bundle; at the desk,
    the bundles imported and the envelopes they brought that still go to the server."""
    conn.execute("ALTER TABLE outbox ADD COLUMN carried_at TEXT")
    conn.execute(
        "CREATE TABLE desk_bundles (bundle_id TEXT PRIMARY KEY, created_at TEXT NOT NULL,"
        " imported_at TEXT NOT NULL, envelopes INTEGER NOT NULL, new INTEGER NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE desk_relay_queue (envelope_id TEXT PRIMARY KEY,"
        " device_id TEXT NOT NULL, envelope BLOB, queued_at TEXT NOT NULL,"
        " relayed_at TEXT, last_error TEXT)"
    )
    conn.execute(
        "CREATE INDEX desk_relay_waiting ON desk_relay_queue (queued_at) WHERE relayed_at IS NULL"
    )


_V11_STATEMENTS = _statements(
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


def _v11_desk_marks(conn: Any) -> None:
    """Assignments, tags and merged duplicates at the desk, shared as review events."""
    for statement in _V11_STATEMENTS:
        conn.execute(statement)


def _v12_deskkeys(conn: Any) -> None:
    """Per-desk signing keys (`desktop.store.desk.keys`): this desk's own key and its
    endorsement, the endorsed keys seen from other desks, and refused review events kept
    for each report's history. An existing desk makes its key on first use."""
    for statement in _statements(
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


def _v13_approval_devices(conn: Any) -> None:
    """Editors decide which devices count as sources (`desktop.store.desk.device_trust`);
    devices the desk already holds reports from count as approved."""
    for statement in V13_STATEMENTS:
        conn.execute(statement)


def _v5_desk_search_text(record: Mapping[str, Any]) -> str:
    # What v5's trigram index held (v10 replaces it).
    return "\n".join(text for text in body_free_texts(record) if text)


def _v10_search_tokens(conn: Any) -> None:
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


_V14_CHAIN_STATEMENTS = _statements(
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


def _v14_chain(conn: Any) -> None:
    """Envelope chains: the device's last link and numbers; at the desk, the links, how
    chains began, what was carried and what did not fit."""
    for statement in _V14_CHAIN_STATEMENTS:
        conn.execute(statement)


def _v15_opened(conn: Any) -> None:
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


MIGRATIONS: Sequence[Migration] = (
    _v1_initial,
    _v2_unique_revisions,
    _v3_covering_list_indexes,
    _v4_sync,
    _v5_desk_review,
    _v6_followups,
    _v7_desk_pull_speed,
    _v8_desk_board,
    _v9_handcarry,
    _v10_search_tokens,
    _v11_desk_marks,
    _v12_deskkeys,
    _v13_approval_devices,
    _v14_chain,
    _v15_opened,
)
