"""How old a board status is, in words ("last confirmed 9 days ago"), for the Board tab
and the PDF briefing. A value older than the newsroom's threshold is called stale."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.board import AspectStatus, GateStatus
from desktop.domain.desk.board_report import SIDES

__all__ = ["age_text", "confirmed_text", "gate_age_text"]


def age_text(age: timedelta) -> str:
    """``9 days ago``, ``5 hours ago``, ``just now``."""
    hours = int(age.total_seconds()) // 3600
    days = hours // 24
    if days >= 2:
        return QCoreApplication.translate("BoardAge", "%1 days ago").replace("%1", str(days))
    if hours >= 2:
        return QCoreApplication.translate("BoardAge", "%1 hours ago").replace("%1", str(hours))
    if hours == 1:
        return QCoreApplication.translate("BoardAge", "an hour ago")
    return QCoreApplication.translate("BoardAge", "just now")


def confirmed_text(status: AspectStatus) -> str:
    """``last confirmed 9 days ago``, with ``(stale)`` past the threshold; empty when the
    aspect has no verified value."""
    if status.age is None:
        return ""
    text = QCoreApplication.translate("BoardAge", "last confirmed %1").replace(
        "%1", age_text(status.age)
    )
    if status.stale:
        text += " " + QCoreApplication.translate("BoardAge", "(stale)")
    return text


def gate_age_text(status: GateStatus) -> str:
    """The age of the older of the two sides' values (what the gate's colour rests on)."""
    sides = [status.aspects[a] for a in SIDES if status.aspects[a].age is not None]
    if not sides:
        return ""
    return confirmed_text(max(sides, key=lambda s: s.age or timedelta(0)))
