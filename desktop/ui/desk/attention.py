"""The "Needs attention" view: in order, answers that arrived, conflicts on the board,
reports assigned to this desk, and new reports; Enter or a double click opens one in the
inbox, and I goes to the inbox (the first view after unlock: one key away from keyboard
triage). `counted` carries the total the window shows in its title. The list asks again
by itself when a command changed what the board derives from (`StoreWorker.changed`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes
from desktop.services.desk.session import AttentionList, DeskSession
from desktop.ui.desk.board_view import aspect_label
from desktop.ui.desk.inbox_model import gate_name
from desktop.ui.desk_clock import desk_time
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

ROLE_REPORT = Qt.ItemDataRole.UserRole


class AttentionView(QWidget):
    """See the module docstring."""

    report_requested = Signal(str)
    inbox_requested = Signal()
    counted = Signal(int)
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
        self._loaded: AttentionList | None = None
        self._serial = 0
        self.list = QListWidget()
        self.list.itemActivated.connect(self._activated)
        self.to_inbox = QShortcut(QKeySequence("I"), self.list)
        self.to_inbox.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.to_inbox.activated.connect(self.inbox_requested)
        self.hint = WrapLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        worker.changed.connect(self._changed)
        self._show_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_hint()
            self._show()
        super().changeEvent(event)

    def _show_hint(self) -> None:
        self.hint.setText(
            self.tr(
                "Enter opens the report in the inbox. I goes to the inbox, where J, K, V, F "
                "and R triage from the keyboard (? lists the keys)."
            )
        )
        self.list.setAccessibleName(self.tr("What needs attention"))

    @property
    def count(self) -> int | None:
        return None if self._loaded is None else self._loaded.attention.count

    def refresh(self) -> None:
        self._serial += 1
        serial = self._serial
        gazetteer = self._gazetteer

        def done(loaded: AttentionList) -> None:
            if serial == self._serial:
                self._loaded = loaded
                self._show()
                self.counted.emit(loaded.attention.count)

        self._worker.submit(
            lambda store: DeskSession(store).attention(gazetteer), done, self.error.emit
        )

    def _changed(self, changes: Changes) -> None:
        # Only the desk's own flags: answers arrive with a pull (which sets them all).
        if changes.board:
            self.refresh()

    def clear(self) -> None:
        self._serial += 1
        self._loaded = None
        self.list.clear()
        self.counted.emit(0)

    def _show(self) -> None:
        current = self.list.currentItem()
        was = None if current is None else current.data(ROLE_REPORT)
        self.list.clear()
        loaded = self._loaded
        if loaded is None:
            return
        found = loaded.attention
        self._heading(self.tr("Answers that arrived ({count})").format(count=len(found.answers)))
        for waiting in found.answers:
            self._report(loaded, waiting.report_id)
        self._heading(
            self.tr("Conflicts on the board ({count})").format(count=len(found.conflicts))
        )
        for conflict in found.conflicts:
            text = self.tr("{crossing}: {aspect}, verified reports disagree").format(
                crossing=gate_name(self._gazetteer, conflict.gate, None, self._language()),
                aspect=aspect_label(conflict.aspect),
            )
            self._item(text, conflict.report_ids[0] if conflict.report_ids else None)
        self._heading(self.tr("Assigned to me ({count})").format(count=len(found.mine)))
        for waiting in found.mine:
            self._report(loaded, waiting.report_id)
        self._heading(self.tr("New reports ({count})").format(count=found.new_count))
        for waiting in found.new:
            self._report(loaded, waiting.report_id)
        if found.new_count > len(found.new):
            self._item(
                self.tr("… and {count} more in the inbox").format(
                    count=found.new_count - len(found.new)
                ),
                None,
            )
        # The arrows and Enter work at once: the entry the editor was on, else the first
        # that opens a report, is current.
        rows = [
            row
            for row in range(self.list.count())
            if isinstance(self.list.item(row).data(ROLE_REPORT), str)
        ]
        kept = [row for row in rows if self.list.item(row).data(ROLE_REPORT) == was]
        if rows:
            self.list.setCurrentRow((kept or rows)[0])

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, never selected
        self.list.addItem(item)

    def _report(self, loaded: AttentionList, report_id: str) -> None:
        row = loaded.rows.get(report_id)
        if row is None:
            return
        first = row.narrative.strip().splitlines()
        text = "{time} · {crossing} · {what}".format(
            time=desk_time(row.observed_at, with_zone=True),
            crossing=gate_name(self._gazetteer, row.gate, row.new_crossing, self._language()),
            what=first[0] if first else "",
        )
        self._item(text, report_id)

    def _item(self, text: str, report_id: str | None) -> None:
        item = QListWidgetItem("    " + text)
        item.setData(ROLE_REPORT, report_id)
        if report_id is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        report_id: Any = item.data(ROLE_REPORT)
        if isinstance(report_id, str):
            self.report_requested.emit(report_id)
