"""The duplicates box in the review pane: the group the shown report is in, merged or not.

Shown only when the report is in a group (`desktop.services.desk.duplicates.group_of`):
the reports telling of the same observation, their independent sources, and whether an
editor merged them. *Merge* links every other report of the group to the lead the editor
chooses (the first observed is offered first); *Split* takes the shown report out of its
merged group, or, on the lead, every report linked to it. Nothing is deleted; links are
review events, shared like moves. The box loads its group again whenever a command
changed review states or marks (`StoreWorker.changed`): a rejected report leaves its group.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.domain.desk.review import ReviewError
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes, Done
from desktop.services.desk.duplicates import ReportGroup
from desktop.services.desk.session import DeskSession, DuplicatesView, InboxRow
from desktop.store.database import Store
from desktop.ui.desk.inbox_model import gate_name
from desktop.ui.desk.text import review_error_message
from desktop.ui.desk_clock import desk_time
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel


class DuplicatesBox(QGroupBox):
    """See the module docstring. `changed` carries the ids a merge or split linked anew
    (after every view heard of it through the worker)."""

    changed = Signal(object)  # list[str]
    error = Signal(object)

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self._loaded: DuplicatesView | None = None
        self._serial = 0
        self._busy = False
        self._wanted: str | None = None
        self.summary = WrapLabel()
        self.lead = QComboBox()
        self.lead.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lead.setMinimumContentsLength(12)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge)
        self.split_button = QPushButton()
        self.split_button.clicked.connect(self.split)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lead, 1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.split_button)
        self.message = WrapLabel()
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.hide()
        worker.changed.connect(self._store_changed)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Duplicates"))
        self.merge_button.setText(self.tr("Merge under this lead"))
        self.merge_button.setToolTip(
            self.tr(
                "Link every other report of the group to the lead chosen: one observation, "
                "nothing deleted."
            )
        )
        self.split_button.setText(self.tr("Split off"))
        self.split_button.setToolTip(
            self.tr("Take this report out of its merged group (on the lead: undo the merge).")
        )
        self.lead.setAccessibleName(self.tr("Lead report of the group"))
        self._show()

    def set_report(self, report_id: str | None) -> None:
        """Show the group of `report_id` (hidden when it has none)."""
        self._serial += 1
        self._wanted = report_id
        self.message.hide()
        self._update_buttons()  # never act on the report shown before while this loads
        if report_id is None:
            self._loaded = None
            self._show()
            return
        serial = self._serial

        def done(loaded: DuplicatesView) -> None:
            if serial == self._serial:
                self._loaded = loaded
                self._show()

        self._worker.submit(
            lambda store: DeskSession(store).duplicates(report_id), done, self.error.emit
        )

    def _store_changed(self, changes: Changes) -> None:
        if changes.review and self._wanted is not None:
            self.set_report(self._wanted)

    @property
    def group(self) -> ReportGroup | None:
        """The group shown, once the wanted report's has loaded."""
        loaded = self._loaded
        return None if loaded is None or loaded.report_id != self._wanted else loaded.group

    def _show(self) -> None:
        loaded = self._loaded
        group = None if loaded is None else loaded.group
        self.setVisible(group is not None)
        if loaded is None or group is None:
            return
        others = len(group.report_ids) - 1
        parts = [
            self.tr("This report and %n other(s) tell of one observation.", "", others),
        ]
        if group.sources:
            parts.append(self.tr("%n independent source(s).", "", group.sources))
        if group.merged_lead is not None:
            lead_row = loaded.rows.get(group.merged_lead)
            parts.append(
                self.tr("Merged under the report of {time}.").format(
                    time="?" if lead_row is None else self._time(lead_row)
                )
            )
        self.summary.setText(" ".join(parts))
        chosen = self.lead.currentData()
        self.lead.clear()
        for report_id in group.report_ids:
            row = loaded.rows.get(report_id)
            if row is None:
                continue
            first = row.narrative.strip().splitlines()
            crossing = gate_name(self._gazetteer, row.gate, row.new_crossing, self._language())
            self.lead.addItem(
                f"{self._time(row)} · {crossing} · {first[0] if first else ''}", report_id
            )
        wanted = group.merged_lead if chosen not in group.report_ids else chosen
        self.lead.setCurrentIndex(max(0, self.lead.findData(wanted)))
        self._update_buttons()

    @staticmethod
    def _time(row: InboxRow) -> str:
        return desk_time(row.observed_at, with_zone=True)

    def _update_buttons(self) -> None:
        group = self.group
        self.merge_button.setEnabled(not self._busy and group is not None)
        self.split_button.setEnabled(
            not self._busy and group is not None and self._split_ids(group) != []
        )

    def _split_ids(self, group: ReportGroup) -> list[str]:
        assert self._loaded is not None
        shown = self._loaded.report_id
        if shown in group.linked:
            return [shown]
        if shown == group.merged_lead:
            return sorted(group.linked)
        return []

    def merge(self) -> None:
        group, lead = self.group, self.lead.currentData()
        if group is None or not isinstance(lead, str) or self._busy:
            return
        others = [r for r in group.report_ids if r != lead]
        self._run(lambda store: DeskSession(store).merge(lead, others))

    def split(self) -> None:
        group = self.group
        if group is None or self._busy:
            return
        ids = self._split_ids(group)
        if ids:
            self._run(lambda store: DeskSession(store).split(ids))

    def _run(self, work: Callable[[Store], Done[list[str]]]) -> None:
        self._busy = True
        self._update_buttons()
        self.message.hide()

        def done(ids: list[str]) -> None:
            self._busy = False  # the group loads again on the worker's `changed`
            self._update_buttons()
            self.changed.emit(ids)

        def failed(error: Exception) -> None:
            self._busy = False
            self._update_buttons()
            if isinstance(error, ReviewError):
                self.message.setText(review_error_message(error))
                self.message.show()
            else:
                self.error.emit(error)

        self._worker.command(work, done, failed)
