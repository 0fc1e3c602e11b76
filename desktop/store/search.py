"""Full-text search in SQL: the index tables' tokenizer and the condition a query becomes.

The tokens come from `desktop.domain.search_text`: the index holds them one space apart,
and FTS5 is told to cut at spaces only (every letter, mark, digit, punctuation and symbol
category is a token character), so what Python calls one token is one token in SQLite.
The same rules serve the correspondent's list (`reports_fts`) and the desk's inbox
(`desk_reports_fts`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from desktop.domain.report import body_free_texts
from desktop.domain.search_text import FORM_VERSION, Phrase, index_text, query_phrases

__all__ = [
    "FTS_OPTIONS",
    "MAX_QUERY_CHARS",
    "SEARCH_FORM_SETTING",
    "GatesNamed",
    "desk_search_text",
    "index_answered_desk_report",
    "index_answered_report",
    "index_desk_report",
    "index_report",
    "record_search_form",
    "reindex_desk",
    "reindex_reports",
    "report_search_text",
    "search_condition",
    "write_report_index",
]

MAX_QUERY_CHARS: Final = 200
# Prefix indexes of one and two characters: a one- or two-letter Latin term reads one
# doclist instead of merging every word it starts.
FTS_OPTIONS: Final = (
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co'\", prefix = '1 2'"
)
# The longest crossing name a query may spell in separate terms ("mai ja yang").
_MAX_NAME_TERMS: Final = 4

SEARCH_FORM_SETTING: Final = "search.form_version"

GatesNamed = Callable[[str], Sequence[str]]
"""Ids of the crossings a text names (the gazetteer's `named`)."""


def search_condition(
    query: str, key: str, fts_rows: str, gate_rows: str, gates_named: GatesNamed | None
) -> tuple[str, list[Any]] | None:
    """An SQL condition true for the rows `query` finds, with its parameters, or None for
    a query without a letter or digit.

    `key` is the column that identifies a row; `fts_rows` selects the keys whose text
    matches one FTS5 expression (one parameter: "SELECT rowid FROM reports_fts WHERE
    reports_fts MATCH ?"); `gate_rows` selects the keys of the rows about some crossings
    ("SELECT seq FROM reports WHERE gate IN ({gates})", `{gates}` standing for their
    placeholders). Every term must be found. Terms that together name a crossing (any name,
    alias or Chinese port name in the gazetteer, in any language) also find the rows about
    that crossing. Each condition is a key IN one list, so SQLite builds the lists first and
    reads the rows in index order once.
    """
    phrases = query_phrases(query[:MAX_QUERY_CHARS])
    if not phrases:
        return None
    plain: list[Phrase] = []
    conditions: list[str] = []
    params: list[Any] = []
    start = 0
    while start < len(phrases):
        end, gates = _named_run(phrases, start, gates_named)
        if gates:
            marks = ",".join("?" * len(gates))
            conditions.append(f"{key} IN ({gate_rows.format(gates=marks)} UNION {fts_rows})")
            params.extend(gates)
            params.append(_expression(phrases[start:end]))
        else:
            plain.extend(phrases[start:end])
        start = end
    if plain:
        conditions.insert(0, f"{key} IN ({fts_rows})")
        params.insert(0, _expression(plain))
    return " AND ".join(conditions), params


def _named_run(
    phrases: Sequence[Phrase], start: int, gates_named: GatesNamed | None
) -> tuple[int, Sequence[str]]:
    """The end of the longest run of terms from `start` that names crossings, with their
    ids; (start + 1, ()) when none does."""
    if gates_named is not None:
        for end in range(min(len(phrases), start + _MAX_NAME_TERMS), start, -1):
            name = " ".join(" ".join(p.tokens) for p in phrases[start:end])
            gates = gates_named(name)
            if gates:
                return end, gates
    return start + 1, ()


def _expression(phrases: Sequence[Phrase]) -> str:
    # Tokens hold no space and no quote, but quoting stays safe whatever they hold.
    return " AND ".join(
        '"' + " ".join(p.tokens).replace('"', '""') + '"' + (" *" if p.prefix else "")
        for p in phrases
    )


def report_search_text(body: Mapping[str, Any], answers: Sequence[str] = ()) -> str:
    """What `reports_fts` holds for a revision: the tokens of what a person typed (every
    free-text field, the answers to follow-up questions about it) and of the pseudonym.
    Gate names are not in it: a query finds a crossing through the gazetteer
    (`search_condition`)."""
    texts = [*body_free_texts(body), *answers]
    source = body.get("source")
    if isinstance(source, Mapping) and isinstance(source.get("pseudonym"), str):
        texts.append(source["pseudonym"])
    return index_text(texts)


def desk_search_text(record: Mapping[str, Any], answers: Sequence[str] = ()) -> str:
    """What `desk_reports_fts` holds for a received record: the same as on the device."""
    return report_search_text(record, answers)


def write_report_index(
    conn: Any, seq: int, body: Mapping[str, Any], answers: Sequence[str] = ()
) -> None:
    """(Re)write one revision's `reports_fts` row."""
    conn.execute("DELETE FROM reports_fts WHERE rowid = ?", (seq,))
    conn.execute(
        "INSERT INTO reports_fts (rowid, text) VALUES (?, ?)",
        (seq, report_search_text(body, answers)),
    )


def index_report(conn: Any, seq: int, report_id: str, body: Mapping[str, Any]) -> None:
    """(Re)write one revision's `reports_fts` row, with the answers given about it."""
    answers = [
        str(r[0])
        for r in conn.execute(
            "SELECT answer_text FROM followup_questions"
            " WHERE report_id = ? AND answer_text IS NOT NULL ORDER BY asked_at",
            (report_id,),
        ).fetchall()
    ]
    write_report_index(conn, seq, body, answers)


def index_answered_report(conn: Any, report_id: str) -> None:
    """Rewrite the `reports_fts` row of `report_id` after an answer about it (nothing when
    the revision is not held)."""
    row = conn.execute("SELECT seq, body FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is not None:
        index_report(conn, row[0], report_id, json.loads(row[1]))


def index_desk_report(
    conn: Any, report_id: str, record: Mapping[str, Any], *, fresh: bool = False
) -> None:
    """(Re)write one received record's `desk_reports_fts` row, with the answers received
    about it. ``fresh``: the record was just inserted, so it has no row to delete — the
    delete reads every row (``report_id`` is not indexed), which made a pull's cost per
    report grow with the desk."""
    answers = [
        str(r[0])
        for r in conn.execute(
            "SELECT answer_text FROM desk_followups"
            " WHERE report_id = ? AND answer_text IS NOT NULL ORDER BY asked_at",
            (report_id,),
        ).fetchall()
    ]
    if not fresh:
        conn.execute("DELETE FROM desk_reports_fts WHERE report_id = ?", (report_id,))
    conn.execute(
        "INSERT INTO desk_reports_fts (report_id, text) VALUES (?, ?)",
        (report_id, desk_search_text(record, answers)),
    )


def index_answered_desk_report(conn: Any, report_id: str) -> None:
    """Rewrite the `desk_reports_fts` row of `report_id` after an answer about it (nothing
    when the report is not held)."""
    row = conn.execute("SELECT record FROM desk_reports WHERE id = ?", (report_id,)).fetchone()
    if row is not None:
        index_desk_report(conn, report_id, json.loads(row[0]))


def reindex_reports(conn: Any) -> int:
    """Refill `reports_fts` from every stored body (inside the caller's transaction);
    return how many revisions it holds."""
    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
    rows = conn.execute("SELECT seq, id, body FROM reports").fetchall()
    for seq, report_id, body in rows:
        index_report(conn, seq, report_id, json.loads(body))
    return len(rows)


def reindex_desk(conn: Any) -> int:
    """Refill `desk_reports_fts` from every received record (inside the caller's
    transaction); return how many records it holds."""
    conn.execute("DELETE FROM desk_reports_fts")
    rows = conn.execute("SELECT id, record FROM desk_reports").fetchall()
    for report_id, record in rows:
        index_desk_report(conn, report_id, json.loads(record), fresh=True)
    return len(rows)


def record_search_form(conn: Any) -> None:
    """Note in the settings that the indexes hold this version's tokens."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SEARCH_FORM_SETTING, json.dumps(FORM_VERSION)),
    )
