"""Burmese is wrapped between syllables by us, because Qt would break it anywhere."""

from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.line_breaks import wrap_to_width
from desktop.ui.myanmar_text import ZWSP, syllable_breaks
from desktop.ui.window import GatewatchWindow
from desktop.ui.wrapping import WrapLabel
from tests.ui.conftest import add_draft, create_store_through_ui

TEXT = (
    "ဤသတင်းတွင် လူတစ်ဦးကို ဖော်ထုတ်နိုင်သည့် အချက်အလက်များ ပါပုံရသည်။ ၎င်းတို့ကြောင့် "
    "သတင်းရင်းမြစ်များ အန္တရာယ် ကျရောက်နိုင်သည်။ ပို့ရန် တန်းစီထားသည်။ Gatewatch 4,500 ကျပ်"
)


def boundaries(text: str) -> set[int]:
    """Where a line may end: after a space, or before a syllable."""
    allowed: set[int] = set()
    position = 0
    for ch in syllable_breaks(text):
        if ch == ZWSP:
            allowed.add(position)
            continue
        position += 1
        if ch == " ":
            allowed.add(position)
    return allowed


def font() -> QFont:
    return QFont(QApplication.font())


def test_lines_end_only_between_syllables_and_fit(qapp: QApplication) -> None:
    metrics = QFontMetricsF(font())
    allowed = boundaries(TEXT)
    for width in range(80, 600, 13):
        wrapped = wrap_to_width(TEXT, font(), width)
        assert wrapped.replace("\n", "") == TEXT  # nothing lost, nothing added
        position = 0
        lines = wrapped.split("\n")
        for line in lines[:-1]:
            position += len(line)
            assert position in allowed, (width, line)
        for line in lines:
            single_piece = len(boundaries(line.strip()) - {0, len(line.strip())}) == 0
            assert metrics.horizontalAdvance(line.rstrip()) <= width or single_piece


def test_latin_text_is_left_to_qt(qapp: QApplication) -> None:
    assert wrap_to_width("Diesel is 4,500 kyat a litre", font(), 30) == (
        "Diesel is 4,500 kyat a litre"
    )


def test_a_wrap_label_keeps_what_was_set_and_wraps_what_shows(qtbot: QtBot) -> None:
    label = WrapLabel(TEXT)
    qtbot.addWidget(label)
    label.resize(220, 400)
    label.show()
    assert label.raw_text() == TEXT
    assert "\n" in label.text()
    assert label.text().replace("\n", "") == TEXT
    assert label.heightForWidth(220) > label.heightForWidth(600)
    label.setText("plain")
    assert label.text() == "plain"


def test_the_detail_pane_wraps_burmese_and_copies_it_as_typed(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    narrative = TEXT.replace("Gatewatch ", "")
    add_draft(qtbot, window, narrative)
    page = window.main_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "\u2028" in page.detail.document().toRawText(), timeout=5000)
    page.detail.selectAll()
    page.detail.copy()
    copied = QGuiApplication.clipboard().text()
    assert narrative in copied
    assert "\u2028" not in copied
    assert ZWSP not in copied
    assert "\ufdd0" not in copied
    assert "How known\nI saw it" in copied
