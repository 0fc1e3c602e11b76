"""What every part of the form is: a widget that shows its fields of a draft and gives
them back, says when the user changed one, and sums itself up in one line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.draft import ReportDraft


class FormSection(QWidget):
    """One part of the report form over the fields of `ReportDraft` it owns.

    `values()` returns those fields as `ReportDraft` keyword arguments; `show_draft()`
    fills the widgets from a draft. `changed` fires on every edit (also while a draft is
    being shown: the binder ignores it then)."""

    changed = Signal()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_draft(self, draft: ReportDraft) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def title(self) -> str:
        """The section's heading (shown when it is a foldable section)."""
        return ""

    def summary(self) -> str:
        """What the section holds, in one line (shown while it is folded)."""
        return ""

    def _changed(self, *_: object) -> None:
        self.changed.emit()
