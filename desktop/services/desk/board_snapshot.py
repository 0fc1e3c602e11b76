"""The board as an export holds it: derived from the chosen reports, with the ids of the
reports each gate's derivation read (the GeoJSON, the data tables and the PDF briefing)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.domain.desk.board import Board, OlderReports, derive_board
from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.review import CONFIRMED_STATES, ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.services.desk import board as desk_board
from desktop.store.database import Store
from desktop.store.desk.review import ReviewRepository

__all__ = ["BoardSnapshot", "board_snapshot"]


@dataclass(frozen=True)
class BoardSnapshot:
    """A board and the reports it read, per gate (what a GeoJSON or PDF export includes)."""

    board: Board
    read: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def report_ids(self) -> list[str]:
        return [rid for ids in self.read.values() for rid in ids]


def board_snapshot(
    store: Store,
    gazetteer: Gazetteer,
    *,
    states: Collection[ReviewState] = (),
    since: datetime | None = None,
    now: datetime | None = None,
) -> BoardSnapshot:
    """The board from the reports observed at or after `since` and in `states` (any when
    empty), read as `desktop.services.desk.board.board` reads them, with the ids of the
    reports the derivation read for each gate."""
    reviews = ReviewRepository(store)
    moment = now or datetime.now(UTC)
    read: dict[str, list[str]] = {}

    def kept(gate: str, reports: Iterable[BoardReport]) -> Iterator[BoardReport]:
        seen = read.setdefault(gate, [])
        for report in reports:
            if since is not None and report.observed_at < since:
                return  # newest first: every later one is older still
            if not states or report.state in states:
                seen.append(report.report_id)
                yield report

    windows = {gate: desk_board.recent_start(reviews, gate, moment) for gate in gazetteer.ids()}

    def older(gate: str) -> OlderReports:
        from_store = desk_board.older_reports(reviews, gate, windows[gate])
        if states and not set(states) & CONFIRMED_STATES:
            return lambda aspects: ()  # the older reports read are verified ones only
        return lambda aspects: kept(gate, from_store(aspects))

    gates = gazetteer.ids()
    board = derive_board(
        gates,
        {
            gate: kept(gate, desk_board.recent_reports(reviews, gate, windows[gate]))
            for gate in gates
        },
        now=moment,
        stale_after=desk_board.stale_after(store),
        older_of={gate: older(gate) for gate in gates},
    )
    return BoardSnapshot(board, {gate: tuple(ids) for gate, ids in read.items()})
