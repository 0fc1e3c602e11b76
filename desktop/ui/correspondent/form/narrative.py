"""What happened, in the correspondent's own words, with the Zawgyi offer above it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.draft import ReportDraft
from desktop.ui.clipboard import ConcealedPlainTextEdit
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.zawgyi_offer import ZawgyiOffer
from desktop.ui.i18n import fit_font
from desktop.ui.labels import help_text


class NarrativeSection(FormSection):
    """The narrative box. The Zawgyi check runs once typing pauses, never while a draft
    is being shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.narrative = ConcealedPlainTextEdit()
        self.narrative.setMinimumHeight(120)
        self.zawgyi = ZawgyiOffer(self.narrative)
        self.caption = QLabel()
        self.caption.setBuddy(self.narrative)
        self.showing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.zawgyi)
        layout.addWidget(self.narrative)
        self.narrative.textChanged.connect(self._text_changed)
        self.zawgyi.paused.connect(self.fit)

    def _text_changed(self) -> None:
        self.narrative.setExtraSelections([])
        if not self.showing:
            self.zawgyi.schedule()  # not on every keystroke: once typing pauses
        else:
            self.zawgyi.cancel()
        self.changed.emit()

    def fit(self) -> None:
        """A font that shows the text's script (Burmese or Latin)."""
        fit_font(self.narrative, self.narrative.toPlainText())

    def values(self) -> dict[str, Any]:
        return {"narrative": self.narrative.toPlainText()}

    def show_draft(self, draft: ReportDraft) -> None:
        self.showing = True
        try:
            self.narrative.setPlainText(draft.narrative)
        finally:
            self.showing = False

    def retranslate(self) -> None:
        self.caption.setText(self.tr("&What happened:"))
        self.narrative.setPlaceholderText(help_text("narrative"))
        self.narrative.setAccessibleName(self.tr("What happened"))
