"""The cells of the Board tab's table: each aspect's verified value in its color,
traffic, flags, sources and the last change, in words (in the tab's
translation context, "BoardView"). A cell behind which reports stand carries their ids
(`REPORTS_ROLE`): a click lists them. The unverified layer's cell is the view's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.domain.desk.board import AspectStatus, GateStatus
from desktop.domain.desk.board_report import CHINA_SIDE, CIVILIAN_PASSAGE, MYANMAR_SIDE
from desktop.domain.vocabulary import CivilianPassage, SideStatus, TrafficKind, TrafficStatus
from desktop.ui.desk.board_age import confirmed_text, gate_age_text
from desktop.ui.desk.map_style import value_color
from desktop.ui.desk_clock import desk_time
from desktop.ui.labels import credibility_label, label
from desktop.ui.line_breaks import wrap_to_width

COLUMNS = (
    "gate",
    "china",
    "myanmar",
    "reported",
    "traffic",
    "civilians",
    "flags",
    "sources",
    "changed",
)
REPORTS_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's reports: a click opens them
REPORTED_TEXT, REPORTED_BACKGROUND = "#6a1b9a", "#f3e5f5"  # the unverified layer
_WRAP_WIDTH = 100.0  # pixels of a long cell's lines (narrow: nine columns fit 1366 px)
_DARK_TEXT = {"restricted", "chinese_citizens_only", "myanmar_citizens_only", "unknown"}


def value_label(aspect: str, value: str) -> str:
    """The translated name of an aspect's value."""
    try:
        if aspect in (CHINA_SIDE, MYANMAR_SIDE):
            return label(SideStatus(value))
        if aspect == CIVILIAN_PASSAGE:
            return label(CivilianPassage(value))
        return label(TrafficStatus(value))
    except ValueError:
        return value


def aspect_label(aspect: str) -> str:
    if aspect == CHINA_SIDE:
        return QCoreApplication.translate("BoardView", "China side")
    if aspect == MYANMAR_SIDE:
        return QCoreApplication.translate("BoardView", "Myanmar side")
    if aspect == CIVILIAN_PASSAGE:
        return QCoreApplication.translate("BoardView", "Civilians")
    try:
        return label(TrafficKind(aspect.removeprefix("traffic.")))
    except ValueError:
        return aspect


def fill_row(
    table: QTableWidget,
    font: QFont,
    row: int,
    gate: str,
    status: GateStatus | None,
    reported: QTableWidgetItem,
) -> None:
    """Every cell of a crossing's row but its name, each knowing its gate; long texts
    wrapped for `font` (Qt would break Burmese inside a syllable). `reported`, the
    unverified layer, is the view's (its words have plural forms, which need `tr`)."""
    aspects = status.aspects if status else {}
    column = COLUMNS.index
    for name, aspect in (("china", CHINA_SIDE), ("myanmar", MYANMAR_SIDE)):
        table.setItem(row, column(name), _wrapped_value(font, aspects.get(aspect), aspect))
    civilians = _wrapped_value(font, aspects.get(CIVILIAN_PASSAGE), CIVILIAN_PASSAGE)
    table.setItem(row, column("civilians"), civilians)
    table.setItem(row, column("reported"), reported)
    traffic = _traffic_text(status)
    table.setItem(row, column("traffic"), wrapped(font, traffic))
    flags = _flags_text(status)
    flag_item = wrapped(font, flags)
    if flags and status is not None:
        flag_item.setForeground(QBrush(QColor("#6a1b9a")))
        behind = _flag_reports(status)
        if behind:
            flag_item.setData(REPORTS_ROLE, list(behind))
            flag_item.setToolTip(
                QCoreApplication.translate(
                    "BoardView", "Click to list the reports behind these flags"
                )
            )
    table.setItem(row, column("flags"), flag_item)
    table.setItem(row, column("sources"), _sources_item(font, status))
    changed = desk_time(status.last_change if status else None)
    age = gate_age_text(status) if status else ""
    when = f"{changed}\n{age}" if age else changed
    table.setItem(row, column("changed"), wrapped(font, when))
    for index in range(len(COLUMNS)):
        item = table.item(row, index)
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, gate)


def wrapped(font: QFont, text: str) -> QTableWidgetItem:
    return _item(wrap_to_width(text, font, _WRAP_WIDTH, latin=True))


def _wrapped_value(font: QFont, status: AspectStatus | None, aspect: str) -> QTableWidgetItem:
    value = _value_item(status, aspect)
    value.setText(wrap_to_width(value.text(), font, _WRAP_WIDTH, latin=True))
    return value


def _flag_reports(status: GateStatus) -> tuple[str, ...]:
    """The reports behind a gate's flags: both sides of a conflict, a stale side's basis."""
    stale = (
        status.aspects[a].basis.report_id  # type: ignore[union-attr]
        for a in (CHINA_SIDE, MYANMAR_SIDE)
        if status.aspects[a].stale and status.aspects[a].basis is not None
    )
    return tuple(dict.fromkeys((*status.conflict_report_ids, *stale)))


def _value_item(status: AspectStatus | None, aspect: str) -> QTableWidgetItem:
    value = status.shown_value if status else "unknown"
    item = _item(value_label(aspect, value))
    item.setBackground(QBrush(value_color(value)))
    item.setForeground(QBrush(QColor("#212121" if value in _DARK_TEXT else "white")))
    if status is not None and status.since is not None:
        tip = QCoreApplication.translate("BoardView", "Since %1").replace(
            "%1", desk_time(status.since, with_zone=True)
        )
        item.setToolTip(f"{tip}\n{confirmed_text(status)}")
    return item


def _traffic_text(status: GateStatus | None) -> str:
    if status is None:
        return ""
    allowed, blocked = [], []
    for kind in TrafficKind:
        detail = status.aspects[f"traffic.{kind.value}"]
        named = f"{label(kind)} ({detail.corroboration})"
        if detail.value == TrafficStatus.ALLOWED:
            allowed.append(named)
        elif detail.value == TrafficStatus.BLOCKED:
            blocked.append(named)
    # One kind a line: each with its own sources and grade.
    lines = [
        QCoreApplication.translate("BoardView", "Allowed: %1").replace("%1", kind)
        for kind in allowed
    ]
    lines += [
        QCoreApplication.translate("BoardView", "Blocked: %1").replace("%1", kind)
        for kind in blocked
    ]
    return "\n".join(lines)


def _flags_text(status: GateStatus | None) -> str:
    if status is None:
        return ""
    lines = []
    for aspect, detail in status.aspects.items():
        if detail.stale and aspect in (CHINA_SIDE, MYANMAR_SIDE):
            text = QCoreApplication.translate("BoardView", "Stale: %1 %2").replace(
                "%1", aspect_label(aspect)
            )
            lines.append(text.replace("%2", confirmed_text(detail)))
        if detail.conflict:
            values = " / ".join(
                dict.fromkeys(value_label(aspect, e.value) for e in detail.conflict)
            )
            text = QCoreApplication.translate("BoardView", "Conflict: %1 %2").replace(
                "%1", aspect_label(aspect)
            )
            lines.append(text.replace("%2", values))
    return "\n".join(lines)


def _sources_item(font: QFont, status: GateStatus | None) -> QTableWidgetItem:
    if status is None:
        return _item("0")
    lines, tips = (
        [],
        [
            QCoreApplication.translate(
                "BoardView", "Independent sources (a pseudonym on one device), per side"
            )
        ],
    )
    for aspect in (CHINA_SIDE, MYANMAR_SIDE):
        detail = status.aspects[aspect]
        lines.append(f"{aspect_label(aspect)} {detail.corroboration}")
        grades = [label(detail.best_reliability)] if detail.best_reliability else []
        if detail.best_credibility is not None:
            grades.append(credibility_label(detail.best_credibility))
        if grades:
            tips.append(f"{aspect_label(aspect)}: {'; '.join(grades)}")
    item = _item(wrap_to_width("\n".join(lines), font, _WRAP_WIDTH, latin=True))
    item.setToolTip("\n".join(tips))
    return item


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)
