"""Schema versions 6 to 9: follow-up questions, a faster desk pull, the desk's board
(latest revisions and the aspects each report speaks of), and hand-carried delivery (the
ordered list is schema.py's)."""

from __future__ import annotations

from typing import Any

from desktop.store.migrations import statements

_V6_STATEMENTS = statements(
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


def v6_followups(conn: Any) -> None:
    """Follow-up questions: device messaging keys, questions, answers, desk side."""
    for statement in _V6_STATEMENTS:
        conn.execute(statement)


def v7_desk_pull_speed(conn: Any) -> None:
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


_V8_STATEMENTS = statements(
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


def v8_desk_board(conn: Any) -> None:
    """Only the latest revision of a lineage counts at the desk (an index to ask whether a
    report's lineage has a later one), and the aspects each report speaks of (the board
    reads old verified reports only for the aspects the recent ones leave unsettled)."""
    for statement in _V8_STATEMENTS:
        conn.execute(statement)


def v9_handcarry(conn: Any) -> None:
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
