"""How the correspondent knows, and who told them: a category and grades, never a name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.draft import ReportDraft, SourceDraft
from desktop.domain.pseudonym import generate_pseudonym
from desktop.domain.vocabulary import HowKnown, Reliability, SourceCategory
from desktop.ui.clipboard import ConcealedLineEdit
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.form.widgets import enum_combo, relabel, set_combo, watch
from desktop.ui.labels import credibility_label, help_text, label
from desktop.ui.wrapping import WrapLabel


class SourceSection(FormSection):
    """How known; the source's category, reliability, credibility and pseudonym. The
    grades and the pseudonym are offered only once a category is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.how_known = enum_combo(HowKnown)
        self.source_category = enum_combo(SourceCategory, with_none=True)
        self.reliability = enum_combo(Reliability)
        self.credibility = QComboBox()
        for value in range(1, 7):
            self.credibility.addItem(credibility_label(value), value)
        self.pseudonym = ConcealedLineEdit()
        self.pseudonym.setReadOnly(True)
        self.generate = QPushButton()
        self.help = WrapLabel()
        self.help.setStyleSheet("color: #555;")
        self.how_known_label = QLabel()
        self.category_label = QLabel()
        self.reliability_label = QLabel()
        self.credibility_label = QLabel()
        self.pseudonym_label = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.how_known_label, self.how_known)
        form.addRow(self.help)
        pseudonym_row = QHBoxLayout()
        pseudonym_row.addWidget(self.pseudonym, 1)
        pseudonym_row.addWidget(self.generate)
        form.addRow(self.category_label, self.source_category)
        self.reliability_help = WrapLabel()
        self.credibility_help = WrapLabel()
        for grades, explained in (
            (self.reliability, self.reliability_help),
            (self.credibility, self.credibility_help),
        ):
            explained.setStyleSheet("color: #555;")
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(grades)
            column.addWidget(explained)
            form.addRow(
                self.reliability_label if grades is self.reliability else self.credibility_label,
                column,
            )
        form.addRow(self.pseudonym_label, pseudonym_row)
        for caption, field in (
            (self.how_known_label, self.how_known),
            (self.category_label, self.source_category),
            (self.reliability_label, self.reliability),
            (self.credibility_label, self.credibility),
            (self.pseudonym_label, self.pseudonym),
        ):
            caption.setBuddy(field)
            watch(field, self._changed)
        self.generate.clicked.connect(self.generate_pseudonym)
        self.source_category.currentIndexChanged.connect(lambda _: self._source_toggled())
        self._source_toggled()

    def _source_toggled(self) -> None:
        has_source = self.source_category.currentData() is not None
        for widget in (self.reliability, self.credibility, self.pseudonym, self.generate):
            widget.setEnabled(has_source)

    def generate_pseudonym(self) -> None:
        """Fill in a new made-up name for the source (only when a source is chosen)."""
        if self.generate.isEnabled():
            self.pseudonym.setText(generate_pseudonym())

    def values(self) -> dict[str, Any]:
        category = self.source_category.currentData()
        source = None
        if category is not None:
            source = SourceDraft(
                category,
                self.reliability.currentData(),
                self.credibility.currentData(),
                self.pseudonym.text(),
            )
        return {"how_known": self.how_known.currentData(), "source": source}

    def show_draft(self, draft: ReportDraft) -> None:
        set_combo(self.how_known, draft.how_known)
        source = draft.source
        if source is not None:
            set_combo(self.source_category, source.category)
        else:
            self.source_category.setCurrentIndex(0)
        set_combo(self.reliability, source.reliability if source else "F")
        set_combo(self.credibility, source.credibility if source else 6)
        self.pseudonym.setText(source.pseudonym if source else "")
        self._source_toggled()

    def title(self) -> str:
        return self.tr("Source")  # its help text says "never a name"

    def summary(self) -> str:
        parts = [self.how_known.currentText()]
        if self.source_category.currentData() is not None:
            parts.append(self.source_category.currentText())
            parts.append(f"{self.reliability.currentData()}{self.credibility.currentData()}")
        return ", ".join(parts)

    def retranslate(self) -> None:
        self.help.setText(help_text("source"))
        self.how_known_label.setText(self.tr("How &known:"))
        self.how_known.setToolTip(help_text("how_known"))
        self.category_label.setText(self.tr("Wh&o:"))
        self.reliability_label.setText(self.tr("Rel&iability:"))
        self.credibility_label.setText(self.tr("Cr&edibility:"))
        self.pseudonym_label.setText(self.tr("&Pseudonym:"))
        self.pseudonym.setToolTip(help_text("pseudonym"))
        self.generate.setText(self.tr("Generate pseudonym"))
        self.generate.setToolTip(self.tr("Ctrl+G"))
        self.source_category.setAccessibleName(self.tr("Source category"))
        self.reliability.setAccessibleName(self.tr("Source reliability"))
        self.credibility.setAccessibleName(self.tr("Information credibility"))
        self.pseudonym.setAccessibleName(self.tr("Source pseudonym"))
        for combo, vocabulary in (
            (self.how_known, HowKnown),
            (self.source_category, SourceCategory),
            (self.reliability, Reliability),
        ):
            relabel(combo, vocabulary)
        for index in range(self.credibility.count()):
            self.credibility.setItemText(index, credibility_label(index + 1))
        # Every grade in words where it is chosen (the closed list shows only one).
        self.reliability_help.setText(
            self.tr("About the source, from how often they were right before: {grades}.").format(
                grades="; ".join(label(grade) for grade in Reliability)
            )
        )
        self.credibility_help.setText(
            self.tr("About this information, whoever gave it: {grades}.").format(
                grades="; ".join(credibility_label(value) for value in range(1, 7))
            )
        )
