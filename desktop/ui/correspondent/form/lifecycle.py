"""What the report form does over time: start, autosave, queue, leave, delete.

`ReportForm` (desktop/ui/correspondent/report_form.py) builds the widgets; this base class
holds the state of one editing session. Saves go through the store worker in order (see
desktop/ui/correspondent/form/saving.py); answers for a report the form has moved on from
are ignored.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton, QWidget

from desktop.domain.errors import FieldError, ReportValidationError
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import Report
from desktop.services.correspondent import capture
from desktop.ui.correspondent.form import problems
from desktop.ui.correspondent.form.essentials import EssentialsSection
from desktop.ui.correspondent.form.narrative import NarrativeSection
from desktop.ui.correspondent.form.saving import DraftRef, delete_job, queue_job, save_job
from desktop.ui.correspondent.gate_chooser import GateChooser
from desktop.ui.correspondent.photo_strip import PhotoStrip
from desktop.ui.correspondent.zawgyi_offer import ZawgyiOffer
from desktop.ui.errors import user_message
from desktop.ui.locks import discard
from desktop.ui.worker import StoreWorker

AUTOSAVE_MS = 3000


class FormLifecycle(QWidget):
    """One report being edited: between a `start_*` and `clear()` the form is active."""

    closed = Signal()
    saved = Signal(str)  # draft id, after every successful save
    queued = Signal(str)  # report id
    deleted = Signal(str)  # the deleted draft's id
    error = Signal(object)  # an exception, or a message
    state_changed = Signal()  # active, queueing, draft id: what the window's actions offer

    # Built by the form.
    heading: QLabel
    status: QLabel
    queue_button: QPushButton
    essentials: EssentialsSection
    gate: GateChooser
    narrative_section: NarrativeSection
    narrative: QPlainTextEdit
    zawgyi: ZawgyiOffer
    photos: PhotoStrip

    def __init__(
        self, worker: StoreWorker, gazetteer: Gazetteer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._gazetteer = gazetteer
        self.draft_id: str | None = None
        self.replaces: str | None = None
        self._ref = DraftRef()
        self._dirty = False
        self._active = False
        self._queueing = False
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_if_dirty)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def load(self, body: dict[str, Any]) -> None:
        raise NotImplementedError

    def body(self) -> dict[str, Any]:
        raise NotImplementedError

    def field_problem(self, error: FieldError) -> tuple[str, str, QWidget]:
        raise NotImplementedError

    def ensure_visible(self, widget: QWidget) -> None:
        raise NotImplementedError

    def _update_heading(self) -> None:
        if self.replaces is not None:
            self.heading.setText(self.tr("Correct a sent report (new revision)"))
        elif self.draft_id is not None:
            self.heading.setText(self.tr("Edit draft"))
        else:
            self.heading.setText(self.tr("New report"))

    # -- starting and clearing -----------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for a new report, observed now."""
        self._reset()
        self.essentials.set_now()
        self._begin()

    def start_edit(self, draft_id: str, body: dict[str, Any]) -> None:
        self._reset()
        self.draft_id = draft_id
        self._ref = DraftRef(draft_id)
        self.load(body)
        self.photos.show_report(draft_id)
        self._begin()

    def start_correction(self, original_id: str, body: dict[str, Any]) -> None:
        """A new revision prefilled with the report it corrects. Nothing is stored until
        the user changes something: leaving at once leaves no draft behind."""
        self._reset()
        self.replaces = original_id
        self._ref = DraftRef(None, original_id)
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
        self.narrative_section.fit()
        self.zawgyi.check()
        self.gate.setFocus()
        self.state_changed.emit()

    def _reset(self) -> None:
        self._autosave.stop()
        self._active = False
        self._queueing = False
        self.draft_id = None
        self.replaces = None
        self._ref = DraftRef()
        self._dirty = False
        self.load({})
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

    # -- saving --------------------------------------------------------------------------

    def _changed(self) -> None:
        if self._active:
            self._dirty = True

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.isAncestorOf(old):
            self.save_if_dirty()

    def save_if_dirty(self) -> None:
        """Save if something changed since the last save (autosave, focus change, lock,
        quit). The save is sent to the worker at once, whatever is still in flight."""
        if self._dirty and self._active:
            self.save()

    def save(self, *, explicit: bool = False, then: Any = None, otherwise: Any = None) -> None:
        """Save a snapshot of the form as the draft; `then()` runs once it is stored,
        `otherwise()` if it could not be. Does nothing when no report is being edited."""
        if not self._active:
            return
        self._dirty = False
        ref = self._ref
        job = partial(save_job, gazetteer=self._gazetteer, body=self.body(), ref=ref)

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

        self._worker.command(job, done, failed)
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

        queue = partial(queue_job, gazetteer=self._gazetteer, draft_id=draft_id)
        self._worker.command(queue, done, failed)

    # -- what is wrong, what is risky ----------------------------------------------------

    def _show_not_ready(self, errors: tuple[FieldError, ...]) -> None:
        lines: list[str] = []
        first: QWidget | None = None
        for error in errors:
            name, fix, widget = self.field_problem(error)
            line = f"• {name}: {fix}"
            if line not in lines:
                lines.append(line)
            first = first or widget
        box = problems.not_ready_box(self, lines)
        box.exec()
        discard(box)
        if first is not None and self._active and self._worker.is_open:
            self.ensure_visible(first)
            first.setFocus()

    def _confirm_pii(self, findings: list[tuple[str, Any]]) -> bool:
        problems.highlight(self.narrative, [f for field, f in findings if field == "narrative"])
        box, send = self.pii_message_box(findings)
        box.exec()
        confirmed = box.clickedButton() is send
        discard(box)
        if confirmed:
            return True
        if self._active:
            self.narrative.setFocus()
        return False

    def pii_message_box(self, findings: list[tuple[str, Any]]) -> tuple[Any, Any]:
        """The warning shown before queueing; returns it and its "send anyway" button."""
        return problems.pii_message_box(self, findings)

    # -- leaving -------------------------------------------------------------------------

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
        if not self._active or self._queueing or not problems.confirm_delete(self):
            return
        if not self._active or not self._worker.is_open:
            return
        ref = self._ref
        draft_id = self.draft_id
        self._autosave.stop()
        self._dirty = False
        # Saves already sent run first; the delete finds the id they stored.
        self._worker.command(
            partial(delete_job, ref=ref),
            lambda _: self.deleted.emit(draft_id or ""),
            self.error.emit,
        )
        self._closed()

    # -- Zawgyi and photos ---------------------------------------------------------------

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
