"""At the desk, under a report under review: ask its correspondent a question, and read the
questions asked here with their answers.

A question is stored at once and sealed to the device's own key on the next pull (or now,
with *Ask*, when the server answers): the server never reads it. Each question shows who
asked and when, whether it has gone out, and the answer when it has come back (with the
corrected revision's id when the correspondent answered with a correction).
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.services.desk import followups as desk_followups
from desktop.services.desk.followups import DeskQuestion, FollowupError
from desktop.store.database import Store
from desktop.ui.desk_clock import desk_time
from desktop.ui.worker import StoreWorker
from desktop.ui.wrapping import WrapLabel

MAX_SHOWN_QUESTIONS = 20


def _ask(store: Store, report_id: str, text: str) -> list[DeskQuestion]:
    desk_followups.ask(store, report_id, text)
    return desk_followups.followups(store, report_id)


class DeskFollowupBox(QWidget):
    """Questions about one report and the box to ask another."""

    asked = Signal(str)  # the report id: the desk page may pull to send it at once
    error = Signal(object)

    def __init__(self, worker: StoreWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._report_id: str | None = None
        self._questions: list[DeskQuestion] = []
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.listing = WrapLabel()
        self.listing.setTextFormat(Qt.TextFormat.RichText)
        self.listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = QPlainTextEdit()
        self.editor.setFixedHeight(64)
        self.editor.textChanged.connect(self._update_button)
        self.ask_button = QPushButton()
        self.ask_button.clicked.connect(self._ask_clicked)
        self.problem = WrapLabel()
        self.problem.setObjectName("errorText")
        self.problem.hide()
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.ask_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.listing)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.retranslate()
        self._update_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ask the correspondent"))
        self.editor.setPlaceholderText(
            self.tr(
                "A question for the correspondent who sent this report. It is sealed to "
                "their device; the server cannot read it."
            )
        )
        self.ask_button.setText(self.tr("&Ask"))
        self._show_questions()

    # -- data ------------------------------------------------------------------------------

    def set_report(self, report_id: str | None) -> None:
        """Show the questions about `report_id` (None: nothing selected)."""
        self._report_id = report_id
        self._questions = []
        self.problem.hide()
        self._show_questions()
        self._update_button()
        if report_id is None:
            return
        self._worker.submit(
            lambda store: desk_followups.followups(store, report_id),
            lambda items: self._loaded(report_id, items),
            self.error.emit,
        )

    def refresh(self) -> None:
        self.set_report(self._report_id)

    def _loaded(self, report_id: str, items: list[DeskQuestion]) -> None:
        if report_id != self._report_id:
            return  # another report was selected meanwhile
        self._questions = items
        self._show_questions()

    def _ask_clicked(self) -> None:
        report_id, text = self._report_id, self.editor.toPlainText().strip()
        if report_id is None or not text:
            return
        self.ask_button.setEnabled(False)

        def done(items: list[DeskQuestion]) -> None:
            self.editor.clear()
            self.problem.hide()
            self._loaded(report_id, items)
            self.asked.emit(report_id)

        def failed(error: Exception) -> None:
            self._update_button()
            if isinstance(error, FollowupError):
                self.problem.setText(str(error))
                self.problem.show()
            else:
                self.error.emit(error)

        self._worker.submit(lambda store: _ask(store, report_id, text), done, failed)

    # -- view ------------------------------------------------------------------------------

    def _update_button(self) -> None:
        self.ask_button.setEnabled(
            self._report_id is not None and bool(self.editor.toPlainText().strip())
        )

    def _show_questions(self) -> None:
        if not self._questions:
            self.listing.setText(self.tr("No question has been asked about this report."))
            return
        parts = [self._question_html(q) for q in self._questions[-MAX_SHOWN_QUESTIONS:]]
        self.listing.setText("<br>".join(parts))

    def _question_html(self, question: DeskQuestion) -> str:
        who = html.escape(question.desk_label or self.tr("this desk"))
        head = self.tr("{who}, {when}").format(who=who, when=_local(question.asked_at))
        lines = [f"<b>{head}</b>: {html.escape(question.text)}"]
        if question.answered and question.answered_at is not None:
            answer = self.tr("Answer, {when}").format(when=_local(question.answered_at))
            lines.append(f"<i>{answer}</i>: {html.escape(question.answer_text or '')}")
            if question.correction_id:
                corrected = self.tr("Corrected as report {id}").format(id=question.correction_id)
                lines.append(html.escape(corrected))
        elif question.sent_at is not None:
            lines.append(html.escape(self.tr("Sent to the device; no answer yet.")))
        elif question.last_error == "no_encryption_key":
            lines.append(
                html.escape(
                    self.tr(
                        "Waiting: the device has not synced since it was updated, so it has "
                        "no key for questions yet."
                    )
                )
            )
        elif question.last_error == "bad_encryption_key":
            lines.append(
                html.escape(
                    self.tr(
                        "Cannot be sent: the device registered a key nothing can be sealed "
                        "to. Ask its correspondent to enroll the laptop again."
                    )
                )
            )
        else:
            lines.append(html.escape(self.tr("Waiting to be sent with the next pull.")))
        return "<br>".join(lines)


def _local(moment: datetime) -> str:
    return desk_time(moment, with_zone=True)
