"""Keyboard triage in the inbox, like a mail client.

Single keys act while the list has the focus (so typing in the search box or a note is
never taken for a command): J and K next and previous, Enter or O open the report (the
review pane takes the focus; Esc comes back), V verified, F needs follow-up, R rejected,
M assign to me, T tag (type it, Enter), ? or F1 the help overlay. A move acts on every
selected report and then selects the next one. No key publishes: publishing is a button
in the review pane, for one report at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCompleter, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.desk.review import ReviewError, ReviewState
from desktop.services.desk.bulk import BulkAction, BulkKind
from desktop.ui.desk.bulk import BulkBar, mark_error_message
from desktop.ui.desk.inbox import DeskInbox
from desktop.ui.desk.tags import newsroom_tag_labels, tag_from_text

TRIAGE_MOVES = {
    "V": ReviewState.VERIFIED,
    "F": ReviewState.NEEDS_FOLLOW_UP,
    "R": ReviewState.REJECTED,
}


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for the help overlay, in the editor's language."""
    return [
        ("J / ↓", QCoreApplication.translate("Triage", "Next report")),
        ("K / ↑", QCoreApplication.translate("Triage", "Previous report")),
        (
            "Enter / O",
            QCoreApplication.translate("Triage", "Open the report (Esc: back to the list)"),
        ),
        ("V", QCoreApplication.translate("Triage", "Move to verified")),
        ("F", QCoreApplication.translate("Triage", "Move to needs follow-up")),
        ("R", QCoreApplication.translate("Triage", "Move to rejected")),
        ("M", QCoreApplication.translate("Triage", "Assign to me")),
        ("T", QCoreApplication.translate("Triage", "Tag (type the tag, then Enter)")),
        (
            "Shift+↓ / Ctrl+A",
            QCoreApplication.translate("Triage", "Select more / every report the filters show"),
        ),
        ("? / F1", QCoreApplication.translate("Triage", "Show or hide this help")),
    ]


class HelpOverlay(QFrame):
    """The keys, over the desk page; any of Esc, ? or F1 closes it."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("triageHelp")
        self.setStyleSheet(
            "#triageHelp { background: rgba(255, 255, 255, 242); border: 1px solid #888; }"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.text, 1)
        parent.installEventFilter(self)
        self.hide()

    def retranslate(self) -> None:
        title = QCoreApplication.translate("Triage", "Keyboard triage")
        note = QCoreApplication.translate(
            "Triage", "No key publishes: publish from the review pane, one report at a time."
        )
        rows = "".join(
            f"<tr><td style='padding:3px 18px 3px 0'><b>{keys}</b></td><td>{what}</td></tr>"
            for keys, what in shortcut_rows()
        )
        self.text.setText(f"<h3>{title}</h3><table>{rows}</table><p>{note}</p>")

    def toggle(self) -> None:
        if self.isVisible():
            self.close_help()
            return
        self.retranslate()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect().adjusted(40, 40, -40, -40))
        self.show()
        self.raise_()
        self.setFocus()

    def close_help(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Question, Qt.Key.Key_F1):
            self.close_help()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect().adjusted(40, 40, -40, -40))
        return False


class Triage(QObject):
    """Wires the keys (see the module docstring) to the inbox, the review pane and the
    bulk bar of one desk page."""

    def __init__(
        self,
        inbox: DeskInbox,
        bulk: BulkBar,
        review: QWidget,
        focus_review: Callable[[], None],
        page: QWidget,
    ) -> None:
        super().__init__(page)
        self._inbox = inbox
        self._bulk = bulk
        self._focus_review = focus_review
        self.help = HelpOverlay(page)
        self.help.closed.connect(self._inbox.table.setFocus)
        self.tag_prompt = QLineEdit()
        self.tag_prompt.hide()
        self.tag_prompt.returnPressed.connect(self._tag_entered)
        self.tag_prompt.installEventFilter(self)
        self._tag_names = QStringListModel(self)
        self._completer = QCompleter(self._tag_names, self.tag_prompt)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Completed in the line itself: a popup would take Enter and the focus.
        self._completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.tag_prompt.setCompleter(self._completer)
        self._next: str | None = None
        bulk.finished.connect(self._done)
        self.shortcuts: dict[str, QShortcut] = {}
        table = inbox.table
        keys: dict[str, Callable[[], None]] = {
            "J": lambda: self.step(1),
            "K": lambda: self.step(-1),
            "O": self._focus_review,
            "Return": self._focus_review,
            "Enter": self._focus_review,
            "M": lambda: self._act(BulkAction(BulkKind.TAKE)),
            "T": self.ask_tag,
            "?": self.help.toggle,
            "Shift+?": self.help.toggle,
            "F1": self.help.toggle,
        }
        for key, state in TRIAGE_MOVES.items():
            keys[key] = partial(self._act, BulkAction(BulkKind.MOVE, state.value))
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut
        back = QShortcut(QKeySequence("Esc"), review)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(table.setFocus)
        self.shortcuts["Esc"] = back
        self.retranslate()

    def retranslate(self) -> None:
        self.tag_prompt.setPlaceholderText(
            QCoreApplication.translate("Triage", "Tag for the selected reports, then Enter")
        )
        self.tag_prompt.setAccessibleName(QCoreApplication.translate("Triage", "Tag"))
        self._tag_names.setStringList([name for _, name in newsroom_tag_labels()])
        if self.help.isVisible():
            self.help.retranslate()

    def step(self, by: int) -> None:
        """Select the next (1) or previous (-1) report."""
        table = self._inbox.table
        rows = self._inbox.model.rowCount()
        if rows == 0:
            return
        current = table.currentIndex().row()
        if current < 0 or not table.selectionModel().hasSelection():
            # Nothing chosen yet (the list took the focus and marked its first row): the
            # first key chooses the row marked, as a mail client does.
            row = max(0, current)
        else:
            row = max(0, min(rows - 1, current + by))
        table.selectRow(row)
        table.scrollTo(self._inbox.model.index(row, 0))

    def _targets(self) -> list[str]:
        # While the list is being asked again its selection is briefly empty: the report
        # the editor is on still counts.
        current = self._inbox.current_id
        return self._inbox.selected_ids() or ([] if current is None else [current])

    def _act(self, action: BulkAction) -> None:
        ids = self._targets()
        if not ids or self._bulk.running:
            return
        self._next = self._next_after(ids) if action.kind is BulkKind.MOVE else None
        self._bulk.run(action, ids)

    def _done(self, report_ids: list[str]) -> None:
        # After a move, the next report: the moved one may leave the filtered list.
        if report_ids and self._next is not None:
            self._inbox.prefer(self._next)
        self._next = None

    def _next_after(self, ids: list[str]) -> str | None:
        model = self._inbox.model
        last = model.row_of(ids[-1])
        first = model.row_of(ids[0])
        chosen = set(ids)
        for row in [*range((last or 0) + 1, model.rowCount()), *range((first or 0) - 1, -1, -1)]:
            report_id = model.report_id(row)
            if report_id is not None and report_id not in chosen:
                return report_id
        return None

    def ask_tag(self) -> None:
        if not self._targets():
            return
        self.tag_prompt.clear()
        self.tag_prompt.show()
        self.tag_prompt.setFocus()

    def _tag_entered(self) -> None:
        text = self.tag_prompt.text()
        if not text.strip():
            self._close_prompt()
            return
        try:
            tag = tag_from_text(text)
        except ValueError as error:
            self._bulk.summary.setText(mark_error_message(ReviewError(str(error), "tag")))
            return
        self._close_prompt()
        self._act(BulkAction(BulkKind.TAG, tag))

    def _close_prompt(self) -> None:
        self.tag_prompt.hide()
        self._inbox.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tag_prompt
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._close_prompt()
            return True
        return False
