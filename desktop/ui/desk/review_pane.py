"""The report under review: its fields, photos and history, and the moves an editor may make.

Everything is loaded on the store worker (`DeskSession.review`) and shown here; a move or
a note is a `DeskSession` command, whose `Changes` every view hears (the inbox and the
board refresh themselves), this pane too: it loads the shown report again whenever the
review state or the pulled reports changed. Only the moves `ALLOWED_MOVES` gives from the
state shown are offered.

The move buttons never change places: those not allowed from the state shown are
disabled, not hidden, so the button just clicked turns grey under the pointer instead of
being replaced by the next move (a double-click once verified and published a report).
*Published* asks first, saying what publishing means. This editor's last move can be
taken back for `UNDO_WINDOW` (*Undo*, in the state row, whose place is kept while it is
hidden): a new move, recorded and shared like any other. The `followup_slot` layout,
under the history, is where the desk's "Ask the correspondent" widget is mounted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.review import ALLOWED_MOVES, ReviewError, ReviewState
from desktop.domain.desk.review_events import UNDO_WINDOW
from desktop.domain.gazetteer import Gazetteer
from desktop.services.changes import Changes
from desktop.services.desk.session import DeskSession, ReviewView
from desktop.store.database import Store
from desktop.ui.clipboard import ConcealedPlainTextEdit
from desktop.ui.desk.inbox_model import STATE_COLORS
from desktop.ui.desk.publish_question import ask_to_publish, publish_question
from desktop.ui.desk.report_view import report_html
from desktop.ui.desk.review_browser import ReviewBrowser
from desktop.ui.desk.text import review_error_message, state_label
from desktop.ui.errors import user_message
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

THUMBNAIL_EDGE = 200
# The order buttons appear in: forward through the workflow first.
MOVE_ORDER = (
    ReviewState.VERIFIED,
    ReviewState.PUBLISHED,
    ReviewState.NEEDS_FOLLOW_UP,
    ReviewState.REJECTED,
)


class ReviewPane(QWidget):
    """See the module docstring."""

    overtaken = Signal(str)  # a move was refused: another desk's move got there first
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
        self._shown: ReviewView | None = None
        self._report_id: str | None = None
        self._rendered_width = 0
        self._rerender_queued = False

        self.state_caption = QLabel()
        self.state_badge = QLabel()
        self.state_badge.setMargin(4)
        self.move_caption = QLabel()
        self.move_buttons: dict[ReviewState, QPushButton] = {}
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_move)
        keep_place = self.undo_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # nothing moves when it comes and goes
        self.undo_button.setSizePolicy(keep_place)
        self._undo_expiry = QTimer(self)
        self._undo_expiry.setSingleShot(True)
        self._undo_expiry.timeout.connect(self._update_buttons)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_caption)
        state_row.addWidget(self.state_badge)
        state_row.addWidget(self.undo_button)
        state_row.addStretch(1)
        moves = QHBoxLayout()
        moves.addWidget(self.move_caption)
        for target in MOVE_ORDER:
            button = QPushButton()
            button.clicked.connect(partial(self.move_to, target))
            self.move_buttons[target] = button
            moves.addWidget(button)
        moves.addStretch(1)
        self.move_note = QLineEdit()
        self.browser = ReviewBrowser()
        self.browser.setOpenLinks(False)
        self.browser.viewport().installEventFilter(self)
        self.note = ConcealedPlainTextEdit()
        self.note.setFixedHeight(64)
        self.add_note_button = QPushButton()
        self.add_note_button.clicked.connect(self.add_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.message = WrapLabel()
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(state_row)
        controls.addLayout(moves)
        controls.addWidget(self.move_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls)
        layout.addWidget(self.message)
        layout.addWidget(self.browser, 1)
        self.note_box = QWidget()
        self.note_box.setLayout(note_row)
        note_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_box)
        # Slot for the desk's follow-up widget ("Ask the correspondent"); see mount_followup.
        self.followup_slot = QVBoxLayout()
        layout.addLayout(self.followup_slot)
        self.note.textChanged.connect(self._update_buttons)
        worker.changed.connect(self._changed)
        self.retranslate()
        self.show_report(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.state_caption.setText(self.tr("Review:"))
        self.move_caption.setText(self.tr("Move to:"))
        texts = {
            ReviewState.VERIFIED: self.tr("&Verified"),
            ReviewState.PUBLISHED: self.tr("Publi&shed"),
            ReviewState.NEEDS_FOLLOW_UP: self.tr("Needs &follow-up"),
            ReviewState.REJECTED: self.tr("Re&jected"),
        }
        for target, button in self.move_buttons.items():
            button.setText(texts[target])
            button.setAccessibleName(self.tr("Move to {state}").format(state=state_label(target)))
        self.move_note.setPlaceholderText(self.tr("Note with the move (optional)"))
        self.move_note.setAccessibleName(self.tr("Note with the move"))
        self.note.setPlaceholderText(self.tr("A note for every editor on this report"))
        self.note.setAccessibleName(self.tr("Note"))
        self.add_note_button.setText(self.tr("Add &note"))
        self._label_undo()
        self.browser.setAccessibleName(self.tr("Report under review"))
        self._render()

    def mount_followup(self, widget: QWidget) -> None:
        """Put the desk's follow-up widget in its slot under the history."""
        self.followup_slot.addWidget(widget)

    # -- showing -------------------------------------------------------------------------

    def show_report(self, report_id: str | None) -> None:
        """Load and show `report_id` (None: the placeholder)."""
        self._report_id = report_id
        self._shown = None
        self.message.hide()
        self._update_buttons()
        if report_id is None:
            self._render()
            return

        def done(view: ReviewView | None) -> None:
            if report_id != self._report_id or not self._worker.is_open:
                return
            self._shown = view
            self._update_buttons()
            self._render()

        self._worker.submit(
            lambda store: DeskSession(store).review(report_id, thumbnail_edge=THUMBNAIL_EDGE),
            done,
            self.error.emit,
        )

    def _changed(self, changes: Changes) -> None:
        # Its state, history or marks may read differently (a move here or in bulk, a
        # merge, an export, another desk's move pulled in): shown again.
        if (changes.review or changes.envelopes) and self._report_id is not None:
            self.show_report(self._report_id)

    def clear(self) -> None:
        """Forget the report shown and any typed note (on lock)."""
        self.note.clear()
        self.move_note.clear()
        self.show_report(None)

    @property
    def shown_state(self) -> ReviewState | None:
        return None if self._shown is None else self._shown.state

    def _render(self) -> None:
        view = self._shown
        self.controls.setVisible(view is not None)
        self.note_box.setVisible(view is not None)
        if view is None:
            self.browser.images = {}
            text = self.tr("Choose a report in the inbox to review it here.")
            if self._report_id is not None:
                text = self.tr("Loading…")
            self.browser.setHtml(f"<p style='color:#666'>{text}</p>")
            return
        foreground, background = STATE_COLORS[view.state]
        self.state_badge.setText(state_label(view.state))
        self.state_badge.setStyleSheet(
            f"color: {foreground}; background: {background}; font-weight: 600;"
        )
        document = self.browser.document()
        self.browser.images = {f"photo:{n}": QImage.fromData(data) for n, data in view.thumbnails}
        width = self.browser.viewport().width() - 2 * document.documentMargin() - 8
        self._rendered_width = self.browser.viewport().width()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(
            report_html(
                view.record,
                gazetteer=self._gazetteer,
                language=self._language(),
                device=view.device,
                trail=view.trail,
                photos=[position for position, _ in view.thumbnails],
                font=self.browser.font(),
                width=width,
            )
        )
        self.browser.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.browser.viewport()
            and self._shown is not None
            and self.browser.viewport().width() != self._rendered_width
            and not self._rerender_queued
        ):
            # Later, not inside this event: a scroll bar appearing during setHtml resizes
            # the viewport, and a setHtml inside that setHtml doubles the document.
            self._rerender_queued = True
            QTimer.singleShot(0, self._rerender)
        return super().eventFilter(watched, event)

    def _rerender(self) -> None:
        self._rerender_queued = False
        if self._shown is not None:
            self._render()

    def _update_buttons(self, busy: bool = False) -> None:
        view = self._shown
        allowed = ALLOWED_MOVES[view.state] if view is not None else frozenset()
        for target, button in self.move_buttons.items():
            button.setEnabled(not busy and target in allowed)
        self.add_note_button.setEnabled(
            not busy and view is not None and bool(self.note.toPlainText().strip())
        )
        self._undo_expiry.stop()
        left = self._undo_left()
        self.undo_button.setVisible(left > 0)
        self.undo_button.setEnabled(not busy)
        if left > 0:
            self._undo_expiry.start(left)
        self._label_undo()

    def _undo_left(self) -> int:
        """Milliseconds the shown report's last move may still be undone (0: not at all)."""
        view = self._shown
        if view is None or view.undo_until is None:
            return 0
        return max(0, int((view.undo_until - datetime.now(UTC)).total_seconds() * 1000))

    def _label_undo(self) -> None:
        view = self._shown
        back_to = None if view is None else view.undo_to
        if back_to is None:
            self.undo_button.setText(self.tr("&Undo my move"))
        else:
            self.undo_button.setText(
                self.tr("&Undo my move (back to {state})").format(state=state_label(back_to))
            )
        self.undo_button.setToolTip(
            self.tr(
                "Takes your last move on this report back with a new move, shown in the "
                "history and shared with every desk. Possible for {minutes} minutes."
            ).format(minutes=int(UNDO_WINDOW.total_seconds() // 60))
        )

    # -- acting --------------------------------------------------------------------------

    def move_to(self, target: ReviewState) -> None:
        """Move the shown report to `target` with the optional note (on the worker)."""
        view = self._shown
        if view is None or target not in ALLOWED_MOVES[view.state]:
            return
        if target is ReviewState.PUBLISHED and not self.confirm_publish():
            return
        if self._report_id != view.report_id or not self._worker.is_open:
            # A lock or another report came while the question was open; the same report
            # loaded again meanwhile still gets it (the store refuses a move not allowed).
            return
        note = self.move_note.text()
        self._run(
            lambda store: DeskSession(store).move(view.report_id, target, note), self.move_note
        )

    def publish_message_box(self) -> tuple[QMessageBox, QPushButton]:
        """The question asked before publishing; returns it and its "publish" button."""
        return publish_question(self)

    def confirm_publish(self) -> bool:
        return ask_to_publish(self)

    def undo_move(self) -> None:
        """Take back this editor's last move on the shown report (a new recorded move)."""
        view = self._shown
        if view is None or self._undo_left() <= 0:
            return
        self._run(lambda store: DeskSession(store).undo_move(view.report_id), None)

    def add_note(self) -> None:
        view = self._shown
        text = self.note.toPlainText().strip()
        if view is None or not text:
            return
        self._run(lambda store: DeskSession(store).add_note(view.report_id, text), self.note)

    def _run(
        self, work: Callable[[Store], Changes], typed: QLineEdit | ConcealedPlainTextEdit | None
    ) -> None:
        """Run the command `work`; once it is done, `typed` (what the editor wrote for it)
        is cleared. The pane loads again on the `changed` the command broadcasts."""
        report_id = self._report_id
        self.message.hide()
        self._update_buttons(busy=True)

        def done(_: None) -> None:
            if not self._worker.is_open or report_id is None:
                return
            if typed is not None:
                typed.clear()

        def failed(error: Exception) -> None:
            if report_id is None or report_id != self._report_id or not self._worker.is_open:
                self._update_buttons()  # the editor has moved on: no word about another report
                return
            if isinstance(error, ReviewError) and error.reason == "move_not_allowed":
                self.show_report(report_id)  # the state another desk moved it to, its moves
                self.overtaken.emit(report_id)  # and its row, kept in the list meanwhile
            else:
                self._update_buttons()
            if isinstance(error, ReviewError):
                self.message.setText(review_error_message(error))
            else:
                self.message.setText(user_message(error))
            self.message.show()

        self._worker.command(work, done, failed)
