"""The desk's follow-up questions about one report, shown under its details.

Hidden while the selected report has no question. Otherwise it lists each question (who
asked, when, the text) and its answer, and for the oldest unanswered one offers an answer
box, *Send answer* and *Correct the report*. A correction is made the usual way (the
report form saves a new revision); once such a revision is queued, the answer names it.
Answers are sealed on the store worker at once and sent by the next sync. The panel loads
again whenever a command changed follow-ups (`StoreWorker.changed`).
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.followups import Question, open_question
from desktop.services.changes import Changes
from desktop.services.correspondent.session import CorrespondentSession, ReportQuestions
from desktop.ui.worker import StoreWorker


class FollowupPanel(QWidget):
    """Questions from the desk about the selected report, and the answer box."""

    correct_requested = Signal(str)  # the report id to correct
    answered = Signal(str)  # a question id: an answer waits to be sent
    error = Signal(object)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._report_id: str | None = None
        self._shown: ReportQuestions | None = None
        self.heading = QLabel()
        self.questions_label = QLabel()
        self.questions_label.setWordWrap(True)
        self.questions_label.setTextFormat(Qt.TextFormat.RichText)
        self.answer_box = QPlainTextEdit()
        self.answer_box.setMaximumHeight(90)
        self.correction_note = QLabel()
        self.correction_note.setWordWrap(True)
        self.send_button = QPushButton()
        self.correct_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.questions_label)
        layout.addWidget(self.answer_box)
        layout.addWidget(self.correction_note)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self._send)
        self.correct_button.clicked.connect(self._correct)
        self.answer_box.textChanged.connect(self._update_buttons)
        worker.changed.connect(self._changed)
        self.retranslate()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Questions from the desk"))
        self.answer_box.setPlaceholderText(self.tr("Your answer to the desk"))
        self.answer_box.setAccessibleName(self.tr("Answer"))
        self.send_button.setText(self.tr("Send &answer"))
        self.correct_button.setText(self.tr("C&orrect the report"))
        if self._shown is not None:
            self._render(self._shown)

    # -- showing -------------------------------------------------------------------------

    def show_report(self, report_id: str | None) -> None:
        """Show the questions about ``report_id`` (hidden when there are none)."""
        self._report_id = report_id
        if report_id is None or not self._worker.is_open:
            self._shown = None
            self.questions_label.clear()  # on lock: no text stays in a widget
            self.answer_box.clear()
            self.correction_note.clear()
            self.hide()
            return
        self._worker.submit(
            lambda store: CorrespondentSession(store).questions_about(report_id),
            self._loaded,
            self.error.emit,
        )

    def refresh(self) -> None:
        """Load again (after a sync brought questions)."""
        self.show_report(self._report_id)

    def _changed(self, changes: Changes) -> None:
        if changes.followups and self._report_id is not None:
            self.refresh()

    def _loaded(self, shown: ReportQuestions) -> None:
        if shown.report_id != self._report_id:
            return
        self._shown = shown
        self._render(shown)

    def _render(self, shown: ReportQuestions) -> None:
        if not shown.questions:
            self.hide()
            return
        parts = []
        desk, yours = self.tr("Desk"), self.tr("Your answer")
        sent, waiting = self.tr("sent"), self.tr("waiting to be sent")
        for q in shown.questions:
            asker = html.escape(q.desk_label or desk)
            parts.append(
                f"<p><b>{asker}</b> · {html.escape(_local(q.asked_at))}<br>"
                f"{html.escape(q.text)}</p>"
            )
            if q.answer_text is not None:
                state = sent if q.answer_sent_at else waiting
                parts.append(
                    f"<p style='margin-left:12px'><i>{html.escape(yours)}"
                    f" ({html.escape(state)}):</i><br>{html.escape(q.answer_text)}</p>"
                )
        self.questions_label.setText("".join(parts))
        open_question = self._open_question()
        for widget in (self.answer_box, self.send_button, self.correct_button):
            widget.setVisible(open_question is not None)
        if shown.correction_id is not None and open_question is not None:
            self.correction_note.setText(
                self.tr("The answer names your correction {report}.").format(
                    report=shown.correction_id
                )
            )
            self.correction_note.show()
        else:
            self.correction_note.hide()
        self._update_buttons()
        self.show()

    def _open_question(self) -> Question | None:
        return None if self._shown is None else open_question(self._shown.questions)

    def _update_buttons(self) -> None:
        self.send_button.setEnabled(bool(self.answer_box.toPlainText().strip()))

    # -- acting ----------------------------------------------------------------------------

    def _send(self) -> None:
        question = self._open_question()
        text = self.answer_box.toPlainText().strip()
        if question is None or not text or self._shown is None:
            return
        correction = self._shown.correction_id
        self.send_button.setEnabled(False)

        def done(answered: Question) -> None:
            self.answer_box.clear()  # the panel loads again on `changed`
            self.answered.emit(answered.question_id)

        def failed(error: Exception) -> None:
            self._update_buttons()
            self.error.emit(error)

        question_id = question.question_id
        self._worker.command(
            lambda store: CorrespondentSession(store).answer(
                question_id, text, correction_id=correction
            ),
            done,
            failed,
        )

    def _correct(self) -> None:
        if self._report_id is not None:
            self.correct_requested.emit(self._report_id)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
