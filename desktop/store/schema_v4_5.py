"""Schema versions 4 and 5: sealed sync (outbox chunks, this device's identity) and the
editor desk's tables, then the desk's review states and events, its search and its exports
audit (the ordered list is schema.py's)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop.domain.report import body_free_texts
from desktop.store.migrations import statements

_V4_STATEMENTS = statements(
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


def v4_sync(conn: Any) -> None:
    """Sealed sync: outbox columns and chunks, the device identity, the desk."""
    for statement in _V4_STATEMENTS:
        conn.execute(statement)


_V5_STATEMENTS = statements(
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


def v5_desk_review(conn: Any) -> None:
    """Editor desk: review states and events, desk search, exports audit."""
    for statement in _V5_STATEMENTS:
        conn.execute(statement)
    rows = conn.execute("SELECT id, record FROM desk_reports").fetchall()
    for report_id, record in rows:
        conn.execute(
            "INSERT INTO desk_reports_fts (report_id, text) VALUES (?, ?)",
            (report_id, _v5_desk_search_text(json.loads(record))),
        )


def _v5_desk_search_text(record: Mapping[str, Any]) -> str:
    # What v5's trigram index held (v10 replaces it).
    return "\n".join(text for text in body_free_texts(record) if text)
