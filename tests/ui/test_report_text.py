"""Burmese report text in the English interface: the review pane's labels keep the
interface font and only the Burmese runs take the Myanmar font; the text-size setting makes
those runs larger; and the Burmese interface writes digits one way (Latin) everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QApplication, QDateEdit, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.ui.i18n import LanguageSwitcher, local_month_day
from desktop.ui.myanmar_text import has_myanmar
from tests.helpers.desk_ui import desk_window, make_desk_store, unlock_desk


def fragment_font(document: QTextDocument, wanted: str) -> QFont:
    """The font of the first text fragment that contains `wanted` (or Myanmar letters,
    for `wanted` == "my")."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            text = fragment.text()
            if (wanted == "my" and has_myanmar(text)) or (wanted != "my" and wanted in text):
                return fragment.charFormat().font()
            it += 1
        block = block.next()
    raise AssertionError(wanted)


def test_an_english_pane_keeps_its_labels_and_sizes_burmese_text(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk")
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    switcher = LanguageSwitcher.current
    assert switcher is not None
    assert switcher.myanmar_family is not None
    try:
        page = unlock_desk(qtbot, window)
        burmese = ids[-1]  # the Mai Ja Yang laptop's reports are in Burmese
        page.show_report(burmese)
        browser = page.review.browser
        qtbot.waitUntil(lambda: has_myanmar(browser.toPlainText()), timeout=10_000)
        interface = QApplication.font().families()[0]
        assert not browser.testAttribute(Qt.WidgetAttribute.WA_SetFont)
        assert fragment_font(browser.document(), "China side").families()[0] == interface
        narrative = fragment_font(browser.document(), "my")
        assert narrative.families()[0] == switcher.myanmar_family
        normal = narrative.pointSizeF()

        switcher.set_text_size("large")  # the shown report is drawn again
        qtbot.waitUntil(
            lambda: fragment_font(browser.document(), "my").pointSizeF() > normal, timeout=10_000
        )
        larger = fragment_font(browser.document(), "my").pointSizeF()
        assert larger == pytest.approx(normal * 1.3, abs=0.15)
        assert fragment_font(browser.document(), "China side").families()[0] == interface
    finally:
        switcher.set_text_size("normal")
        window.close()


def test_the_burmese_interface_writes_latin_digits_everywhere(
    qtbot: QtBot, qapp: QApplication
) -> None:
    switcher = LanguageSwitcher.current or LanguageSwitcher(qapp)
    switcher.switch("my")
    try:
        box = QDateEdit(QDate(2026, 3, 1))
        box.setDisplayFormat("yyyy-MM-dd")
        spin = QSpinBox()
        spin.setValue(42)
        qtbot.addWidget(box)
        qtbot.addWidget(spin)
        assert box.text() == "2026-03-01"
        assert spin.text() == "42"
        axis = local_month_day(date(2026, 3, 12))
        assert axis.startswith("12 ")
        assert has_myanmar(axis)  # the month's Burmese name, with Latin digits
    finally:
        switcher.switch("en")
