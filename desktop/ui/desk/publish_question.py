"""The question asked before an editor publishes a report: publishing tells every desk the
report may be used, so it is asked once, with Cancel as the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.domain.desk.review_events import UNDO_WINDOW
from desktop.ui.locks import discard
from desktop.ui.wrapping import set_message


def publish_question(parent: QWidget) -> tuple[QMessageBox, QPushButton]:
    """The question, and its "publish" button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ReviewPane", "Publish this report?"))
    set_message(
        box,
        QCoreApplication.translate("ReviewPane", "Publish this report?"),
        QCoreApplication.translate(
            "ReviewPane",
            "Publishing tells every editor of the newsroom that this report is checked "
            "and may be used in what the newsroom puts out. Every desk sees it as "
            "published after its next pull, and the gate board counts it. You can "
            "undo it for {minutes} minutes; after that, move it to needs follow-up.",
        ).format(minutes=int(UNDO_WINDOW.total_seconds() // 60)),
    )
    publish = box.addButton(
        QCoreApplication.translate("ReviewPane", "&Publish"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("ReviewPane", "&Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, publish


def ask_to_publish(parent: QWidget) -> bool:
    """Ask; whether the editor chose to publish."""
    box, publish = publish_question(parent)
    box.exec()
    confirmed = box.clickedButton() is publish
    discard(box)
    return confirmed
