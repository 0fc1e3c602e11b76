"""The report under review as HTML: every field, the narrative, the photos, the audit trail.

Qt breaks Burmese anywhere, so long values, the narrative and notes get their line ends
here, between syllables, for the width they are shown at (`line_breaks.wrap_to_width`); the
pane renders again when its width changes. Display only: nothing here is stored.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetricsF

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
    Controller,
    HowKnown,
    Shortage,
    SideStatus,
    TrafficKind,
    TrafficStatus,
)
from desktop.services.desk.session import AuditEntry
from desktop.ui.desk.inbox_model import STATE_COLORS, gate_name
from desktop.ui.desk.tags import tag_label
from desktop.ui.desk.text import state_label
from desktop.ui.desk_clock import desk_time
from desktop.ui.labels import label, price_text, source_grades, stored_label
from desktop.ui.report_text import report_lines


def _local(moment: str) -> str:
    try:
        return desk_time(datetime.fromisoformat(moment), with_zone=True)
    except ValueError:
        return moment


def field_rows(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(title, value) for every field the report fills, in the form's order."""
    rows: list[tuple[str, str]] = []
    for key, title in (
        ("china_side", QCoreApplication.translate("DeskReport", "China side")),
        ("myanmar_side", QCoreApplication.translate("DeskReport", "Myanmar side")),
    ):
        text = stored_label(SideStatus, record.get(key))
        if text:
            rows.append((title, text))
    passage = record.get("civilian_passage")
    if passage and passage != "unknown":
        rows.append(
            (
                QCoreApplication.translate("DeskReport", "Civilians who may cross"),
                stored_label(CivilianPassage, passage) or passage,
            )
        )
    traffic = record.get("traffic")
    if isinstance(traffic, dict):
        for kind in TrafficKind:
            value = traffic.get(kind.value, "unknown")
            if value != "unknown":
                rows.append((label(kind), stored_label(TrafficStatus, value) or str(value)))
    controller = record.get("controlled_by")
    if controller and controller != "unknown":
        rows.append(
            (
                QCoreApplication.translate("DeskReport", "Controlled by"),
                stored_label(Controller, controller) or str(controller),
            )
        )
    for key, vocabulary, title in (
        ("barrier", Barrier, QCoreApplication.translate("DeskReport", "Barrier")),
        ("shortages", Shortage, QCoreApplication.translate("DeskReport", "Shortages")),
    ):
        values = record.get(key)
        if isinstance(values, list) and values:
            rows.append((title, ", ".join(stored_label(vocabulary, v) or str(v) for v in values)))
    for price in record.get("prices") or []:
        if isinstance(price, dict):
            rows.append((QCoreApplication.translate("DeskReport", "Price"), price_text(price)))
    stranded = record.get("people_stranded")
    if isinstance(stranded, int):
        rows.append(
            (
                QCoreApplication.translate("DeskReport", "People stranded or turned back"),
                str(stranded),
            )
        )
    how = stored_label(HowKnown, record.get("how_known"))
    if how:
        rows.append((QCoreApplication.translate("DeskReport", "How known"), how))
    source = record.get("source")
    if isinstance(source, dict):
        bits = source_grades(source)
        if isinstance(source.get("pseudonym"), str):
            bits.append(
                QCoreApplication.translate("DeskReport", "pseudonym {name}").format(
                    name=source["pseudonym"]
                )
            )
        rows.append(
            (QCoreApplication.translate("DeskReport", "Source"), " · ".join(b for b in bits if b))
        )
    return rows


def audit_line(entry: AuditEntry) -> str:
    """One audit entry in words: what happened and who did it."""
    who = entry.desk_label or ""
    if entry.what == "received":
        return QCoreApplication.translate("DeskReport", "received from the server")
    if entry.what == "move" and entry.to_state is not None:
        if entry.from_state is None:
            return QCoreApplication.translate("DeskReport", "{desk} moved it to {to}").format(
                desk=who, to=state_label(entry.to_state)
            )
        return QCoreApplication.translate(
            "DeskReport", "{desk} moved it from {source} to {to}"
        ).format(desk=who, source=state_label(entry.from_state), to=state_label(entry.to_state))
    if entry.what == "note":
        return QCoreApplication.translate("DeskReport", "{desk} wrote a note").format(desk=who)
    if entry.what in {"assign", "tag", "untag", "link"}:
        return mark_line(entry)
    if entry.what == "refused":
        return refused_line(entry)
    if entry.what == "export":
        fmt = str(entry.detail.get("format", "")).upper()
        return QCoreApplication.translate(
            "DeskReport", "{desk} included it in an export ({format})"
        ).format(desk=who, format=fmt)
    return entry.what


def refused_line(entry: AuditEntry) -> str:
    """A review event this desk refused and what it claimed (the reason follows as the
    entry's note, in the desk's own words)."""
    who = entry.desk_label or QCoreApplication.translate("DeskReport", "an unknown desk")
    if entry.from_state is not None and entry.to_state is not None:
        return QCoreApplication.translate(
            "DeskReport", "Refused: a move from {source} to {to} said to be by {desk}"
        ).format(source=state_label(entry.from_state), to=state_label(entry.to_state), desk=who)
    return QCoreApplication.translate(
        "DeskReport", "Refused: a review event said to be by {desk}"
    ).format(desk=who)


def mark_line(entry: AuditEntry) -> str:
    """An assignment or a tag in words."""
    who = entry.desk_label or ""
    value = str(entry.detail.get("value", ""))
    if entry.what == "assign":
        assignee = str(entry.detail.get("value_label", ""))
        if not value:
            return QCoreApplication.translate("DeskReport", "{desk} unassigned it").format(desk=who)
        if assignee == who:
            return QCoreApplication.translate("DeskReport", "{desk} took it").format(desk=who)
        return QCoreApplication.translate("DeskReport", "{desk} assigned it to {assignee}").format(
            desk=who, assignee=assignee
        )
    if entry.what == "link":
        if not value:
            return QCoreApplication.translate(
                "DeskReport", "{desk} split it off its group of duplicates"
            ).format(desk=who)
        return QCoreApplication.translate(
            "DeskReport", "{desk} merged it as a duplicate of another report"
        ).format(desk=who)
    if entry.what == "tag":
        return QCoreApplication.translate("DeskReport", "{desk} tagged it {tag}").format(
            desk=who, tag=tag_label(value)
        )
    return QCoreApplication.translate("DeskReport", "{desk} removed the tag {tag}").format(
        desk=who, tag=tag_label(value)
    )


def report_html(
    record: Mapping[str, Any],
    *,
    gazetteer: Gazetteer,
    language: str,
    device: str,
    trail: Sequence[AuditEntry],
    photos: Sequence[int],
    font: QFont,
    width: float,
) -> str:
    """The whole pane document. ``photos``: positions of the photos the document holds as
    image resources named ``photo:N``. With `width` > 0, Burmese lines end between syllables
    at that width."""
    esc = html.escape
    bold = QFont(font)
    bold.setBold(True)
    rows = field_rows(record)
    title_width = max((QFontMetricsF(bold).horizontalAdvance(t) for t, _ in rows), default=0.0)
    value_width = width - title_width - 24

    def lines(text: str, room: float) -> str:
        return report_lines(text, font, room, wrap=width > 0)

    crossing = record.get("new_crossing")
    new_name = crossing.get("name") if isinstance(crossing, dict) else None
    gate = record.get("gate")
    name = gate_name(gazetteer, gate if isinstance(gate, str) else None, new_name, language)
    if gate is None:
        name += " — " + QCoreApplication.translate(
            "DeskReport", "new crossing, not in the gazetteer"
        )
    observed = _local(str(record.get("observed_at", "")))
    parts = [f"<h3>{esc(name)}</h3>"]
    line = QCoreApplication.translate("DeskReport", "Observed {time} · from {device}").format(
        time=observed, device=device
    )
    parts.append(f"<p style='color:#555'>{lines(line, width)}</p>")
    parts.append("<table cellspacing='0' cellpadding='3'>")
    for title, value in rows:
        parts.append(f"<tr><td><b>{esc(title)}</b></td><td>{lines(value, value_width)}</td></tr>")
    parts.append("</table>")
    narrative = record.get("narrative")
    if isinstance(narrative, str) and narrative.strip():
        parts.extend(f"<p>{lines(p, width)}</p>" for p in narrative.splitlines() if p.strip())
    if photos:
        parts.append("<p>" + "&nbsp;".join(f"<img src='photo:{n}'>" for n in photos) + "</p>")
    history = QCoreApplication.translate("DeskReport", "History")
    parts.append(f"<h4>{esc(history)}</h4>")
    for entry in trail:
        when = desk_time(entry.at, with_zone=True)
        color = ""
        if entry.what == "refused":
            color = " style='color:#b00020'"
        elif entry.to_state is not None:
            color = f" style='color:{STATE_COLORS[entry.to_state][0]}'"
        parts.append(f"<p><span style='color:#555'>{esc(when)}</span> · ")
        parts.append(f"<b{color}>{lines(audit_line(entry), width)}</b>")
        if entry.note:
            parts.append(f"<br>{lines(entry.note, width)}")
        parts.append("</p>")
    return "".join(parts)
