"""Tidy data tables for a data desk: one zip of long-format CSV files, ready for pandas,
R or Datawrapper (docs/desk.md, "Data tables").

Unlike the spreadsheet CSV, these files are for programs: UTF-8 without a byte order
mark, no formula guard (a value is written as it is), times in UTC with ``Z``, empty for
missing. Only the latest revision of each report counts.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from desktop.domain.desk.board import Board
from desktop.domain.desk.board_events import status_runs
from desktop.domain.desk.board_report import ASPECTS, SIDES
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc
from desktop.domain.vocabulary import Shortage
from desktop.services.desk.export_profile import Redactor
from desktop.store.database import Store
from desktop.store.desk.core import DeskReport
from desktop.store.desk.review import InboxRow, ReviewRepository

__all__ = ["TABLES", "commodity_group", "write_tables"]

TABLES: dict[str, tuple[str, ...]] = {
    "gates.csv": (
        "gate",
        "name_en",
        "name_my",
        "name_zh",
        "latitude",
        "longitude",
        "location_approximate",
        "overall",
        *(a.replace(".", "_") for a in ASPECTS),
        "stale",
        "last_confirmed",
    ),
    "status_changes.csv": (
        "gate",
        "aspect",
        "value",
        "valid_from",
        "valid_to",
        "sources",
        "reliability",
        "credibility",
        "state",
        "basis_report",
    ),
    "prices.csv": (
        "report",
        "gate",
        "observed_at",
        "commodity",
        "commodity_group",
        "amount",
        "currency",
        "unit",
        "review_state",
    ),
    "barriers.csv": ("report", "gate", "observed_at", "barrier", "review_state"),
    "shortages.csv": ("report", "gate", "observed_at", "shortage", "review_state"),
}

_GROUPS = {
    "diesel": Shortage.FUEL,
    "petrol": Shortage.FUEL,
    "gasoline": Shortage.FUEL,
    "fuel": Shortage.FUEL,
    "rice": Shortage.RICE,
    "cooking oil": Shortage.COOKING_OIL,
    "cooking_oil": Shortage.COOKING_OIL,
    "cement": Shortage.CONSTRUCTION_MATERIALS,
    "iron": Shortage.CONSTRUCTION_MATERIALS,
    "steel": Shortage.CONSTRUCTION_MATERIALS,
    "medicine": Shortage.MEDICINE,
}


def commodity_group(commodity: str) -> str:
    """The shortage vocabulary's word for a reported commodity (``diesel`` → ``fuel``), or
    ``other``: commodities are free text, the group is what charts can sum by."""
    key = " ".join(commodity.casefold().split())
    group = _GROUPS.get(key) or (Shortage(key) if key in set(Shortage) else Shortage.OTHER)
    return group.value


def write_tables(
    stream: io.BufferedWriter | Any,
    store: Store,
    gazetteer: Gazetteer,
    board: Board,
    reports: Iterable[tuple[DeskReport, InboxRow, str]],
    meta: dict[str, Any],
    *,
    since: datetime | None,
    redactor: Redactor | None,
) -> list[str]:
    """Write the zip to `stream`: the tables and ``export.json`` (`meta`). `reports` are
    the chosen reports with their lineage's latest revision; superseded ones are left out.
    Returns the ids of the reports the tables hold."""
    ident = (lambda v: v) if redactor is None else redactor.id
    when = format_utc if redactor is None else redactor.hour
    included: list[str] = []
    long_rows: dict[str, list[Sequence[object]]] = {
        "prices.csv": [],
        "barriers.csv": [],
        "shortages.csv": [],
    }
    for report, row, latest in reports:
        if latest != report.id:
            continue
        included.append(report.id)
        record = report.record
        head = (ident(report.id), record.get("gate") or "", when(row.observed_at))
        state = row.state.value
        for price in record.get("prices") or ():
            long_rows["prices.csv"].append(
                (
                    *head,
                    price["commodity"],
                    commodity_group(str(price["commodity"])),
                    price["amount"],
                    price["currency"],
                    price["unit"],
                    state,
                )
            )
        for barrier in record.get("barrier") or ():
            long_rows["barriers.csv"].append((*head, barrier, state))
        for shortage in record.get("shortages") or ():
            long_rows["shortages.csv"].append((*head, shortage, state))
    reviews = ReviewRepository(store)
    changes: list[Sequence[object]] = []
    for gate in gazetteer.ids():
        for run in status_runs(gate, reviews.board_reports(gate, oldest_first=True)):
            if since is not None and run.valid_to is not None and run.valid_to < since:
                continue
            changes.append(
                (
                    run.gate,
                    run.aspect,
                    run.value,
                    when(run.valid_from),
                    "" if run.valid_to is None else when(run.valid_to),
                    run.sources,
                    run.reliability,
                    run.credibility,
                    run.state.value,
                    ident(run.basis),
                )
            )
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.json", json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
        archive.writestr("gates.csv", _csv(TABLES["gates.csv"], _gates(board, gazetteer, when)))
        archive.writestr("status_changes.csv", _csv(TABLES["status_changes.csv"], changes))
        for name, rows in long_rows.items():
            archive.writestr(name, _csv(TABLES[name], rows))
    return included


def _gates(board: Board, gazetteer: Gazetteer, when: Any) -> Iterator[Sequence[object]]:
    for crossing in gazetteer:
        status = board.gates[crossing.id]
        confirmed = [
            status.aspects[a].confirmed_at
            for a in SIDES
            if status.aspects[a].confirmed_at is not None
        ]
        yield (
            crossing.id,
            crossing.names.get("en"),
            crossing.names.get("my"),
            crossing.names.get("zh"),
            crossing.lat,
            crossing.lon,
            _bool(crossing.approximate),
            status.overall.value,
            *(status.side(a) for a in ASPECTS),
            _bool(status.stale),
            when(min(confirmed)) if confirmed else "",  # type: ignore[type-var]
        )


def _csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return text.getvalue()


def _bool(value: bool) -> str:
    return "true" if value else "false"
