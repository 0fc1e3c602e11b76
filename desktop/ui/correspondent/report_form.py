"""The report form: new report, edit a draft, or correct a sent report (a new revision).

On top, what a correspondent must get down first and what is enough to save: the
crossing, the moment, each side's status and what happened, then the photos. Below, the
rest in sections the user may fold, each summed up in one line while folded. The
sections (desktop/ui/correspondent/form/) show and give back a typed `ReportDraft`; one binder joins
them, and the draft converts to and from the stored JSON body.

The form never validates by itself beyond what widgets enforce: the store keeps
incomplete drafts, and queueing runs the domain validator, whose field-named errors are
shown here. Drafts are autosaved through the store worker every few seconds and on every
focus change (desktop/ui/correspondent/form/saving.py says how saves stay in order).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.draft import ReportDraft
from desktop.domain.errors import FieldError
from desktop.domain.gazetteer import Gazetteer
from desktop.ui.correspondent.form import problems
from desktop.ui.correspondent.form.binder import Binder
from desktop.ui.correspondent.form.conditions import (
    ControlSection,
    ShortagesSection,
    StrandedSection,
)
from desktop.ui.correspondent.form.essentials import EssentialsSection
from desktop.ui.correspondent.form.fold import Fold
from desktop.ui.correspondent.form.lifecycle import FormLifecycle
from desktop.ui.correspondent.form.narrative import NarrativeSection
from desktop.ui.correspondent.form.prices import PricesSection
from desktop.ui.correspondent.form.source import SourceSection
from desktop.ui.correspondent.form.traffic import TrafficSection
from desktop.ui.correspondent.photo_strip import PhotoStrip
from desktop.ui.worker import StoreWorker


class ReportForm(FormLifecycle):
    """See the module docstring; what it does over time is in `FormLifecycle`."""

    def __init__(
        self,
        worker: StoreWorker,
        gazetteer: Gazetteer,
        language: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, gazetteer, parent)
        # -- the table of contents --------------------------------------------------------
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.essentials = EssentialsSection(gazetteer, language)
        self.narrative_section = NarrativeSection()
        self.photos = PhotoStrip(self._worker, self)
        self.traffic_section = TrafficSection()
        self.control_section = ControlSection()
        self.shortages_section = ShortagesSection()
        self.price_section = PricesSection()
        self.stranded_section = StrandedSection()
        self.source_section = SourceSection()
        self.folds = [
            Fold(section)
            for section in (
                self.traffic_section,
                self.control_section,
                self.shortages_section,
                self.price_section,
                self.stranded_section,
                self.source_section,
            )
        ]
        self.binder = Binder(
            [self.essentials, self.narrative_section, *(fold.section for fold in self.folds)],
            self,
        )
        self._name_the_fields()

        content = QWidget()
        content_layout = QVBoxLayout(content)
        for part in (self.heading, self.essentials, self.narrative_section, self.photos):
            content_layout.addWidget(part)
        for fold in self.folds:
            content_layout.addWidget(fold)
        content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)

        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.save_button = QPushButton()
        self.queue_button = QPushButton()
        self.queue_button.setDefault(True)
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.close_button, self.save_button, self.queue_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

        self.binder.changed.connect(self._changed)
        self.save_button.clicked.connect(lambda: self.save(explicit=True))
        self.queue_button.clicked.connect(self.queue)
        self.close_button.clicked.connect(self.close_form)
        self.zawgyi.offered_changed.connect(lambda _: self.state_changed.emit())
        self.zawgyi.wants_view.connect(lambda: self.ensure_visible(self.zawgyi))
        self.photos.changed.connect(self._photos_changed)
        self.photos.removed.connect(self._photo_removed)
        self.photos.needs_draft.connect(self._photo_needs_draft)
        # Save, queue, back (Esc) and the rest are the window's menu actions.
        remove_photo = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.photos.list)
        remove_photo.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_photo.activated.connect(self.photos.remove_selected)

        self.retranslate()

    def _name_the_fields(self) -> None:
        """The fields by name, for the window, the validation messages and tests."""
        essentials, source = self.essentials, self.source_section
        self.gate, self.not_listed = essentials.gate, essentials.not_listed
        self.new_name, self.new_description = essentials.new_name, essentials.new_description
        self.observed = essentials.observed
        self.china_side, self.myanmar_side = essentials.china_side, essentials.myanmar_side
        self.narrative = self.narrative_section.narrative
        self.zawgyi = self.narrative_section.zawgyi
        self.traffic_groups = self.traffic_section.groups
        self.civilian_passage = self.traffic_section.civilian_passage
        self.controlled_by = self.control_section.controlled_by
        self.barriers = self.control_section.barriers
        self.shortages = self.shortages_section.shortages
        self.prices = self.price_section.table
        self.add_price = self.price_section.add_price
        self.people = self.stranded_section.people
        self.how_known, self.source_category = source.how_known, source.source_category
        self.reliability, self.credibility = source.reliability, source.credibility
        self.pseudonym, self.generate = source.pseudonym, source.generate
        self.source_help = source.help
        (
            self.traffic_box,
            self.barrier_box,
            self.shortage_box,
            self.prices_box,
            self.stranded_box,
            self.source_box,
        ) = self.folds

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll the form so `widget` shows (a field with a problem, the photo strip, the
        Zawgyi offer), unfolding its section if it is folded."""
        for fold in self.folds:
            if fold.folded and fold.section.isAncestorOf(widget):
                fold.set_folded(False)
        self.scroll_area.ensureWidgetVisible(widget, 0, 24)

    def generate_pseudonym(self) -> None:
        """Fill in a new made-up name for the source (only when a source is chosen)."""
        if self._active:
            self.source_section.generate_pseudonym()

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._update_heading()
        self.essentials.retranslate()
        self.narrative_section.retranslate()
        for fold in self.folds:
            fold.retranslate()
        self.save_button.setText(self.tr("Save dra&ft"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.queue_button.setText(self.tr("&Queue for sending"))
        self.queue_button.setToolTip(self.tr("Ctrl+Enter"))
        self.close_button.setText(self.tr("Back to list"))
        self.close_button.setToolTip(self.tr("Esc. The draft is kept."))

    # -- reading and showing a draft ---------------------------------------------------

    def load(self, body: dict[str, Any]) -> None:
        """Fill the widgets from a (possibly incomplete) report body."""
        self.binder.show(ReportDraft.from_body(body))

    def draft(self) -> ReportDraft:
        """The draft the widgets show."""
        return self.binder.draft()

    def body(self) -> dict[str, Any]:
        """The report body the widgets show: the JSON form, possibly incomplete."""
        return self.binder.draft().to_body()

    def field_problem(self, error: FieldError) -> tuple[str, str, QWidget]:
        """A validation error in words: the field's label, what to do, and the widget."""
        return problems.field_problem(self, error)
