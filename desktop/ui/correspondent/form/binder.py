"""The one place that joins the form's sections to the typed draft."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.domain.draft import ReportDraft
from desktop.ui.correspondent.form.section import FormSection


class Binder(QObject):
    """Reads a `ReportDraft` from the sections and shows one in them. `changed` fires on
    the user's edits only, never while a draft is being shown."""

    changed = Signal()

    def __init__(self, sections: Sequence[FormSection], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sections = tuple(sections)
        self.showing = False
        for section in self._sections:
            section.changed.connect(self._section_changed)

    def _section_changed(self) -> None:
        if not self.showing:
            self.changed.emit()

    def draft(self) -> ReportDraft:
        values: dict[str, Any] = {}
        for section in self._sections:
            values.update(section.values())
        return ReportDraft(**values)

    def show(self, draft: ReportDraft) -> None:
        self.showing = True
        try:
            for section in self._sections:
                section.show_draft(draft)
                section.changed.emit()  # once, for what sums the section up
        finally:
            self.showing = False
