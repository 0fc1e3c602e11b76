"""The correspondent's report list: the lazy id-list model (`desktop.ui.lazy_rows`) with
the list's columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from desktop.services.correspondent.session import ReportRow
from desktop.ui.lazy_rows import CACHE_ROWS, ID_ROLE, PAGE_SIZE, LazyRowsModel

RowFetcher = Callable[[Sequence[str], Callable[[list[ReportRow]], None]], None]

__all__ = ["CACHE_ROWS", "ID_ROLE", "PAGE_SIZE", "ReportListModel", "RowFetcher"]


class ReportListModel(LazyRowsModel[ReportRow]):
    """Rows of report revisions for the main list; see the module docstring."""

    COLUMNS = ("observed", "gate", "china_side", "myanmar_side", "state", "summary")

    def _header(self, column: str) -> str:
        return {
            "observed": self.tr("Observed"),
            "gate": self.tr("Crossing"),
            "china_side": self.tr("China side"),
            "myanmar_side": self.tr("Myanmar side"),
            "state": self.tr("State"),
            "summary": self.tr("Summary"),
        }[column]

    def _row_id(self, row: ReportRow) -> str:
        return row.id

    # -- internals -----------------------------------------------------------------------

    def _cell(self, row: ReportRow, column: str) -> str:
        if column == "observed":
            return _local_time(row.observed_at)
        if column == "gate":
            if row.gate is None:
                return row.new_crossing_name or self.tr("(not in the list)")
            crossing = self._gazetteer.get(row.gate)
            return row.gate if crossing is None else crossing.name(self._language)
        if column == "state":
            if row.opened_at is not None and row.state.value != "draft":
                return self.tr("With the newsroom")
            if row.state.value == "queued" and row.carried_at is not None:
                return self.tr("Carried on {date}").format(date=_local_date(row.carried_at))
            return {
                "draft": self.tr("Draft"),
                "queued": self.tr("Queued"),
                "sent": self.tr("Sent"),
                "purged": self.tr("Sent (removed)"),
            }[row.state.value]
        if column == "china_side":
            return self._side(row.china_side)
        if column == "myanmar_side":
            return self._side(row.myanmar_side)
        return row.summary

    def _side(self, status: str | None) -> str:
        labels = {
            "open": self.tr("open"),
            "closed": self.tr("closed"),
            "restricted": self.tr("restricted"),
            "unknown": self.tr("unknown"),
        }
        return "" if status is None else labels.get(status, "")


def _local_date(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d")


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
