"""The conditions around the gate: who holds it and what blocks it, shortages in town,
people stranded."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLabel, QSpinBox, QWidget

from desktop.domain.draft import ReportDraft
from desktop.domain.vocabulary import Barrier, Controller, Shortage
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.form.widgets import enum_combo, relabel, set_combo, watch
from desktop.ui.labels import help_text, label


def _checkboxes(
    grid: QGridLayout, kind: type[StrEnum], *, columns: int, first_row: int = 0
) -> dict[str, QCheckBox]:
    boxes: dict[str, QCheckBox] = {}
    for index, value in enumerate(kind):
        check = QCheckBox(label(value))
        grid.addWidget(check, first_row + index // columns, index % columns)
        boxes[value.value] = check
    return boxes


class ControlSection(FormSection):
    """Who controls the Myanmar side, and what stands in the way there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controlled_by = enum_combo(Controller)
        self.controlled_label = QLabel()
        self.controlled_label.setBuddy(self.controlled_by)
        self.barrier_label = QLabel()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.controlled_label, 0, 0)
        grid.addWidget(self.controlled_by, 0, 1, 1, 2)
        grid.addWidget(self.barrier_label, 1, 0, 1, 3)
        self.barriers = _checkboxes(grid, Barrier, columns=3, first_row=2)
        for widget in (self.controlled_by, *self.barriers.values()):
            watch(widget, self._changed)

    def values(self) -> dict[str, Any]:
        return {
            "controlled_by": self.controlled_by.currentData(),
            "barrier": tuple(v for v, check in self.barriers.items() if check.isChecked()),
        }

    def show_draft(self, draft: ReportDraft) -> None:
        set_combo(self.controlled_by, draft.controlled_by)
        for value, check in self.barriers.items():
            check.setChecked(value in draft.barrier)

    def title(self) -> str:
        return self.tr("Control and barrier")

    def summary(self) -> str:
        who = self.controlled_by.currentText()
        parts = [self.tr("controlled by {who}").format(who=who)]
        parts += [check.text() for check in self.barriers.values() if check.isChecked()]
        return ", ".join(parts)

    def retranslate(self) -> None:
        self.controlled_label.setText(self.tr("Controlled &by:"))
        self.controlled_by.setToolTip(help_text("controlled_by"))
        self.barrier_label.setText(self.tr("Barrier on the Myanmar side:"))
        self.barrier_label.setToolTip(help_text("barrier"))
        relabel(self.controlled_by, Controller)
        for value, check in self.barriers.items():
            check.setText(label(Barrier(value)))


class ShortagesSection(FormSection):
    """What is short in the border town."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.shortages = _checkboxes(grid, Shortage, columns=4)
        for check in self.shortages.values():
            watch(check, self._changed)

    def values(self) -> dict[str, Any]:
        return {"shortages": tuple(v for v, c in self.shortages.items() if c.isChecked())}

    def show_draft(self, draft: ReportDraft) -> None:
        for value, check in self.shortages.items():
            check.setChecked(value in draft.shortages)

    def title(self) -> str:
        return self.tr("Shortages in town")

    def summary(self) -> str:
        chosen = [check.text() for check in self.shortages.values() if check.isChecked()]
        return ", ".join(chosen) if chosen else self.tr("none named")

    def retranslate(self) -> None:
        for value, check in self.shortages.items():
            check.setText(label(Shortage(value)))


class StrandedSection(FormSection):
    """How many people are stranded or were turned back (an estimate)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = QSpinBox()
        self.people.setRange(-1, 10_000_000)
        self.people.setSpecialValueText("—")
        self.people.setValue(-1)
        self.caption = QLabel()
        self.caption.setBuddy(self.people)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.caption, self.people)
        watch(self.people, self._changed)

    def values(self) -> dict[str, Any]:
        value = self.people.value()
        return {"people_stranded": None if value < 0 else value}

    def show_draft(self, draft: ReportDraft) -> None:
        people = draft.people_stranded
        self.people.setValue(people if people is not None else -1)

    def title(self) -> str:
        return self.tr("People stranded")

    def summary(self) -> str:
        value = self.people.value()
        return self.tr("not said") if value < 0 else self.people.locale().toString(value)

    def retranslate(self) -> None:
        self.caption.setText(self.tr("People &stranded:"))
        self.people.setAccessibleName(self.tr("People stranded or turned back"))
        self.people.setToolTip(self.tr("An estimate is fine. Leave at — if nobody said."))
