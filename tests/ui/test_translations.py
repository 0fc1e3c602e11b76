"""The Burmese translation: complete, placeholders and Alt letters kept, no English left."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from desktop.resources import resource_path
from desktop.ui.myanmar_text import ZWSP
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import create_store_through_ui

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
ACCELERATOR = re.compile(r"&([^&\s])")
# Words that stay Latin in Burmese: names, codes and keys (docs/translation-notes.md).
KEPT = {
    "Gatewatch",
    "KIA",
    "MMK",
    "CNY",
    "JPEG",
    "PNG",
    "UTC",
    "Tor",
    "Ctrl",
    "Shift",
    "Enter",
    "Esc",
    "Delete",
    "px",
    "certificate",
    "store",
    "key",
    "gwinvite",
}


def messages() -> list[tuple[str, str, str]]:
    path = Path(resource_path("i18n", "gatewatch_my.ts"))
    tree = ET.parse(path)  # noqa: S314 (our own file)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") is None, message.findtext("source")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            found.extend((name, message.findtext("source") or "", form) for form in forms)
    return found


def test_every_message_is_translated_with_its_placeholders_and_alt_letter() -> None:
    for context, source, translation in messages():
        assert translation.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation))
        wanted = ACCELERATOR.findall(source)
        if wanted:
            text = translation.replace(ZWSP, "")
            pattern = rf"\(&{re.escape(wanted[0])}\)(:|…)?$"
            assert re.search(pattern, text, re.IGNORECASE), (source, text)


def test_long_translations_carry_syllable_breaks() -> None:
    for _, source, translation in messages():
        plain = translation.replace(ZWSP, "")
        if len(plain) >= 30 and re.search("[\u1000-\u109f]{6}", plain):
            assert ZWSP in translation, source


def english_words(text: str) -> set[str]:
    words = set(re.findall(r"[A-Za-z]{3,}", text))
    return {w for w in words if w not in KEPT}


def deliver_language_change() -> None:
    """Deliver the LanguageChange events a new translator posts to every window: once
    they are in, every widget has retranslated itself."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def test_the_burmese_form_and_list_show_no_english(qtbot: QtBot, window: GatewatchWindow) -> None:
    create_store_through_ui(qtbot, window)
    window.languages.switch("my")
    try:
        deliver_language_change()
        window.new_action.trigger()
        window.form.not_listed.setChecked(True)
        window.form.source_category.setCurrentIndex(1)
        window.form.add_price.click()
        deliver_language_change()
        left: dict[str, set[str]] = {}
        for page in (window.form, window.main_page):
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                if widget.isVisibleTo(window):
                    words = english_words(widget.text()) | english_words(widget.toolTip())
                    if words:
                        left[widget.text()] = words
            for box in page.findChildren(QGroupBox):
                if english_words(box.title()):
                    left[box.title()] = english_words(box.title())
        for menu in (window.report_menu, window.tools_menu):
            for action in menu.actions():
                if english_words(action.text()):
                    left[action.text()] = english_words(action.text())
        assert left == {}
    finally:
        window.languages.switch("en")


def test_an_alt_letter_is_the_only_bracket_and_units_are_burmese() -> None:
    for _, source, translation in messages():
        text = translation.replace(ZWSP, "")
        if ACCELERATOR.search(source):
            assert text.count("(") == 1, (source, text)  # "(&P)" and nothing else
        assert "spreadsheet" not in text, source
        assert not re.search(r"\bpx\b", text), source
