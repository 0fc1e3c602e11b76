"""The desk's "Delivery" view: per device, the envelopes it numbered that have not arrived
(missing, or on their way by hand as a later envelope said), chains that began again, late
and repeated arrivals, and the alarms — a number used twice, a link that does not follow
(`desktop.services.desk.chain`)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain.desk.chain_gaps import Gap, Restart
from desktop.services.desk.chain import DeviceGaps, device_gaps
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

ROLE_ALARM = Qt.ItemDataRole.UserRole


def _day(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d")


class GapsView(QWidget):
    """See the module docstring."""

    error = Signal(object)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._found: list[DeviceGaps] | None = None
        self._serial = 0
        self.hint = WrapLabel()
        self.list = QListWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        self._show_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_hint()
            self._show()
        super().changeEvent(event)

    def _show_hint(self) -> None:
        self.hint.setText(
            self.tr(
                "Every device numbers what it seals. Missing envelopes were not sent yet, "
                "or were lost or held back on the way: the desk cannot tell which. What a "
                "device sealed after the last envelope that arrived cannot show here yet."
            )
        )
        self.list.setAccessibleName(self.tr("Envelopes each device sent"))

    @property
    def found(self) -> list[DeviceGaps] | None:
        return self._found

    def refresh(self) -> None:
        self._serial += 1
        serial = self._serial

        def done(found: list[DeviceGaps]) -> None:
            if serial == self._serial:
                self._found = found
                self._show()

        self._worker.submit(device_gaps, done, self.error.emit)

    def clear(self) -> None:
        self._serial += 1
        self._found = None
        self.list.clear()

    def _show(self) -> None:
        self.list.clear()
        if self._found is None:
            return
        if not self._found:
            self._item(self.tr("No numbered envelopes have arrived yet."))
            return
        for device in self._found:
            self._heading(device.name)
            if not device.gaps:
                self._item(self.tr("Nothing missing"))
            for gap in device.gaps:
                self._item(self._gap_text(gap))
            for restart in device.restarts:
                self._item(self._restart_text(restart))
            if device.late:
                self._item(self.tr("%n arrived late and filled their gap", "", device.late))
            if device.again:
                self._item(self.tr("%n arrived again, kept once", "", device.again))
            for event in device.conflicts:
                self._item(
                    self.tr(
                        "Number {number} was used by two different envelopes: a copy of this "
                        "device, or its key in other hands"
                    ).format(number=event.seq),
                    alarm=True,
                )
            for event in device.broken:
                self._item(
                    self.tr(
                        "Envelope number {number} does not follow the one before it as the "
                        "device sealed it"
                    ).format(number=event.seq),
                    alarm=True,
                )

    def _gap_text(self, gap: Gap) -> str:
        numbers = (
            self.tr("number {first}").format(first=gap.first)
            if gap.count == 1
            else self.tr("numbers {first} to {last}").format(first=gap.first, last=gap.last)
        )
        if gap.carried_at is not None:
            return self.tr(
                "%n on the way by hand ({numbers}), carried {carried} as a later envelope said",
                "",
                gap.count,
            ).format(numbers=numbers, carried=_day(gap.carried_at))
        if gap.since is None:
            return self.tr("%n missing ({numbers})", "", gap.count).format(numbers=numbers)
        return self.tr("%n missing since {day} ({numbers})", "", gap.count).format(
            day=_day(gap.since), numbers=numbers
        )

    def _restart_text(self, restart: Restart) -> str:
        if restart.restored:
            return self.tr(
                "Restored from a backup on {day}, after number {number} of the chain before"
            ).format(day=_day(restart.sealed_at), number=restart.follows_seq)
        return self.tr("Started a new chain on {day} (installed again)").format(
            day=_day(restart.sealed_at)
        )

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.list.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)

    def _item(self, text: str, *, alarm: bool = False) -> None:
        item = QListWidgetItem("    " + ("⚠ " if alarm else "") + text)
        item.setData(ROLE_ALARM, alarm)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)
