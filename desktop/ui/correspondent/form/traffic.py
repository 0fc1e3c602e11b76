"""What may pass: one row of choices per kind of traffic; the civilians' row also says
whose citizens may cross."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.draft import ReportDraft
from desktop.domain.vocabulary import CivilianPassage, TrafficKind, TrafficStatus
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.form.widgets import enum_combo, relabel, set_combo, watch
from desktop.ui.labels import help_text, label

# Big enough to hit with a touchpad in poor light.
RADIO_STYLE = "QRadioButton::indicator { width: 20px; height: 20px; }"
SHADE_STYLE = "QFrame#shade { background: palette(alternate-base); border-radius: 3px; }"
STATUS_COLUMN_WIDTH = 96


class TrafficSection(FormSection):
    """The traffic grid and the civilians' passage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(RADIO_STYLE + SHADE_STYLE)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        self.groups: dict[TrafficKind, QButtonGroup] = {}
        self.names: dict[TrafficKind, QLabel] = {}
        self.header: list[QLabel] = []
        statuses = list(TrafficStatus)
        last = len(statuses) + 1  # the column of the civilians' passage
        for column in range(1, len(statuses) + 1):
            head = QLabel()
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setWordWrap(True)
            grid.addWidget(head, 0, column)
            grid.setColumnMinimumWidth(column, STATUS_COLUMN_WIDTH)
            self.header.append(head)
        self.civilian_passage = enum_combo(CivilianPassage)
        self.passage_head = QLabel()
        self.passage_head.setWordWrap(True)
        grid.addWidget(self.passage_head, 0, last)
        for row, kind in enumerate(TrafficKind, start=1):
            if row % 2:
                shade = QFrame()
                shade.setObjectName("shade")
                grid.addWidget(shade, row, 0, 1, last + 1)
            name = QLabel()
            name.setContentsMargins(6, 4, 6, 4)
            grid.addWidget(name, row, 0)
            self.names[kind] = name
            group = QButtonGroup(self)
            for column, status in enumerate(statuses, start=1):
                button = QRadioButton()
                button.setProperty("status", status.value)
                button.setMinimumHeight(30)
                group.addButton(button, column)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignCenter)
                if status is TrafficStatus.UNKNOWN:
                    button.setChecked(True)
            self.groups[kind] = group
            group.buttonToggled.connect(self._changed)
            if kind is TrafficKind.CIVILIANS:
                grid.addWidget(self.civilian_passage, row, last)
        grid.setColumnStretch(last + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.help)
        layout.addLayout(grid)
        watch(self.civilian_passage, self._changed)

    def status(self, kind: TrafficKind) -> str:
        button = self.groups[kind].checkedButton()
        return "unknown" if button is None else str(button.property("status"))

    def values(self) -> dict[str, Any]:
        return {
            "traffic": tuple((kind.value, self.status(kind)) for kind in self.groups),
            "civilian_passage": self.civilian_passage.currentData(),
        }

    def show_draft(self, draft: ReportDraft) -> None:
        for kind, group in self.groups.items():
            wanted = draft.traffic_status(kind.value)
            for button in group.buttons():
                button.setChecked(button.property("status") == wanted)
        set_combo(self.civilian_passage, draft.civilian_passage)

    def title(self) -> str:
        return self.tr("What may pass")

    def summary(self) -> str:
        known = [
            f"{label(kind)}: {label(TrafficStatus(self.status(kind)))}"
            for kind in self.groups
            if self.status(kind) != TrafficStatus.UNKNOWN
        ]
        return "; ".join(known) if known else self.tr("nothing known yet")

    def retranslate(self) -> None:
        self.help.setText(help_text("traffic"))
        for head, status in zip(self.header, TrafficStatus, strict=True):
            head.setText(label(status))
        for kind, caption in self.names.items():
            caption.setText(label(kind))
            for button in self.groups[kind].buttons():
                status = TrafficStatus(button.property("status"))
                button.setAccessibleName(f"{label(kind)}: {label(status)}")
        self.passage_head.setText(self.tr("Whose citizens"))
        self.civilian_passage.setAccessibleName(self.tr("Civilians who may cross"))
        self.civilian_passage.setToolTip(help_text("civilian_passage"))
        relabel(self.civilian_passage, CivilianPassage)
