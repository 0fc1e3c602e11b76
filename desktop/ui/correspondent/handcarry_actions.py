"""Delivery by hand on a correspondent's laptop, when the network is cut (the Report menu).

*Send by hand…* writes every report still without a receipt into one file under a name
the user chooses (nothing in it or its name says Gatewatch); the list then shows them
"Carried on DATE". *Import receipts…* applies a receipt file from the desk and shows the
questions it brings. Both are commands of `CorrespondentSession`: the list and the
questions refresh themselves on the worker's `changed`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.store.database import Store
from desktop.ui.handcarry_dialogs import HandcarryDialogs
from desktop.ui.worker import StoreWorker

if TYPE_CHECKING:
    from desktop.services.changes import Done
    from desktop.services.handcarry import ExportOutcome, ReceiptsOutcome


class CorrespondentHandcarryActions(HandcarryDialogs):
    """*Send by hand…* and *Import receipts…*, and their dialogs."""

    def __init__(self, window: QMainWindow, worker: StoreWorker) -> None:
        super().__init__(window, worker)
        self.send_action = QAction(window)
        self.send_action.triggered.connect(self.choose_bundle_file)
        self.receipts_action = QAction(window)
        self.receipts_action.triggered.connect(self.choose_receipts_file)
        self.retranslate()

    def retranslate(self) -> None:
        self.send_action.setText(self.tr("Send by h&and…"))
        self.send_action.setToolTip(
            self.tr("Write the reports waiting for the newsroom into one file to carry")
        )
        self.receipts_action.setText(self.tr("&Import receipts…"))

    def update(self, enabled: bool) -> None:
        for action in (self.send_action, self.receipts_action):
            action.setEnabled(enabled)

    def choose_bundle_file(self) -> None:
        self._choose(self.tr("Save the file to carry as"), self.write_bundle, save=True)

    def write_bundle(self, path: Path) -> None:
        """Write the waiting reports to ``path`` on the worker; say how it went."""
        self._window.statusBar().showMessage(self.tr("Writing the file…"))

        def work(store: Store) -> Done[ExportOutcome]:
            from desktop.services.correspondent.session import CorrespondentSession

            return CorrespondentSession(store).send_by_hand(path)

        def done(outcome: ExportOutcome) -> None:
            self._window.statusBar().clearMessage()
            self._tell(
                self.tr("File written"),
                self.tr(
                    "%n report(s) written to {file}. Carry the file to the newsroom desk. The "
                    "reports stay in your list, marked carried, until receipts come back.",
                    "",
                    outcome.reports,
                ).format(file=str(path)),
            )

        self._worker.command(work, done, self._failed)

    def choose_receipts_file(self) -> None:
        self._choose(self.tr("Import receipts from"), self.import_receipts, save=False)

    def import_receipts(self, path: Path) -> None:
        def work(store: Store) -> Done[ReceiptsOutcome]:
            from desktop.services.correspondent.session import CorrespondentSession

            return CorrespondentSession(store).import_receipts(path)

        def done(outcome: ReceiptsOutcome) -> None:
            text = self.tr(
                "Receipts applied: %n report(s) are now with the newsroom.", "", outcome.reports
            )
            if outcome.question_texts:
                text += "\n\n" + self.tr("The desk asks:") + "\n"
                text += "\n".join(f"• {q}" for q in outcome.question_texts)
                text += "\n\n" + self.tr("Answer them beside each report in your list.")
            self._tell(self.tr("Receipts imported"), text)

        self._worker.command(work, done, self._failed)
