"""The essentials: which crossing, when, and each side's status."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.draft import NewCrossingDraft, ReportDraft
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.vocabulary import SideStatus
from desktop.ui.clipboard import ConcealedLineEdit
from desktop.ui.correspondent.form.section import FormSection
from desktop.ui.correspondent.form.widgets import enum_combo, relabel, set_combo, watch
from desktop.ui.correspondent.gate_chooser import GateChooser
from desktop.ui.labels import help_text


class EssentialsSection(FormSection):
    """Crossing (or one not in the list), observed moment, China and Myanmar side."""

    def __init__(self, gazetteer: Gazetteer, language: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gate = GateChooser(gazetteer, language)
        self.not_listed = QCheckBox()
        self.new_name = ConcealedLineEdit()
        self.new_description = ConcealedLineEdit()
        self.observed = QDateTimeEdit()
        self.observed.setCalendarPopup(True)
        self.observed.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.zone = QLabel()
        self.china_side = enum_combo(SideStatus)
        self.myanmar_side = enum_combo(SideStatus)
        self.china_label, self.myanmar_label = QLabel(), QLabel()
        self.china_label.setBuddy(self.china_side)
        self.myanmar_label.setBuddy(self.myanmar_side)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def add_row(key: str, field: Any, buddy: QWidget) -> None:
            caption = QLabel()
            caption.setBuddy(buddy)
            self.labels[key] = caption
            form.addRow(caption, field)

        gate_row = QVBoxLayout()
        gate_row.addWidget(self.gate)
        gate_row.addWidget(self.not_listed)
        add_row("gate", gate_row, self.gate)
        add_row("new_name", self.new_name, self.new_name)
        add_row("new_description", self.new_description, self.new_description)
        when = QHBoxLayout()
        when.addWidget(self.observed)
        when.addWidget(self.zone, 1)
        add_row("observed_at", when, self.observed)
        sides = QHBoxLayout()
        for caption, combo in (
            (self.china_label, self.china_side),
            (self.myanmar_label, self.myanmar_side),
        ):
            sides.addWidget(caption)
            sides.addWidget(combo, 1)
        add_row("sides", sides, self.china_side)

        self.not_listed.toggled.connect(self._not_listed_toggled)
        self._not_listed_toggled(False)
        for widget in (
            self.gate,
            self.not_listed,
            self.new_name,
            self.new_description,
            self.observed,
            self.china_side,
            self.myanmar_side,
        ):
            watch(widget, self._changed)

    def _not_listed_toggled(self, checked: bool) -> None:
        self.gate.setEnabled(not checked)
        for key, widget in (("new_name", self.new_name), ("new_description", self.new_description)):
            widget.setVisible(checked)
            self.labels[key].setVisible(checked)

    def set_now(self) -> None:
        self.observed.setDateTime(QDateTime.currentDateTime())

    def values(self) -> dict[str, Any]:
        moment = self.observed.dateTime().toSecsSinceEpoch()
        crossing = None
        if self.not_listed.isChecked():
            crossing = NewCrossingDraft(self.new_name.text(), self.new_description.text())
        return {
            "gate": None if crossing is not None else self.gate.gate,
            "new_crossing": crossing,
            "observed_at": datetime.fromtimestamp(moment, UTC),
            "china_side": self.china_side.currentData(),
            "myanmar_side": self.myanmar_side.currentData(),
        }

    def show_draft(self, draft: ReportDraft) -> None:
        crossing = draft.new_crossing
        self.not_listed.setChecked(crossing is not None)
        self.gate.set_gate(draft.gate)
        self.new_name.setText(crossing.name if crossing is not None else "")
        self.new_description.setText(crossing.description if crossing is not None else "")
        if draft.observed_at is not None:
            self.observed.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(draft.observed_at.timestamp()))
            )
        set_combo(self.china_side, draft.china_side)
        set_combo(self.myanmar_side, draft.myanmar_side)

    def retranslate(self) -> None:
        captions = {
            "gate": self.tr("&Crossing:"),
            "new_name": self.tr("Crossin&g name:"),
            "new_description": self.tr("W&here it is:"),
            "observed_at": self.tr("Obser&ved:"),
            "sides": self.tr("Stat&us:"),
        }
        for key, text in captions.items():
            self.labels[key].setText(text)
        self.labels["gate"].setToolTip(help_text("gate"))
        self.gate.setToolTip(help_text("gate"))
        self.observed.setToolTip(help_text("observed_at"))
        self.not_listed.setText(self.tr("The crossing is not in the list"))
        self.new_name.setAccessibleName(self.tr("Name of the crossing not in the list"))
        self.new_description.setPlaceholderText(self.tr("e.g. the footpath 2 km north of Laiza"))
        self.china_label.setText(self.tr("China side"))
        self.myanmar_label.setText(self.tr("Myanmar side"))
        self.china_side.setAccessibleName(self.tr("China side status"))
        self.myanmar_side.setAccessibleName(self.tr("Myanmar side status"))
        self.china_side.setToolTip(help_text("sides"))
        self.myanmar_side.setToolTip(help_text("sides"))
        offset = datetime.now().astimezone().strftime("%z")
        zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
        note = self.tr("your local time") if offset != "+0630" else self.tr("Myanmar time")
        self.zone.setText(f"{zone} ({note})")
        relabel(self.china_side, SideStatus)
        relabel(self.myanmar_side, SideStatus)
