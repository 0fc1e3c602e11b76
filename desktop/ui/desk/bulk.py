"""The bulk bar under the inbox: move, assign, tag or note every selected report at once.

It shows while two or more reports are selected (shift/ctrl-click, or Ctrl+A for every
report the filters show). The work runs on the store worker as a
`DeskSession` command (`desktop.services.desk.bulk`), one event per report, with a
progress bar; every view hears what it changed through `StoreWorker.changed`; the summary
says how many were done and, by reason, how many were refused. For ten minutes after a
bulk move (or a triage key's), *Undo* takes it back as a single move's undo does: one new
move per report, refused where another move was made since. Publishing is never a bulk
move: each report is published on its own, from the review pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.domain.desk.review_events import UNDO_WINDOW
from desktop.domain.desk.tags import MAX_TAG_CHARS
from desktop.services.changes import Done
from desktop.services.desk.bulk import BulkAction, BulkKind, BulkOutcome
from desktop.services.desk.session import DeskSession
from desktop.store.database import Store
from desktop.ui.desk.tags import newsroom_tag_labels, tag_from_text
from desktop.ui.desk.text import review_error_message, state_label
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

BULK_MOVES = (ReviewState.VERIFIED, ReviewState.NEEDS_FOLLOW_UP, ReviewState.REJECTED)


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)


class BulkBar(QWidget):
    """See the module docstring. `finished` carries the ids the action changed (after
    every view heard of the change through the worker)."""

    finished = Signal(object)  # list[str]
    error = Signal(object)

    def __init__(
        self,
        worker: StoreWorker,
        selected_ids: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._selected_ids = selected_ids
        self._running = False
        self._count = 0
        self._desks: list[tuple[str, str]] = []
        self.count = QLabel()
        self.move_button = QPushButton()
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.assign_button = QPushButton()
        self.assign_menu = QMenu(self)
        self.assign_button.setMenu(self.assign_menu)
        self.tag_button = QPushButton()
        self.tag_menu = QMenu(self)
        self.tag_button.setMenu(self.tag_menu)
        self.text = QLineEdit()
        self.note_button = QPushButton()
        self.note_button.clicked.connect(self._note)
        self.free_tag_button = QPushButton()
        self.free_tag_button.clicked.connect(self._free_tag)
        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = WrapLabel()
        self.summary.setObjectName("bulkSummary")
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self._undo_moves: dict[str, str] = {}
        self._undo_expiry = QTimer(self)
        self._undo_expiry.setSingleShot(True)
        self._undo_expiry.setInterval(int(UNDO_WINDOW.total_seconds() * 1000))
        self._undo_expiry.timeout.connect(self._forget_undo)
        buttons = QHBoxLayout()
        for widget in (self.count, self.move_button, self.assign_button, self.tag_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        typed = QHBoxLayout()
        typed.addWidget(self.text, 1)
        typed.addWidget(self.note_button)
        typed.addWidget(self.free_tag_button)
        self.actions_box = QWidget()
        box = QVBoxLayout(self.actions_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addLayout(typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.actions_box)
        layout.addWidget(self.progress)
        told = QHBoxLayout()
        told.addWidget(self.summary, 1)
        told.addWidget(self.undo_button)
        layout.addLayout(told)
        self._progress = _Progress(self)
        self._progress.progressed.connect(self._show_progress)
        self.actions_box.hide()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.move_button.setText(self.tr("Move to"))
        self.assign_button.setText(self.tr("Assign"))
        self.tag_button.setText(self.tr("Tag"))
        self.note_button.setText(self.tr("Add as note"))
        self.free_tag_button.setText(self.tr("Add as tag"))
        self.text.setPlaceholderText(self.tr("A note or a tag for every selected report"))
        self.text.setAccessibleName(self.tr("Note or tag for the selected reports"))
        self.count.setText(self.tr("{count} selected").format(count=self._count))
        self._label_undo()
        self._fill_menus()

    def _label_undo(self) -> None:
        self.undo_button.setText(
            self.tr("Undo the move of %n report(s)", "", len(self._undo_moves))
        )
        self.undo_button.setToolTip(
            self.tr(
                "Each goes back to the state before, as a new move; a report another move "
                "reached since stays as it is. Possible for {minutes} minutes."
            ).format(minutes=int(UNDO_WINDOW.total_seconds() // 60))
        )

    def _fill_menus(self) -> None:
        self.move_menu.clear()
        for state in BULK_MOVES:
            action = self.move_menu.addAction(state_label(state))
            action.triggered.connect(
                lambda _=False, s=state: self.run(BulkAction(BulkKind.MOVE, s.value))
            )
        self.assign_menu.clear()
        take = self.assign_menu.addAction(self.tr("Assign to me"))
        take.triggered.connect(lambda _=False: self.run(BulkAction(BulkKind.TAKE)))
        unassign = self.assign_menu.addAction(self.tr("Unassign"))
        unassign.triggered.connect(lambda _=False: self.run(BulkAction(BulkKind.ASSIGN, "")))
        self.assign_menu.addSeparator()
        for desk_id, label in self._desks:
            action = self.assign_menu.addAction(label)
            action.triggered.connect(
                lambda _=False, d=desk_id: self.run(BulkAction(BulkKind.ASSIGN, d))
            )
        self.tag_menu.clear()
        for key, name in newsroom_tag_labels():
            action = self.tag_menu.addAction(name)
            action.triggered.connect(lambda _=False, k=key: self.run(BulkAction(BulkKind.TAG, k)))

    def set_count(self, count: int) -> None:
        """How many reports are selected: the bar's actions show for two or more."""
        self._count = count
        self.count.setText(self.tr("{count} selected").format(count=count))
        self.actions_box.setVisible(count >= 2)
        if count >= 2 and not self._desks:
            self._worker.submit(
                lambda store: DeskSession(store).known_desks(),
                self._desks_known,
                self.error.emit,
            )

    def _desks_known(self, desks: list[tuple[str, str]]) -> None:
        self._desks = desks
        self._fill_menus()

    def _note(self) -> None:
        if self.text.text().strip():
            self.run(BulkAction(BulkKind.NOTE, self.text.text()))

    def _free_tag(self) -> None:
        try:
            tag = tag_from_text(self.text.text())
        except ValueError as error:
            self.summary.setText(mark_error_message(ReviewError(str(error), "tag")))
            return
        self.run(BulkAction(BulkKind.TAG, tag))

    @property
    def running(self) -> bool:
        return self._running

    def run(self, action: BulkAction, report_ids: list[str] | None = None) -> None:
        """Apply `action` to the selected reports (or to `report_ids`)."""
        ids = self._selected_ids() if report_ids is None else report_ids
        if self._running or not ids:
            return
        progress = self._progress

        def work(store: Store) -> Done[BulkOutcome]:
            return DeskSession(store).bulk(ids, action, progress.progressed.emit)

        def done(outcome: BulkOutcome) -> None:
            if action.kind in (BulkKind.NOTE, BulkKind.TAG) and outcome.done:
                self.text.clear()
            if outcome.moves:
                self._undo_moves = dict(outcome.moves)
                self._undo_expiry.start()
                self._label_undo()
                self.undo_button.show()
            self.summary.setText(summary_text(outcome, len(ids)))

        self._start(len(ids), work, done)

    def undo(self) -> None:
        """Take back the last bulk move (see the module docstring)."""
        moves = dict(self._undo_moves)
        if self._running or not moves:
            return
        self._forget_undo()
        progress = self._progress

        def work(store: Store) -> Done[BulkOutcome]:
            return DeskSession(store).undo_bulk(moves, progress.progressed.emit)

        def done(outcome: BulkOutcome) -> None:
            self.summary.setText(summary_text(outcome, len(moves), undone=True))

        self._start(len(moves), work, done)

    def _forget_undo(self) -> None:
        self._undo_expiry.stop()
        self._undo_moves = {}
        self.undo_button.hide()

    def clear(self) -> None:
        """Forget the summary and what could be undone (on lock)."""
        self.summary.clear()
        self._forget_undo()

    def _start(
        self,
        total: int,
        work: Callable[[Store], Done[BulkOutcome]],
        shown: Callable[[BulkOutcome], None],
    ) -> None:
        self._running = True
        self.actions_box.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setVisible(total > 1)
        self.summary.clear()

        def done(outcome: BulkOutcome) -> None:
            self._ended()
            shown(outcome)
            self.finished.emit(list(outcome.done))

        def failed(error: Exception) -> None:
            self._ended()
            if isinstance(error, ReviewError):
                self.summary.setText(mark_error_message(error))
            else:
                self.error.emit(error)

        self._worker.command(work, done, failed)

    def _ended(self) -> None:
        self._running = False
        self.actions_box.setEnabled(True)
        self.undo_button.setEnabled(True)
        self.progress.hide()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)


def mark_error_message(error: ReviewError) -> str:
    """A refused assignment, tag or bulk action in the editor's language."""
    if error.reason == "tag":
        return QCoreApplication.translate(
            "BulkBar", "A tag has 1 to {count} characters of text."
        ).format(count=MAX_TAG_CHARS)
    if error.reason == "unknown_desk":
        return QCoreApplication.translate("BulkBar", "No desk known here has that name.")
    if error.reason == "unchanged":
        return QCoreApplication.translate("BulkBar", "Nothing to change: it is already so.")
    return review_error_message(error)


def summary_text(outcome: BulkOutcome, total: int, *, undone: bool = False) -> str:
    """What a bulk action (or its undo) did, and what it refused and why, in the editor's
    language."""
    first = (
        QCoreApplication.translate("BulkBar", "Undone for {done} of {total} reports.")
        if undone
        else QCoreApplication.translate("BulkBar", "Done for {done} of {total} reports.")
    )
    lines = [first.format(done=len(outcome.done), total=total)]
    reasons = outcome.reasons()
    texts = {
        "move_not_allowed": QCoreApplication.translate(
            "BulkBar",
            "{n} refused: the review rules do not allow that move from the state they are in.",
        ),
        "unknown_report": QCoreApplication.translate("BulkBar", "{n} refused: not at this desk."),
        "unchanged": QCoreApplication.translate("BulkBar", "{n} left as they were: already so."),
        "moved_since": QCoreApplication.translate(
            "BulkBar", "{n} not undone: another move was made since."
        ),
        "nothing_to_undo": QCoreApplication.translate(
            "BulkBar", "{n} not undone: the move is more than ten minutes old."
        ),
    }
    for reason, count in sorted(reasons.items()):
        template = texts.get(reason, QCoreApplication.translate("BulkBar", "{n} refused."))
        lines.append(template.format(n=count))
    return "\n".join(lines)
