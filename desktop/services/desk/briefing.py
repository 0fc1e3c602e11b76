"""The PDF briefing's contents, read from the store, and its file saved with its audit entry.

No Qt: the GUI gathers on the store worker and paints on its own thread
(desktop/ui/desk/pdf.py renders the pages between `gather_briefing` and `save_briefing`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.desk.market import GateMarket
from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc
from desktop.services.desk import board as desk_board
from desktop.services.desk import market as desk_market
from desktop.services.desk.board_snapshot import BoardSnapshot, board_snapshot
from desktop.services.desk.export_output import ExportResult, atomic_output, record_export
from desktop.services.desk.review import desk_identity
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository

DEFAULT_CHANGES_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Briefing:
    """What a briefing shows, read from the store (no Qt objects: it crosses threads)."""

    snapshot: BoardSnapshot
    changes: tuple[StatusEvent, ...]
    since: datetime
    generated_at: datetime
    desk_label: str
    counts: Mapping[ReviewState, int] = field(default_factory=dict)
    market: tuple[GateMarket, ...] = ()
    previous: datetime | None = None  # what prices and shortages are compared with
    previous_is_briefing: bool = False  # else: no earlier briefing, `since`


def gather_briefing(
    store: Store, gazetteer: Gazetteer, *, since: datetime | None = None
) -> Briefing:
    """The board now, what changed since `since` (default: the last 24 hours), and prices
    and shortages against the previous briefing (else against `since`)."""
    now = datetime.now(UTC)
    since = since or now - DEFAULT_CHANGES_WINDOW
    last = desk_market.previous_briefing(store)
    previous = last or since
    return Briefing(
        snapshot=board_snapshot(store, gazetteer),
        changes=tuple(desk_board.changes_since(store, gazetteer, since)),
        since=since,
        generated_at=now,
        desk_label=desk_identity(store).label,
        counts=ReviewRepository(store).counts_by_state(since=since),
        market=tuple(desk_market.market(store, gazetteer, previous=previous, now=now)),
        previous=previous,
        previous_is_briefing=last is not None,
    )


def save_briefing(store: Store, briefing: Briefing, pdf: bytes, out: Path) -> ExportResult:
    """Write `pdf` to `out` atomically and record the export with the reports the board
    read. Raises `desktop.services.desk.export_output.ExportWriteError` (nothing left behind)."""
    with atomic_output(out, binary=True) as stream:
        stream.write(pdf)
    ids = briefing.snapshot.report_ids
    filters = {"changes_since": format_utc(briefing.since)}
    if briefing.previous is not None:
        filters["prices_since"] = format_utc(briefing.previous)
    try:
        export_id = record_export(store, "pdf", filters, False, ids)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return ExportResult(out, len(ids), export_id)
