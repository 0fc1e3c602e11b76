"""The report form: new report, edit a draft, or correct a sent report (a new revision).

The form turns its widgets into the report's JSON body (`body()`) and back (`load()`).
It never validates by itself beyond what widgets enforce: the store keeps incomplete
drafts, and queueing runs the domain validator, whose field-named errors are shown here.
Drafts are autosaved through the store worker every few seconds and on every focus change.

Saving: every save sends a snapshot of the widgets to the worker at once; the worker runs
them in order. The id of the draft lives in a `_DraftRef` shared with those jobs, so a save
sent while the first one (which creates the draft) is still running writes to the same
draft. A lock or a quit therefore only has to send one last save before closing the store:
it is stored even though its answer never comes back (the worker drops the callbacks of
an older session).
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.pseudonym import generate_pseudonym
from desktop.domain.report import Report
from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
    Controller,
    Currency,
    HowKnown,
    PriceUnit,
    Reliability,
    Shortage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
)
from desktop.services import capture
from desktop.store.database import Store
from desktop.ui.clipboard import ConcealedLineEdit, ConcealedPlainTextEdit
from desktop.ui.errors import user_message
from desktop.ui.gate_chooser import GateChooser
from desktop.ui.i18n import fit_font
from desktop.ui.labels import credibility_label, help_text, label
from desktop.ui.locks import discard
from desktop.ui.photo_strip import PhotoStrip
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel, set_message
from desktop.ui.zawgyi_offer import ZawgyiOffer

AUTOSAVE_MS = 3000


class _DraftRef:
    """Which draft one form session writes to; read and written by the save jobs on the
    worker thread, which run one after another (see the module docstring)."""

    def __init__(self, draft_id: str | None = None, replaces: str | None = None) -> None:
        self.id = draft_id
        self.replaces = replaces


def _save_job(store: Store, gazetteer: Gazetteer, body: dict[str, Any], ref: _DraftRef) -> str:
    ref.id = capture.save_draft(
        store, gazetteer, body, draft_id=ref.id, replaces=None if ref.id else ref.replaces
    )
    return ref.id


def _delete_job(store: Store, ref: _DraftRef) -> None:
    if ref.id is not None:
        capture.delete_draft(store, ref.id)
        ref.id = None


def _enum_combo(kind: Any, *, with_none: bool = False) -> QComboBox:
    combo = QComboBox()
    if with_none:
        combo.addItem("—", None)
    for value in kind:
        combo.addItem(label(value), value.value)
    return combo


def _relabel(combo: QComboBox, kind: Any) -> None:
    for index in range(combo.count()):
        data = combo.itemData(index)
        if data is not None:
            combo.setItemText(index, label(kind(data)))


def _checked_status(group: QButtonGroup) -> str:
    button = group.checkedButton()
    return "unknown" if button is None else str(button.property("status"))


def _set_combo(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class ReportForm(QWidget):
    """See the module docstring. Emits `closed` when the user leaves the form."""

    closed = Signal()
    saved = Signal(str)  # draft id, after every successful save
    queued = Signal(str)  # report id
    deleted = Signal(str)  # the deleted draft's id
    error = Signal(object)  # an exception, or a message
    state_changed = Signal()  # active, queueing, draft id: what the window's actions offer

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self._language = language
        self.draft_id: str | None = None
        self.replaces: str | None = None
        self._ref = _DraftRef()
        self._dirty = False
        self._active = False
        self._queueing = False
        self._loading = False
        self._price_row = -1

        self._build()
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_if_dirty)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.retranslate()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.gate = GateChooser(self._gazetteer, self._language)
        self.not_listed = QCheckBox()
        self.new_name = ConcealedLineEdit()
        self.new_description = ConcealedLineEdit()
        self.observed = QDateTimeEdit()
        self.observed.setCalendarPopup(True)
        self.observed.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.zone = QLabel()
        self.china_side = _enum_combo(SideStatus)
        self.myanmar_side = _enum_combo(SideStatus)
        self.civilian_passage = _enum_combo(CivilianPassage)
        self.controlled_by = _enum_combo(Controller)
        self.how_known = _enum_combo(HowKnown)
        self.people = QSpinBox()
        self.people.setRange(-1, 10_000_000)
        self.people.setSpecialValueText("—")
        self.people.setValue(-1)

        self.traffic_box = QGroupBox()
        grid = QGridLayout(self.traffic_box)
        self.traffic_groups: dict[TrafficKind, QButtonGroup] = {}
        self.traffic_labels: dict[TrafficKind, QLabel] = {}
        self.traffic_header: list[QLabel] = []
        for column in range(1, len(TrafficStatus) + 1):
            head = QLabel()
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, column)
            self.traffic_header.append(head)
        for row, kind in enumerate(TrafficKind, start=1):
            name = QLabel()
            grid.addWidget(name, row, 0)
            self.traffic_labels[kind] = name
            group = QButtonGroup(self)
            for column, status in enumerate(TrafficStatus, start=1):
                button = QRadioButton()
                button.setProperty("status", status.value)
                group.addButton(button, column)
                grid.addWidget(button, row, column, Qt.AlignmentFlag.AlignCenter)
                if status is TrafficStatus.UNKNOWN:
                    button.setChecked(True)
            self.traffic_groups[kind] = group
            group.buttonToggled.connect(self._changed)

        self.barrier_box = QGroupBox()
        self.barriers = self._checkboxes(self.barrier_box, Barrier, columns=3)
        self.shortage_box = QGroupBox()
        self.shortages = self._checkboxes(self.shortage_box, Shortage, columns=4)

        self.prices_box = QGroupBox()
        self.prices = QTableWidget(0, 4)
        self.prices.verticalHeader().hide()
        prices_header = self.prices.horizontalHeader()
        prices_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            prices_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.prices.setTabKeyNavigation(False)  # Tab moves between the rows' fields
        self.prices.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prices.setMinimumHeight(90)
        self.prices.setMaximumHeight(170)
        self.add_price = QPushButton()
        self.remove_price = QPushButton()
        prices_layout = QVBoxLayout(self.prices_box)
        prices_layout.addWidget(self.prices)
        price_buttons = QHBoxLayout()
        price_buttons.addWidget(self.add_price)
        price_buttons.addWidget(self.remove_price)
        price_buttons.addStretch(1)
        prices_layout.addLayout(price_buttons)

        self.source_box = QGroupBox()
        self.source_category = _enum_combo(SourceCategory, with_none=True)
        self.reliability = _enum_combo(Reliability)
        self.credibility = QComboBox()
        for value in range(1, 7):
            self.credibility.addItem(credibility_label(value), value)
        self.pseudonym = ConcealedLineEdit()
        self.pseudonym.setReadOnly(True)
        self.generate = QPushButton()
        source_form = QFormLayout(self.source_box)
        self.source_help = WrapLabel()
        self.source_help.setStyleSheet("color: #555;")
        source_form.addRow(self.source_help)
        self.category_label = QLabel()
        self.reliability_label = QLabel()
        self.credibility_label = QLabel()
        self.pseudonym_label = QLabel()
        pseudonym_row = QHBoxLayout()
        pseudonym_row.addWidget(self.pseudonym, 1)
        pseudonym_row.addWidget(self.generate)
        source_form.addRow(self.category_label, self.source_category)
        source_form.addRow(self.reliability_label, self.reliability)
        source_form.addRow(self.credibility_label, self.credibility)
        source_form.addRow(self.pseudonym_label, pseudonym_row)

        self.narrative = ConcealedPlainTextEdit()
        self.narrative.setMinimumHeight(120)
        self.zawgyi = ZawgyiOffer(self.narrative)

        self.photos = PhotoStrip(self._worker, self)

        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.save_button = QPushButton()
        self.queue_button = QPushButton()
        self.queue_button.setDefault(True)
        self.close_button = QPushButton()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def add_row(key: str, widget: Any) -> None:
            caption = QLabel()
            self.labels[key] = caption
            if isinstance(widget, QWidget):
                caption.setBuddy(widget)
            form.addRow(caption, widget)

        gate_row = QVBoxLayout()
        gate_row.addWidget(self.gate)
        gate_row.addWidget(self.not_listed)
        add_row("gate", gate_row)
        self.labels["gate"].setBuddy(self.gate)
        add_row("new_name", self.new_name)
        add_row("new_description", self.new_description)
        when = QHBoxLayout()
        when.addWidget(self.observed)
        when.addWidget(self.zone, 1)
        add_row("observed_at", when)
        self.labels["observed_at"].setBuddy(self.observed)
        sides = QHBoxLayout()
        self.china_label, self.myanmar_label = QLabel(), QLabel()
        self.china_label.setBuddy(self.china_side)
        self.myanmar_label.setBuddy(self.myanmar_side)
        for caption, combo in (
            (self.china_label, self.china_side),
            (self.myanmar_label, self.myanmar_side),
        ):
            sides.addWidget(caption)
            sides.addWidget(combo, 1)
        add_row("sides", sides)
        self.labels["sides"].setBuddy(self.china_side)
        add_row("controlled_by", self.controlled_by)
        add_row("civilian_passage", self.civilian_passage)
        add_row("people", self.people)
        add_row("how_known", self.how_known)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.heading)
        content_layout.addLayout(form)
        content_layout.addWidget(self.traffic_box)
        content_layout.addWidget(self.barrier_box)
        content_layout.addWidget(self.shortage_box)
        content_layout.addWidget(self.prices_box)
        content_layout.addWidget(self.source_box)
        self.narrative_label = QLabel()
        self.narrative_label.setBuddy(self.narrative)
        content_layout.addWidget(self.narrative_label)
        content_layout.addWidget(self.zawgyi)
        content_layout.addWidget(self.narrative)
        content_layout.addWidget(self.photos)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.queue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

        self.not_listed.toggled.connect(self._not_listed_toggled)
        self._not_listed_toggled(False)
        self.add_price.clicked.connect(lambda: self._add_price_row())
        self.remove_price.clicked.connect(self._remove_price_row)
        self.generate.clicked.connect(self.generate_pseudonym)
        self.source_category.currentIndexChanged.connect(lambda _: self._source_toggled())
        self.save_button.clicked.connect(lambda: self.save(explicit=True))
        self.queue_button.clicked.connect(self.queue)
        self.close_button.clicked.connect(self.close_form)
        self.narrative.textChanged.connect(self._narrative_changed)
        self.zawgyi.offered_changed.connect(lambda _: self.state_changed.emit())
        self.zawgyi.wants_view.connect(lambda: self.ensure_visible(self.zawgyi))
        self.zawgyi.paused.connect(lambda: fit_font(self.narrative, self.narrative.toPlainText()))
        self.photos.changed.connect(self._photos_changed)
        self.photos.removed.connect(self._photo_removed)
        self.photos.needs_draft.connect(self._photo_needs_draft)
        # Save, queue, back (Esc) and the rest are the window's menu actions.
        remove_photo = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.photos.list)
        remove_photo.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_photo.activated.connect(self.photos.remove_selected)
        for widget in self._inputs():
            self._watch(widget)
        self._source_toggled()

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll the form so `widget` shows (the photo strip, the Zawgyi offer)."""
        self.scroll_area.ensureWidgetVisible(widget, 0, 24)

    def _checkboxes(self, box: QGroupBox, kind: Any, *, columns: int) -> dict[str, QCheckBox]:
        grid = QGridLayout(box)
        boxes: dict[str, QCheckBox] = {}
        for index, value in enumerate(kind):
            check = QCheckBox(label(value))
            grid.addWidget(check, index // columns, index % columns)
            boxes[value.value] = check
        return boxes

    def _inputs(self) -> list[QWidget]:
        return [
            self.gate,
            self.not_listed,
            self.new_name,
            self.new_description,
            self.observed,
            self.china_side,
            self.myanmar_side,
            self.civilian_passage,
            self.controlled_by,
            self.people,
            self.how_known,
            self.source_category,
            self.reliability,
            self.credibility,
            self.pseudonym,
            self.narrative,
            *self.barriers.values(),
            *self.shortages.values(),
        ]

    def _watch(self, widget: QWidget) -> None:
        for signal_name in (
            "textChanged",
            "currentIndexChanged",
            "toggled",
            "valueChanged",
            "dateTimeChanged",
        ):
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(self._changed)
                return

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._update_heading()
        captions = {
            "gate": self.tr("&Crossing:"),
            "new_name": self.tr("Crossin&g name:"),
            "new_description": self.tr("W&here it is:"),
            "observed_at": self.tr("Obser&ved:"),
            "sides": self.tr("Stat&us:"),
            "controlled_by": self.tr("Controlled &by:"),
            "civilian_passage": self.tr("Civilians who ma&y cross:"),
            "people": self.tr("People &stranded:"),
            "how_known": self.tr("How &known:"),
        }
        for key, text in captions.items():
            self.labels[key].setText(text)
        self.labels["gate"].setToolTip(help_text("gate"))
        self.gate.setToolTip(help_text("gate"))
        self.observed.setToolTip(help_text("observed_at"))
        self.controlled_by.setToolTip(help_text("controlled_by"))
        self.civilian_passage.setToolTip(help_text("civilian_passage"))
        self.how_known.setToolTip(help_text("how_known"))
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
        self.people.setAccessibleName(self.tr("People stranded or turned back"))
        self.people.setToolTip(self.tr("An estimate is fine. Leave at — if nobody said."))
        self.traffic_box.setTitle(self.tr("What may pass"))
        self.traffic_box.setToolTip(help_text("traffic"))
        for head, status in zip(self.traffic_header, TrafficStatus, strict=True):
            head.setText(label(status))
        for kind, caption in self.traffic_labels.items():
            caption.setText(label(kind))
            for button in self.traffic_groups[kind].buttons():
                status = TrafficStatus(button.property("status"))
                button.setAccessibleName(f"{label(kind)}: {label(status)}")
        self.barrier_box.setTitle(self.tr("Barrier on the Myanmar side"))
        self.barrier_box.setToolTip(help_text("barrier"))
        for value, check in self.barriers.items():
            check.setText(label(Barrier(value)))
        self.shortage_box.setTitle(self.tr("Shortages in town"))
        for value, check in self.shortages.items():
            check.setText(label(Shortage(value)))
        self.prices_box.setTitle(self.tr("Prices"))
        self.prices_box.setToolTip(help_text("prices"))
        self.prices.setHorizontalHeaderLabels(
            [self.tr("Commodity"), self.tr("Unit"), self.tr("Amount"), self.tr("Currency")]
        )
        self.prices.setAccessibleName(self.tr("Prices"))
        for row in range(self.prices.rowCount()):
            self._label_price_row(row)
        self.add_price.setText(self.tr("&Add price"))
        self.remove_price.setText(self.tr("Re&move price"))
        self.source_box.setTitle(self.tr("Source"))  # its help text says "never a name"
        self.source_help.setText(help_text("source"))
        self.category_label.setText(self.tr("Wh&o:"))
        self.reliability_label.setText(self.tr("Rel&iability:"))
        self.credibility_label.setText(self.tr("Cr&edibility:"))
        self.pseudonym_label.setText(self.tr("&Pseudonym:"))
        self.category_label.setBuddy(self.source_category)
        self.reliability_label.setBuddy(self.reliability)
        self.credibility_label.setBuddy(self.credibility)
        self.pseudonym_label.setBuddy(self.pseudonym)
        self.pseudonym.setToolTip(help_text("pseudonym"))
        self.generate.setText(self.tr("Generate pseudonym"))
        self.generate.setToolTip(self.tr("Ctrl+G"))
        self.source_category.setAccessibleName(self.tr("Source category"))
        self.reliability.setAccessibleName(self.tr("Source reliability"))
        self.credibility.setAccessibleName(self.tr("Information credibility"))
        self.pseudonym.setAccessibleName(self.tr("Source pseudonym"))
        for combo, vocabulary in (
            (self.china_side, SideStatus),
            (self.myanmar_side, SideStatus),
            (self.civilian_passage, CivilianPassage),
            (self.controlled_by, Controller),
            (self.how_known, HowKnown),
            (self.source_category, SourceCategory),
            (self.reliability, Reliability),
        ):
            _relabel(combo, vocabulary)
        for index in range(self.credibility.count()):
            self.credibility.setItemText(index, credibility_label(index + 1))
        self.narrative_label.setText(self.tr("&What happened:"))
        self.narrative.setPlaceholderText(help_text("narrative"))
        self.narrative.setAccessibleName(self.tr("What happened"))
        self.save_button.setText(self.tr("Save dra&ft"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.queue_button.setText(self.tr("&Queue for sending"))
        self.queue_button.setToolTip(self.tr("Ctrl+Enter"))
        self.close_button.setText(self.tr("Back to list"))
        self.close_button.setToolTip(self.tr("Esc. The draft is kept."))

    def _update_heading(self) -> None:
        if self.replaces is not None:
            self.heading.setText(self.tr("Correct a sent report (new revision)"))
        elif self.draft_id is not None:
            self.heading.setText(self.tr("Edit draft"))
        else:
            self.heading.setText(self.tr("New report"))

    # -- loading and reading -------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for a new report, observed now."""
        self._reset()
        self._loading = True
        self.observed.setDateTime(QDateTime.currentDateTime())
        self._loading = False
        self._begin()

    def start_edit(self, draft_id: str, body: dict[str, Any]) -> None:
        self._reset()
        self.draft_id = draft_id
        self._ref = _DraftRef(draft_id)
        self.load(body)
        self.photos.show_report(draft_id)
        self._begin()

    def start_correction(self, original_id: str, body: dict[str, Any]) -> None:
        """A new revision prefilled with the report it corrects. Nothing is stored until
        the user changes something: leaving at once leaves no draft behind."""
        self._reset()
        self.replaces = original_id
        self._ref = _DraftRef(None, original_id)
        self.load(body)
        self._begin()

    @property
    def active(self) -> bool:
        """Whether the form holds a report being edited (between start_* and clear)."""
        return self._active

    @property
    def queueing(self) -> bool:
        return self._queueing

    def _begin(self) -> None:
        self._active = True
        self._update_heading()
        self._autosave.start()
        fit_font(self.narrative, self.narrative.toPlainText())
        self.zawgyi.check()
        self.gate.setFocus()
        self.state_changed.emit()

    def _reset(self) -> None:
        self._autosave.stop()
        self.zawgyi.reset()
        self._active = False
        self._queueing = False
        self.draft_id = None
        self.replaces = None
        self._ref = _DraftRef()
        self._dirty = False
        self._loading = True
        self.load({})
        self._loading = False
        self.photos.clear()
        self.status.clear()
        self.zawgyi.reset()
        self.narrative.setExtraSelections([])
        self.queue_button.setEnabled(True)
        self.state_changed.emit()

    def clear(self) -> None:
        """Forget everything typed (on lock, after saving): no text stays in a widget.
        Answers still on their way for the old report are ignored."""
        self._reset()

    def load(self, body: dict[str, Any]) -> None:
        """Fill the widgets from a (possibly incomplete) report body."""
        self._loading = True
        try:
            crossing = body.get("new_crossing")
            self.not_listed.setChecked(isinstance(crossing, dict))
            self.gate.set_gate(body.get("gate") if isinstance(body.get("gate"), str) else None)
            if isinstance(crossing, dict):
                self.new_name.setText(str(crossing.get("name") or ""))
                self.new_description.setText(str(crossing.get("description") or ""))
            else:
                self.new_name.clear()
                self.new_description.clear()
            observed = body.get("observed_at")
            if isinstance(observed, str):
                try:
                    moment = datetime.fromisoformat(observed)
                except ValueError:
                    moment = None
                if moment is not None and moment.tzinfo is not None:
                    self.observed.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
            _set_combo(self.china_side, body.get("china_side", "unknown"))
            _set_combo(self.myanmar_side, body.get("myanmar_side", "unknown"))
            _set_combo(self.civilian_passage, body.get("civilian_passage", "unknown"))
            _set_combo(self.controlled_by, body.get("controlled_by", "unknown"))
            _set_combo(self.how_known, body.get("how_known", "witnessed"))
            people = body.get("people_stranded")
            self.people.setValue(people if isinstance(people, int) else -1)
            traffic = body.get("traffic") if isinstance(body.get("traffic"), dict) else {}
            for kind, group in self.traffic_groups.items():
                wanted = traffic.get(kind.value, "unknown") if traffic else "unknown"
                for button in group.buttons():
                    button.setChecked(button.property("status") == wanted)
            for key, boxes in (("barrier", self.barriers), ("shortages", self.shortages)):
                chosen = body.get(key) if isinstance(body.get(key), list) else []
                for value, check in boxes.items():
                    check.setChecked(value in (chosen or []))
            self.prices.setRowCount(0)
            for price in body.get("prices") or []:
                if isinstance(price, dict):
                    self._add_price_row(price)
            source = body.get("source")
            if isinstance(source, dict):
                _set_combo(self.source_category, source.get("category"))
                _set_combo(self.reliability, source.get("reliability", "F"))
                _set_combo(self.credibility, source.get("credibility", 6))
                self.pseudonym.setText(str(source.get("pseudonym") or ""))
            else:
                self.source_category.setCurrentIndex(0)
                _set_combo(self.reliability, "F")
                _set_combo(self.credibility, 6)
                self.pseudonym.clear()
            narrative = body.get("narrative")
            self.narrative.setPlainText(narrative if isinstance(narrative, str) else "")
        finally:
            self._loading = False
        self._source_toggled()

    def body(self) -> dict[str, Any]:
        """The report body the widgets show: the JSON form, possibly incomplete."""
        body: dict[str, Any] = {}
        if self.not_listed.isChecked():
            body["gate"] = None
            crossing: dict[str, Any] = {"name": self.new_name.text().strip()}
            if self.new_description.text().strip():
                crossing["description"] = self.new_description.text().strip()
            body["new_crossing"] = crossing
        else:
            body["gate"] = self.gate.gate
            body["new_crossing"] = None
        moment = self.observed.dateTime().toSecsSinceEpoch()
        body["observed_at"] = datetime.fromtimestamp(moment, UTC).isoformat()
        body["china_side"] = self.china_side.currentData()
        body["myanmar_side"] = self.myanmar_side.currentData()
        body["traffic"] = {
            kind.value: _checked_status(group) for kind, group in self.traffic_groups.items()
        }
        body["civilian_passage"] = self.civilian_passage.currentData()
        body["controlled_by"] = self.controlled_by.currentData()
        body["barrier"] = [v for v, check in self.barriers.items() if check.isChecked()]
        body["shortages"] = [v for v, check in self.shortages.items() if check.isChecked()]
        body["prices"] = self._prices()
        body["people_stranded"] = None if self.people.value() < 0 else self.people.value()
        body["how_known"] = self.how_known.currentData()
        category = self.source_category.currentData()
        body["source"] = (
            None
            if category is None
            else {
                "category": category,
                "reliability": self.reliability.currentData(),
                "credibility": self.credibility.currentData(),
                "pseudonym": self.pseudonym.text() or None,
            }
        )
        body["narrative"] = self.narrative.toPlainText()
        return body

    def _prices(self) -> list[dict[str, Any]]:
        prices = []
        for row in range(self.prices.rowCount()):
            commodity = self.prices.cellWidget(row, 0)
            unit = self.prices.cellWidget(row, 1)
            amount = self.prices.cellWidget(row, 2)
            currency = self.prices.cellWidget(row, 3)
            if not (
                isinstance(commodity, QLineEdit)
                and isinstance(unit, QComboBox)
                and isinstance(amount, QDoubleSpinBox)
                and isinstance(currency, QComboBox)
            ):
                continue
            value = amount.value()
            prices.append(
                {
                    "commodity": commodity.text().strip(),
                    "unit": unit.currentData(),
                    "amount": int(value) if value.is_integer() else value,
                    "currency": currency.currentData(),
                }
            )
        return prices

    def _add_price_row(self, price: dict[str, Any] | None = None) -> None:
        price = price or {}
        row = self.prices.rowCount()
        self.prices.insertRow(row)
        commodity = ConcealedLineEdit(str(price.get("commodity") or ""))
        unit = _enum_combo(PriceUnit)
        _set_combo(unit, price.get("unit", "litre"))
        amount = QDoubleSpinBox()
        amount.setRange(0, 1e12)
        amount.setDecimals(2)
        amount.setGroupSeparatorShown(True)
        raw = price.get("amount")
        amount.setValue(float(raw) if isinstance(raw, int | float) else 0.0)
        currency = _enum_combo(Currency)
        _set_combo(currency, price.get("currency", "MMK"))
        widgets = (commodity, unit, amount, currency)
        for column, widget in enumerate(widgets):
            self.prices.setCellWidget(row, column, widget)
            self._watch(widget)
        self._label_price_row(row)
        # Cell widgets join the focus chain at its end: put the row after the one above
        # (or after what precedes the table) and before "Add price".
        previous: QWidget = self._price_widget(row - 1, 3) or self.prices
        for widget in widgets:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.add_price)
        if not self._loading:
            commodity.setFocus()
            self._changed()

    def _price_widget(self, row: int, column: int) -> QWidget | None:
        widget = self.prices.cellWidget(row, column) if row >= 0 else None
        return widget if isinstance(widget, QWidget) else None

    def _label_price_row(self, row: int) -> None:
        names = (self.tr("Commodity"), self.tr("Unit"), self.tr("Amount"), self.tr("Currency"))
        for column, name in enumerate(names):
            widget = self._price_widget(row, column)
            if widget is None:
                continue
            widget.setAccessibleName(
                self.tr("{field}, price {number}").format(field=name, number=row + 1)
            )
            if isinstance(widget, QComboBox):
                _relabel(widget, PriceUnit if column == 1 else Currency)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(self.tr("e.g. diesel"))

    def _remove_price_row(self) -> None:
        row = self._price_row if 0 <= self._price_row < self.prices.rowCount() else -1
        if row < 0:
            row = self.prices.rowCount() - 1
        if row >= 0:
            self.prices.removeRow(row)
            self._price_row = -1
            for later in range(row, self.prices.rowCount()):
                self._label_price_row(later)
            self._changed()

    def _not_listed_toggled(self, checked: bool) -> None:
        self.gate.setEnabled(not checked)
        for key, widget in (("new_name", self.new_name), ("new_description", self.new_description)):
            widget.setVisible(checked)
            if key in getattr(self, "labels", {}):
                self.labels[key].setVisible(checked)

    def _source_toggled(self) -> None:
        has_source = self.source_category.currentData() is not None
        for widget in (self.reliability, self.credibility, self.pseudonym, self.generate):
            widget.setEnabled(has_source)

    def generate_pseudonym(self) -> None:
        """Fill in a new made-up name for the source (only when a source is chosen)."""
        if self._active and self.generate.isEnabled():
            self.pseudonym.setText(generate_pseudonym())

    # -- saving --------------------------------------------------------------------------

    def _changed(self, *_: object) -> None:
        if not self._loading and self._active:
            self._dirty = True

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            for row in range(self.prices.rowCount()):
                for column in range(4):
                    if self._price_widget(row, column) is new:
                        self._price_row = row
        if old is not None and self.isAncestorOf(old):
            self.save_if_dirty()

    def save_if_dirty(self) -> None:
        """Save if something changed since the last save (autosave, focus change, lock,
        quit). The save is sent to the worker at once, whatever is still in flight."""
        if self._dirty and self._active:
            self.save()

    def save(
        self,
        *,
        explicit: bool = False,
        then: Any = None,
        otherwise: Any = None,
    ) -> None:
        """Save a snapshot of the form as the draft; `then()` runs once it is stored,
        `otherwise()` if it could not be. Does nothing when no report is being edited."""
        if not self._active:
            return
        self._dirty = False
        ref = self._ref
        job = partial(_save_job, gazetteer=self._gazetteer, body=self.body(), ref=ref)

        def done(draft_id: str) -> None:
            if ref is not self._ref:
                return  # the form moved on to another report meanwhile
            self.draft_id = draft_id
            self._update_heading()
            stamp = datetime.now().strftime("%H:%M:%S")
            self.status.setText(self.tr("Draft saved at {time}").format(time=stamp))
            self.saved.emit(draft_id)
            self.state_changed.emit()
            if then is not None:
                then()

        def failed(error: Exception) -> None:
            if ref is not self._ref:
                return
            self._dirty = True
            self.status.setText(self.tr("Not saved: {reason}").format(reason=user_message(error)))
            self.error.emit(error)
            if otherwise is not None:
                otherwise()

        self._worker.submit(job, done, failed)
        _ = explicit

    def queue(self) -> None:
        """Check for personal data, save, validate and queue; stay on errors. Does
        nothing while a queue is already in flight."""
        if not self._active or self._queueing:
            return
        findings = capture.pii_findings(self.body())
        if findings:
            confirmed = self._confirm_pii(findings)
            # A lock may have come while the warning was open: the form is empty now.
            if not confirmed or not self._active or not self._worker.is_open:
                return
        self._set_queueing(True)
        self.save(then=self._queue_saved, otherwise=lambda: self._set_queueing(False))

    def _set_queueing(self, queueing: bool) -> None:
        self._queueing = queueing
        self.queue_button.setEnabled(not queueing)
        self.state_changed.emit()

    def _queue_saved(self) -> None:
        ref = self._ref
        draft_id = self.draft_id
        if draft_id is None:
            self._set_queueing(False)
            return

        def done(report: Report) -> None:
            if ref is not self._ref:
                return
            self._autosave.stop()
            self.queued.emit(report.id)
            self.clear()
            self.closed.emit()

        def failed(error: Exception) -> None:
            if ref is not self._ref:
                return
            self._set_queueing(False)
            if isinstance(error, ReportValidationError):
                self.status.setText(self.tr("Kept as a draft."))
                self._show_not_ready(error.errors)
            else:
                self.error.emit(error)

        self._worker.submit(
            partial(capture.queue_draft, gazetteer=self._gazetteer, draft_id=draft_id),
            done,
            failed,
        )

    # -- validation messages ---------------------------------------------------------------

    def field_problem(self, error: FieldError) -> tuple[str, str, QWidget]:
        """A validation error in words: the field's label, what to do, and the widget to
        put the cursor in. Never the raw path, never the typed value."""
        head, _, rest = error.path.partition(".")
        key = head.split("[", 1)[0]
        too_long = "too long" in error.message
        fix = self.tr("too long: shorten it") if too_long else self.tr("check this field")
        if key == "gate":
            hint = self.tr("choose one from the list, or tick “not in the list” and give its name")
            return self.tr("Crossing"), hint, self.gate
        if key == "new_crossing":
            if rest == "description":
                return self.tr("Where it is"), fix, self.new_description
            if not too_long:
                fix = self.tr("give the crossing a name")
            return self.tr("Crossing name"), fix, self.new_name
        if key == "observed_at":
            fix = self.tr("check the date and time: not in the future, not before 2000")
            return self.tr("Observed"), fix, self.observed
        if key == "prices":
            row = _index_in(head)
            column = {"commodity": 0, "unit": 1, "amount": 2, "currency": 3}.get(rest, 0)
            if rest == "commodity" and "empty" in error.message:
                fix = self.tr("name the commodity")
            name = self.tr("Price {number}").format(number=row + 1)
            return name, fix, self._price_widget(row, column) or self.add_price
        if key == "source":
            if not rest:
                fix = self.tr("choose who told you, or change “How known”")
            return self.tr("Source"), fix, self.source_category
        simple: dict[str, tuple[str, QWidget]] = {
            "china_side": (self.tr("China side"), self.china_side),
            "myanmar_side": (self.tr("Myanmar side"), self.myanmar_side),
            "traffic": (self.tr("What may pass"), self.traffic_box),
            "civilian_passage": (self.tr("Civilians who may cross"), self.civilian_passage),
            "controlled_by": (self.tr("Controlled by"), self.controlled_by),
            "barrier": (self.tr("Barrier on the Myanmar side"), self.barrier_box),
            "shortages": (self.tr("Shortages in town"), self.shortage_box),
            "people_stranded": (self.tr("People stranded"), self.people),
            "how_known": (self.tr("How known"), self.how_known),
            "narrative": (self.tr("What happened"), self.narrative),
        }
        name, widget = simple.get(key, (self.tr("The report"), self.gate))
        return name, fix, widget

    def _show_not_ready(self, errors: tuple[FieldError, ...]) -> None:
        lines: list[str] = []
        first: QWidget | None = None
        for error in errors:
            name, fix, widget = self.field_problem(error)
            line = f"• {name}: {fix}"
            if line not in lines:
                lines.append(line)
            first = first or widget
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Not ready to send"))
        set_message(box, self.tr("Please complete these fields first:"), "\n".join(lines))
        box.addButton(self.tr("&OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        discard(box)
        if first is not None and self._active and self._worker.is_open:
            self.ensure_visible(first)
            first.setFocus()

    def _confirm_pii(self, findings: list[tuple[str, Any]]) -> bool:
        self._highlight([f for field, f in findings if field == "narrative"])
        box, send = self.pii_message_box(findings)
        box.exec()
        confirmed = box.clickedButton() is send
        discard(box)
        if confirmed:
            return True
        if self._active:
            self.narrative.setFocus()
        return False

    def pii_message_box(self, findings: list[tuple[str, Any]]) -> tuple[QMessageBox, Any]:
        """The warning shown before queueing; returns it and its "send anyway" button."""
        messages = {
            "phone": self.tr(
                "This looks like a phone number. A number can lead straight back to your "
                "source: remove it, or send anyway if it is public (an office or a hotline)."
            ),
            "email": self.tr(
                "This looks like an e-mail address. It can identify your source: remove it, "
                "or send anyway if it is public."
            ),
            "nrc": self.tr(
                "This looks like a national registration card (NRC) number. It names one "
                "person: remove it unless the person agreed to be named."
            ),
            "plate": self.tr(
                "This looks like a vehicle plate. A plate can identify a driver or a trader: "
                "remove it, or send anyway if it does not point to your source."
            ),
        }
        lines = "\n".join(
            f"• {finding.matched}: {messages.get(finding.kind, finding.message)}"
            for _, finding in findings
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Personal details found"))
        text = self.tr(
            "This report seems to contain details that could identify someone. "
            "Sources can be put in danger by them."
        )
        set_message(box, text, lines)
        edit = box.addButton(self.tr("&Edit the report"), QMessageBox.ButtonRole.RejectRole)
        send = box.addButton(self.tr("Send &anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(edit)
        return box, send

    def _highlight(self, findings: list[Any]) -> None:
        selections = []
        marker = QTextCharFormat()
        marker.setBackground(QColor("#ffd54f"))
        text = self.narrative.toPlainText()
        for finding in findings:
            cursor = QTextCursor(self.narrative.document())
            cursor.setPosition(_utf16_offset(text, finding.start))
            cursor.setPosition(_utf16_offset(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = marker
            selections.append(selection)
        self.narrative.setExtraSelections(selections)

    def close_form(self) -> None:
        """Leave the form; a changed draft is saved first (and the form stays if that
        fails, with the reason in the status line)."""
        if not self._active:
            return
        self._autosave.stop()
        if self._dirty:
            self.save(then=self._closed, otherwise=self._autosave.start)
        else:
            self._closed()

    def _closed(self) -> None:
        self.clear()
        self.closed.emit()

    def delete_draft(self) -> None:
        """Ask once, then delete the draft being edited (and its photos) and leave."""
        if not self._active or self._queueing:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete draft"))
        set_message(
            box, self.tr("Delete this draft and its photos from this computer? There is no undo.")
        )
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        confirmed = box.clickedButton() is delete
        discard(box)
        if not confirmed or not self._active or not self._worker.is_open:
            return
        ref = self._ref
        draft_id = self.draft_id
        self._autosave.stop()
        self._dirty = False
        # Saves already sent run first; the delete finds the id they stored.
        self._worker.submit(
            partial(_delete_job, ref=ref),
            lambda _: self.deleted.emit(draft_id or ""),
            self.error.emit,
        )
        self._closed()

    # -- Zawgyi and photos ---------------------------------------------------------------

    def _narrative_changed(self) -> None:
        self.narrative.setExtraSelections([])
        if not self._loading:
            self.zawgyi.schedule()  # not on every keystroke: once typing pauses
        else:
            self.zawgyi.cancel()

    def convert_zawgyi(self) -> None:
        """Ctrl+Shift+U: the Zawgyi offer's preview first, then the conversion (see
        `ZawgyiOffer.present`). Nothing when the text does not look like Zawgyi."""
        if self._active:
            self.zawgyi.present()

    def _photos_changed(self) -> None:
        self.status.setText(self.tr("Photo stored in the encrypted store."))

    def _photo_removed(self) -> None:
        self.status.setText(self.tr("Photo removed."))

    def add_photos(self) -> None:
        """The file dialog for photos (the button, the menu, Ctrl+O)."""
        if self._active:
            self.photos.choose_files()

    def remove_photo(self) -> None:
        if self._active:
            self.photos.remove_selected()

    def _photo_needs_draft(self) -> None:
        def attach() -> None:
            self.photos.show_report(self.draft_id)
            self.photos.retry()

        self.save(then=attach)


def _index_in(path_head: str) -> int:
    """The index in a path head like "prices[2]" (0 when there is none)."""
    _, _, rest = path_head.partition("[")
    digits = rest.rstrip("]")
    return int(digits) if digits.isdigit() else 0


def _utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: a character past U+FFFF (an emoji) is two."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)
