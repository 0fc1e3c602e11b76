"""What the form says about a report that is not ready or names someone: validation
errors in words, the personal-details warning and its highlights in the narrative."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from desktop.domain.errors import FieldError
from desktop.ui.locks import discard
from desktop.ui.wrapping import set_message

if TYPE_CHECKING:
    from desktop.ui.correspondent.report_form import ReportForm

PRICE_COLUMNS = {"commodity": 0, "unit": 1, "amount": 2, "currency": 3}


def field_problem(form: ReportForm, error: FieldError) -> tuple[str, str, QWidget]:
    """A validation error in words: the field's label, what to do, and the widget to put
    the cursor in. Never the raw path, never the typed value."""
    head, _, rest = error.path.partition(".")
    key = head.split("[", 1)[0]
    too_long = "too long" in error.message
    fix = (
        QCoreApplication.translate("ReportForm", "too long: shorten it")
        if too_long
        else QCoreApplication.translate("ReportForm", "check this field")
    )
    if key == "gate":
        hint = QCoreApplication.translate(
            "ReportForm", "choose one from the list, or tick “not in the list” and give its name"
        )
        return QCoreApplication.translate("ReportForm", "Crossing"), hint, form.gate
    if key == "new_crossing":
        if rest == "description":
            where = QCoreApplication.translate("ReportForm", "Where it is")
            return where, fix, form.new_description
        if not too_long:
            fix = QCoreApplication.translate("ReportForm", "give the crossing a name")
        return QCoreApplication.translate("ReportForm", "Crossing name"), fix, form.new_name
    if key == "observed_at":
        fix = QCoreApplication.translate(
            "ReportForm", "check the date and time: not in the future, not before 2000"
        )
        return QCoreApplication.translate("ReportForm", "Observed"), fix, form.observed
    if key == "prices":
        row = index_in(head)
        if rest == "commodity" and "empty" in error.message:
            fix = QCoreApplication.translate("ReportForm", "name the commodity")
        name = QCoreApplication.translate("ReportForm", "Price {number}").format(number=row + 1)
        cell = form.price_section.cell(row, PRICE_COLUMNS.get(rest, 0))
        return name, fix, cell or form.add_price
    if key == "source":
        if not rest:
            fix = QCoreApplication.translate(
                "ReportForm", "choose who told you, or change “How known”"
            )
        return QCoreApplication.translate("ReportForm", "Source"), fix, form.source_category
    simple: dict[str, tuple[str, QWidget]] = {
        "china_side": (QCoreApplication.translate("ReportForm", "China side"), form.china_side),
        "myanmar_side": (
            QCoreApplication.translate("ReportForm", "Myanmar side"),
            form.myanmar_side,
        ),
        "traffic": (QCoreApplication.translate("ReportForm", "What may pass"), form.traffic_box),
        "civilian_passage": (
            QCoreApplication.translate("ReportForm", "Civilians who may cross"),
            form.civilian_passage,
        ),
        "controlled_by": (
            QCoreApplication.translate("ReportForm", "Controlled by"),
            form.controlled_by,
        ),
        "barrier": (
            QCoreApplication.translate("ReportForm", "Barrier on the Myanmar side"),
            form.barrier_box,
        ),
        "shortages": (
            QCoreApplication.translate("ReportForm", "Shortages in town"),
            form.shortage_box,
        ),
        "people_stranded": (
            QCoreApplication.translate("ReportForm", "People stranded"),
            form.people,
        ),
        "how_known": (QCoreApplication.translate("ReportForm", "How known"), form.how_known),
        "narrative": (QCoreApplication.translate("ReportForm", "What happened"), form.narrative),
    }
    name, widget = simple.get(
        key, (QCoreApplication.translate("ReportForm", "The report"), form.gate)
    )
    return name, fix, widget


def not_ready_box(parent: QWidget, lines: list[str]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ReportForm", "Not ready to send"))
    set_message(
        box,
        QCoreApplication.translate("ReportForm", "Please complete these fields first:"),
        "\n".join(lines),
    )
    box.addButton(
        QCoreApplication.translate("ReportForm", "&OK"), QMessageBox.ButtonRole.AcceptRole
    )
    return box


def pii_message_box(parent: QWidget, findings: list[tuple[str, Any]]) -> tuple[QMessageBox, Any]:
    """The warning shown before queueing; returns it and its "send anyway" button."""
    messages = {
        "phone": QCoreApplication.translate(
            "ReportForm",
            "This looks like a phone number. A number can lead straight back to your "
            "source: remove it, or send anyway if it is public (an office or a hotline).",
        ),
        "email": QCoreApplication.translate(
            "ReportForm",
            "This looks like an e-mail address. It can identify your source: remove it, "
            "or send anyway if it is public.",
        ),
        "nrc": QCoreApplication.translate(
            "ReportForm",
            "This looks like a national registration card (NRC) number. It names one "
            "person: remove it unless the person agreed to be named.",
        ),
        "plate": QCoreApplication.translate(
            "ReportForm",
            "This looks like a vehicle plate. A plate can identify a driver or a trader: "
            "remove it, or send anyway if it does not point to your source.",
        ),
    }
    lines = "\n".join(
        f"• {finding.matched}: {messages.get(finding.kind, finding.message)}"
        for _, finding in findings
    )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ReportForm", "Personal details found"))
    text = QCoreApplication.translate(
        "ReportForm",
        "This report seems to contain details that could identify someone. "
        "Sources can be put in danger by them.",
    )
    set_message(box, text, lines)
    edit = box.addButton(
        QCoreApplication.translate("ReportForm", "&Edit the report"),
        QMessageBox.ButtonRole.RejectRole,
    )
    send = box.addButton(
        QCoreApplication.translate("ReportForm", "Send &anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(edit)
    return box, send


def highlight(narrative: QPlainTextEdit, findings: list[Any]) -> None:
    """Mark the findings in the narrative (until it is edited)."""
    selections = []
    marker = QTextCharFormat()
    marker.setBackground(QColor("#ffd54f"))
    text = narrative.toPlainText()
    for finding in findings:
        cursor = QTextCursor(narrative.document())
        cursor.setPosition(utf16_offset(text, finding.start))
        cursor.setPosition(utf16_offset(text, finding.end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = marker
        selections.append(selection)
    narrative.setExtraSelections(selections)


def index_in(path_head: str) -> int:
    """The index in a path head like "prices[2]" (0 when there is none)."""
    _, _, rest = path_head.partition("[")
    digits = rest.rstrip("]")
    return int(digits) if digits.isdigit() else 0


def utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: a character past U+FFFF (an emoji) is two."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def confirm_delete(parent: QWidget) -> bool:
    """Ask once before a draft and its photos are deleted."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ReportForm", "Delete draft"))
    set_message(
        box,
        QCoreApplication.translate(
            "ReportForm", "Delete this draft and its photos from this computer? There is no undo."
        ),
    )
    delete = box.addButton(
        QCoreApplication.translate("ReportForm", "&Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("ReportForm", "&Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.exec()
    confirmed = box.clickedButton() is delete
    discard(box)
    return confirmed
