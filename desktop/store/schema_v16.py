"""Schema version 16: the board's aspect index holds only confirmed reports (the ordered
list is schema.py's)."""

from __future__ import annotations

from typing import Any

from desktop.store.migrations import statements

CONFIRMED_STATES = "('verified', 'published')"
"""The review states whose reports the board takes as the word in force on an aspect."""

_V16_STATEMENTS = statements(
    f"""
    -- Every pulled report is new, and the board only asks the index for confirmed ones.
    -- An index of every report's aspects took half of a large pull's writing, six
    -- scattered entries a report. Rows stay for every report, in report order and cheap
    -- to write, and the index covers the confirmed ones.
    ALTER TABLE desk_report_aspects ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;
    UPDATE desk_report_aspects SET confirmed = 1 WHERE report_id IN
        (SELECT id FROM desk_reports WHERE state IN {CONFIRMED_STATES});
    DROP INDEX desk_report_aspects_by_gate;
    CREATE INDEX desk_report_aspects_confirmed
        ON desk_report_aspects (gate, aspect, observed_at DESC) WHERE confirmed = 1
    """
)

# A trigger, not code beside each state change: every path that moves a report (a move
# made here, a pulled move, a held move applied when its report arrives) keeps the flag.
_V16_TRIGGER = f"""
    CREATE TRIGGER desk_report_aspects_follow_state AFTER UPDATE OF state ON desk_reports
    WHEN (old.state IN {CONFIRMED_STATES}) != (new.state IN {CONFIRMED_STATES})
    BEGIN
        UPDATE desk_report_aspects SET confirmed = (new.state IN {CONFIRMED_STATES})
        WHERE report_id = new.id;
    END
"""


def v16_confirmed_aspects(conn: Any) -> None:
    """The board's aspect index (`desk_report_aspects`) only over verified and published
    reports, kept by a trigger as reports move."""
    for statement in _V16_STATEMENTS:
        conn.execute(statement)
    conn.execute(_V16_TRIGGER)  # one statement: its body's semicolons are its own
