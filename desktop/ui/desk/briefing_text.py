"""The words of the PDF briefing that are not layout: Myanmar time with its zone, the
header's lines, each gate's aspects with their age, and the changes as events with the
content of unverified claims and both sides of each conflict."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.board import GateStatus
from desktop.domain.desk.board_events import StatusEvent
from desktop.domain.desk.board_report import ASPECTS, CIVILIAN_PASSAGE, SIDES, UNKNOWN
from desktop.domain.desk.review import CONFIRMED_STATES, PENDING_STATES, ReviewState
from desktop.domain.vocabulary import (
    CivilianPassage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
)
from desktop.ui.desk.board_age import confirmed_text
from desktop.ui.labels import label

__all__ = [
    "MYANMAR_TIME",
    "aspect_name",
    "claim_text",
    "event_line",
    "gate_lines",
    "header_lines",
    "myanmar_time",
    "value_name",
]

MYANMAR_TIME = timezone(timedelta(hours=6, minutes=30), "MMT")


def myanmar_time(moment: datetime | None) -> str:
    """``2024-11-12 09:30 MMT``: the briefing's one way of writing a time."""
    if moment is None:
        return "—"
    return moment.astimezone(MYANMAR_TIME).strftime("%Y-%m-%d %H:%M") + " MMT"


def header_lines(
    desk_label: str, since: datetime, until: datetime, counts: dict[ReviewState, int]
) -> list[str]:
    """Who made it, the period it covers, how many reports, and the handling note."""
    verified = sum(n for state, n in counts.items() if state in CONFIRMED_STATES)
    unreviewed = sum(n for state, n in counts.items() if state in PENDING_STATES)
    return [
        QCoreApplication.translate("Briefing", "Prepared by {desk} at {time}.").format(
            desk=desk_label, time=myanmar_time(until)
        ),
        QCoreApplication.translate("Briefing", "Period covered: {since} to {until}.").format(
            since=myanmar_time(since), until=myanmar_time(until)
        ),
        QCoreApplication.translate(
            "Briefing", "Reports in the period: {verified} verified, {unreviewed} not yet reviewed."
        ).format(verified=verified, unreviewed=unreviewed),
        QCoreApplication.translate("Briefing", "Times are Myanmar time (MMT, UTC+06:30)."),
    ]


def gate_lines(status: GateStatus) -> list[str]:
    """Each aspect with a value: value, its own sources and grade, and its age; then each
    unverified claim and both sides of each conflict."""
    lines = []
    for aspect in ASPECTS:
        detail = status.aspects[aspect]
        if detail.value is not None:
            lines.append(
                f"{aspect_name(aspect)}: {value_name(aspect, detail.value)} · "
                f"{detail.corroboration} · {confirmed_text(detail)}"
            )
        if detail.unverified_change is not None:
            claim = detail.unverified_change
            lines.append(
                claim_text(
                    claim.source_category,
                    aspect,
                    claim.value,
                    claim.observed_at,
                    detail.value or UNKNOWN,
                )
            )
        if detail.conflict:
            sides = " / ".join(
                f"{value_name(aspect, e.value)} ({myanmar_time(e.observed_at)})"
                for e in detail.conflict
            )
            lines.append(
                QCoreApplication.translate("Briefing", "Conflict, {aspect}: {sides}").format(
                    aspect=aspect_name(aspect), sides=sides
                )
            )
    return lines


def event_line(event: StatusEvent) -> str:
    """A status change, or the content of an unverified claim."""
    if event.verified:
        return QCoreApplication.translate("Briefing", "{time} {aspect}: {before} → {after}").format(
            time=myanmar_time(event.at),
            aspect=aspect_name(event.aspect),
            before=value_name(event.aspect, event.before),
            after=value_name(event.aspect, event.after),
        )
    return claim_text(event.source_category, event.aspect, event.after, event.at, event.before)


def claim_text(category: str | None, aspect: str, value: str, at: datetime, in_force: str) -> str:
    """An unverified claim in words, with who says it: ``2024-12-13 14:00 MMT traders
    report: China side open (now closed), 1 source, unverified``."""
    return QCoreApplication.translate(
        "Briefing", "{time} {who}: {aspect} {value} (now {before}), 1 source, unverified"
    ).format(
        time=myanmar_time(at),
        who=_who(category),
        aspect=aspect_name(aspect),
        value=value_name(aspect, value),
        before=value_name(aspect, in_force),
    )


def _who(category: str | None) -> str:
    """Who says it, by the source's category (a report without a source: the
    correspondent's own)."""

    phrases = {
        SourceCategory.RESIDENT: QCoreApplication.translate("Briefing", "residents report"),
        SourceCategory.TRADER: QCoreApplication.translate("Briefing", "traders report"),
        SourceCategory.DRIVER: QCoreApplication.translate("Briefing", "drivers report"),
        SourceCategory.MINE_WORKER: QCoreApplication.translate("Briefing", "mine workers report"),
        SourceCategory.ARMED_GROUP_AFFILIATE: QCoreApplication.translate(
            "Briefing", "people close to an armed group report"
        ),
        SourceCategory.OFFICIAL: QCoreApplication.translate("Briefing", "officials report"),
        SourceCategory.AID_WORKER: QCoreApplication.translate("Briefing", "aid workers report"),
        SourceCategory.OTHER: QCoreApplication.translate("Briefing", "a source reports"),
    }
    if category is None:
        return QCoreApplication.translate("Briefing", "our correspondent reports")
    try:
        return phrases[SourceCategory(category)]
    except ValueError:
        return phrases[SourceCategory.OTHER]


def aspect_name(aspect: str) -> str:
    if aspect == SIDES[0]:
        return QCoreApplication.translate("Briefing", "China side")
    if aspect == SIDES[1]:
        return QCoreApplication.translate("Briefing", "Myanmar side")
    if aspect == CIVILIAN_PASSAGE:
        return QCoreApplication.translate("Briefing", "Civilians who may pass")
    return label(TrafficKind(aspect.removeprefix("traffic.")))


def value_name(aspect: str, value: str) -> str:
    kinds: dict[str, Any] = {a: TrafficStatus for a in ASPECTS}
    kinds.update({SIDES[0]: SideStatus, SIDES[1]: SideStatus, CIVILIAN_PASSAGE: CivilianPassage})
    try:
        return label(kinds[aspect](value))
    except (KeyError, ValueError):
        return value
