"""The inbox's rows: a lazy table model over report ids, and how each cell reads.

Like the correspondent's list (`desktop.ui.correspondent.report_model`), the model holds
only ids in display order; rows arrive a page at a time from the store worker
(`DeskSession.inbox_rows`). The review state's colors and a crossing's name are shared
with the review pane, the attention list and the duplicates box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.desk.review import ReviewState
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import SideStatus, SourceCategory
from desktop.services.desk.session import InboxRow
from desktop.ui.desk.tags import tag_label
from desktop.ui.desk.text import state_label
from desktop.ui.desk_clock import desk_time, zone_label
from desktop.ui.labels import label
from desktop.ui.lazy_rows import LazyRowsModel

# Text and background per review state: readable on white, distinct without color names.
STATE_COLORS: dict[ReviewState, tuple[str, str]] = {
    ReviewState.NEW: ("#1a4f8a", "#e3eefb"),
    ReviewState.NEEDS_FOLLOW_UP: ("#7a4b00", "#fff1d6"),
    ReviewState.VERIFIED: ("#1d5e20", "#e2f4e3"),
    ReviewState.REJECTED: ("#8c1d18", "#fbe4e2"),
    ReviewState.PUBLISHED: ("#4a2a7a", "#ece4f8"),
}


def gate_name(gazetteer: Gazetteer, gate: str | None, new_crossing: str | None, lang: str) -> str:
    """A crossing's name in `lang`; a crossing not in the gazetteer by the name reported."""
    if gate is None:
        return new_crossing or QCoreApplication.translate("Desk", "(not in the list)")
    crossing = gazetteer.get(gate)
    return gate if crossing is None else crossing.name(lang)


def _enum_label(kind: Any, value: str | None) -> str:
    try:
        return label(kind(value)) if value else ""
    except ValueError:
        return value or ""


class InboxModel(LazyRowsModel[InboxRow]):
    """Rows of the inbox; see the module docstring."""

    COLUMNS = (
        "observed",
        "gate",
        "china",
        "myanmar",
        "state",
        "assigned",
        "tags",
        "source",
        "device",
        "narrative",
    )

    def _header(self, column: str) -> str:
        return {
            "observed": self.tr("Observed") + f" ({zone_label()})",
            "gate": self.tr("Crossing"),
            "china": self.tr("China side"),
            "myanmar": self.tr("Myanmar side"),
            "state": self.tr("Review"),
            "assigned": self.tr("Assigned to"),
            "tags": self.tr("Tags"),
            "source": self.tr("Source"),
            "device": self.tr("Correspondent"),
            "narrative": self.tr("What happened"),
        }[column]

    def _row_id(self, row: InboxRow) -> str:
        return row.report_id

    def _styled(self, row: InboxRow, column: str, role: int) -> Any:
        if column == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_COLORS[row.state][0]))
        if column == "state" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLORS[row.state][1]))
        return None

    def _cell(self, row: InboxRow, column: str) -> str:
        if column == "observed":
            return desk_time(row.observed_at)
        if column == "gate":
            return gate_name(self._gazetteer, row.gate, row.new_crossing, self._language)
        if column == "china":
            return _enum_label(SideStatus, row.china_side)
        if column == "myanmar":
            return _enum_label(SideStatus, row.myanmar_side)
        if column == "state":
            return state_label(row.state)
        if column == "assigned":
            return row.assignee or ""
        if column == "tags":
            return ", ".join(tag_label(tag) for tag in row.tags)
        if column == "source":
            bits = [_enum_label(SourceCategory, row.source_category), row.reliability or ""]
            return " · ".join(b for b in bits if b)
        if column == "device":
            return row.device_label or row.device_id
        first = row.narrative.strip().splitlines()
        return first[0] if first else ""
