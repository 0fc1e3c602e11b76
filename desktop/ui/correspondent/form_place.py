"""Where the user was in a form: how far its scroll area was scrolled and which field had
the keyboard focus, kept across a lock (the widgets are emptied, the place is not text).

Generic Qt, so it outlives changes to the form: the scroll area is the outermost
`QScrollArea` inside the form, and the focused field is found again by its path from the
form, one step per level (a widget's object name, or its class and its index among its
siblings of that class), since rows a form builds again on load are new objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report_state import ReportState
from desktop.store.database import Store

if TYPE_CHECKING:
    from desktop.services.correspondent.session import ReportDetail

__all__ = [
    "FormPlace",
    "LockedReport",
    "Reopen",
    "form_scroll_area",
    "place_of",
    "reopen_job",
    "restore_place",
    "scroll_to_top",
]


@dataclass(frozen=True)
class FormPlace:
    scroll: int
    focus: tuple[str, ...] | None  # path from the form; None: nothing in it had the focus


@dataclass(frozen=True)
class LockedReport:
    """The report a lock interrupted: its draft (None while never saved), the report it
    corrects, when the lock came (its last save is the draft saved since), and the place."""

    draft_id: str | None
    replaces: str | None
    locked_at: datetime
    place: FormPlace


@dataclass(frozen=True)
class Reopen:
    """What to open again after unlock: a draft, a correction of `report_id`, or (both
    None) a new report that had nothing to save."""

    draft_id: str | None = None
    correcting: str | None = None
    detail: ReportDetail | None = None


def reopen_job(store: Store, gazetteer: Gazetteer, locked: LockedReport) -> Reopen:
    """On the worker: find the interrupted report's draft (saved by the lock) and load it."""
    # after unlock: the start path does without it
    from desktop.services.correspondent.session import CorrespondentSession

    session = CorrespondentSession(store)
    draft = locked.draft_id or session.draft_saved_since(locked.locked_at)
    if draft is not None:
        detail = session.report(gazetteer, draft)
        if detail.stored.row.state is ReportState.DRAFT:
            return Reopen(draft_id=draft, detail=detail)
        return Reopen()
    if locked.replaces is not None:
        detail = session.report(gazetteer, locked.replaces)
        return Reopen(correcting=locked.replaces, detail=detail)
    return Reopen()


def form_scroll_area(form: QWidget) -> QScrollArea | None:
    """The form's outermost scroll area (one inside another, a photo strip's, is not it)."""
    for area in form.findChildren(QScrollArea):
        parent = area.parentWidget()
        while parent is not None and parent is not form and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is form:
            return area
    return None


def _step(widget: QWidget) -> str:
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    kind = type(widget).__name__
    siblings = [] if parent is None else [c for c in _children(parent) if type(c) is type(widget)]
    return f"{kind}#{siblings.index(widget) if widget in siblings else 0}"


def _children(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.children() if isinstance(c, QWidget)]


def _path(form: QWidget, widget: QWidget) -> tuple[str, ...] | None:
    steps: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not form:
        steps.append(_step(current))
        current = current.parentWidget()
    return tuple(reversed(steps)) if current is form else None


def _find(form: QWidget, path: tuple[str, ...]) -> QWidget | None:
    current = form
    for step in path:
        found = next((c for c in _children(current) if _step(c) == step), None)
        if found is None:
            return None
        current = found
    return current


def place_of(form: QWidget) -> FormPlace:
    area = form_scroll_area(form)
    focused = QApplication.focusWidget()
    path = _path(form, focused) if focused is not None else None
    return FormPlace(area.verticalScrollBar().value() if area is not None else 0, path)


def restore_place(form: QWidget, place: FormPlace) -> None:
    """Scroll back and give the field the focus, once the loaded form is laid out."""

    def restore() -> None:
        if place.focus is not None:
            widget = _find(form, place.focus)
            if widget is not None and widget.isVisibleTo(form):
                widget.setFocus()
        area = form_scroll_area(form)
        if area is not None:  # after the focus: giving it may have scrolled the area
            area.verticalScrollBar().setValue(place.scroll)

    QTimer.singleShot(0, form, restore)


def scroll_to_top(form: QWidget) -> None:
    """A report opened from the list starts at its top."""
    area = form_scroll_area(form)
    if area is not None:
        area.verticalScrollBar().setValue(0)
