"""Schema version 17: whether a report counts as a source is a column of the report and of
its board aspects, kept by triggers, so the board's indexes hold only the reports it may
use (the ordered list is schema.py's)."""

from __future__ import annotations

from typing import Any

from desktop.store.migrations import statements

_CONFIRMED = "('verified', 'published')"


def _counted(t: str) -> str:
    """SQL: the report (alias `t`) counts as a source: from an approved device, or made
    before its device's revocation (a time within the revocation's second does not). One
    look-up of the device: per row, a subquery over every approved device cost more."""
    return (
        f"EXISTS (SELECT 1 FROM desk_device_trust AS x WHERE x.device_id = {t}.device_id"
        " AND (x.state = 'approved' OR (x.state = 'revoked'"
        f" AND json_extract({t}.record, '$.created_at') < x.revoked_at)))"
    )


# The board walked a gate's reports and dropped, row by row, those of devices that do not
# count: a pending device's 50,000 reports, or confirmed reports of a rejected one, made
# every refresh read them all. With the fact in the rows, partial indexes leave them out.
# The upgrade reads the reports of devices not approved only (by desk_reports_by_device).
_NOT_APPROVED = (
    "SELECT device_id FROM desk_reports"
    " EXCEPT SELECT device_id FROM desk_device_trust WHERE state = 'approved'"
)
_V17_STATEMENTS = statements(
    f"""
    ALTER TABLE desk_reports ADD COLUMN counts INTEGER NOT NULL DEFAULT 1;
    UPDATE desk_reports SET counts = 0 WHERE device_id IN ({_NOT_APPROVED})
        AND NOT {_counted("desk_reports")};
    CREATE INDEX desk_reports_counted_by_gate
        ON desk_reports (gate, observed_at DESC) WHERE counts = 1;
    DROP INDEX desk_report_aspects_confirmed;
    ALTER TABLE desk_report_aspects ADD COLUMN counts INTEGER NOT NULL DEFAULT 1;
    UPDATE desk_report_aspects SET counts = 0
        WHERE report_id IN (SELECT id FROM desk_reports
            WHERE device_id IN ({_NOT_APPROVED}) AND counts = 0);
    CREATE INDEX desk_report_aspects_confirmed ON desk_report_aspects
        (gate, aspect, observed_at DESC) WHERE confirmed = 1 AND counts = 1;
    DROP TRIGGER desk_report_aspects_follow_state
    """
)

# Triggers, not code beside each decision: a decision made here, a pulled one and a report
# stored after its device's decision all keep the column. Each is one statement (its body's
# semicolons are its own). A report is stored counting (the column's default): most come
# from approved devices, and writing every row twice cost a third of storing it. The insert
# trigger looks its device up once and writes again only a report that does not count.
# Aspect rows are written new (never confirmed) with the default and take the report's
# value when it moves to a confirmed state or its device is decided; both defaults make the
# upgrade write only the rows of reports that do not count.
_V17_TRIGGERS = [
    f"""CREATE TRIGGER desk_reports_counts_on_insert AFTER INSERT ON desk_reports
    WHEN new.counts != {_counted("new")}
    BEGIN
        UPDATE desk_reports SET counts = 1 - new.counts WHERE id = new.id;
    END""",
    *(
        f"""CREATE TRIGGER desk_reports_counts_on_trust_{event.split()[0].lower()}
        AFTER {event} ON desk_device_trust
        BEGIN
            UPDATE desk_reports SET counts = {_counted("desk_reports")}
            WHERE device_id = new.device_id AND counts != {_counted("desk_reports")};
        END"""
        for event in ("INSERT", "UPDATE OF state, revoked_at")
    ),
    """CREATE TRIGGER desk_reports_counts_on_trust_delete AFTER DELETE ON desk_device_trust
    BEGIN
        UPDATE desk_reports SET counts = 0 WHERE device_id = old.device_id AND counts = 1;
    END""",
    f"""CREATE TRIGGER desk_report_aspects_follow_state AFTER UPDATE OF state ON desk_reports
    WHEN (old.state IN {_CONFIRMED}) != (new.state IN {_CONFIRMED})
    BEGIN
        UPDATE desk_report_aspects SET confirmed = (new.state IN {_CONFIRMED}),
            counts = new.counts
        WHERE report_id = new.id;
    END""",
    """CREATE TRIGGER desk_report_aspects_follow_counts AFTER UPDATE OF counts ON desk_reports
    WHEN old.counts != new.counts
    BEGIN
        UPDATE desk_report_aspects SET counts = new.counts WHERE report_id = new.id;
    END""",
]


def v17_counted_reports(conn: Any) -> None:
    """``counts`` on `desk_reports` and `desk_report_aspects` (the report's device is
    approved, or revoked after the report was made), kept by triggers on both tables and
    on `desk_device_trust`; the board's indexes cover only counting reports."""
    for statement in _V17_STATEMENTS:
        conn.execute(statement)
    for trigger in _V17_TRIGGERS:
        conn.execute(trigger)
