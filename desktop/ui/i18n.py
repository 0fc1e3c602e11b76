"""Language and fonts: Qt translators for Burmese and English, and the bundled Myanmar font.

Every visible string goes through `tr()`; resources/i18n holds the .ts sources and the
compiled .qm files (`make translations`). English is the source language: its file holds
only the plural forms. Widgets retranslate themselves on QEvent.LanguageChange.

Fonts: Myanmar script stacks marks above and below the line, so a widget sized for Latin
metrics clips it. In Burmese the bundled Padauk font leads (its metrics size the widgets)
at a slightly larger size; in English the system font leads and Padauk only fills in the
Myanmar characters it lacks. Padauk at the Latin point size is hard to read (its letters
are small for its em), and Qt cannot scale one fallback family, so widgets that usually
hold Burmese (narrative, detail pane, gate chooser, list cells) call `fit_font` /
`myanmar_font`: while their text contains Myanmar letters, Padauk leads there too.
Report panes set it on the Burmese runs only (`desktop.ui.report_text`), so their labels
keep the interface font. Text with Myanmar letters has a size setting (normal, large) for
reading in poor light; in the Burmese interface, large scales it too.

Digits: one rule in every language, Latin digits (0-9), as lists, times, exports and the
briefing write them. Qt's default locale stays English so spin boxes, date boxes and
numbers formatted by Qt follow it; month names in Burmese come through `local_month_day`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from desktop.resources import resource_path
from desktop.ui.myanmar_text import has_myanmar
from desktop.ui.pseudo_locale import PSEUDO, PSEUDO_ENV, PseudoTranslator

if TYPE_CHECKING:  # widgets only for fit_font's type: a PDF is rendered with no widget
    from PySide6.QtWidgets import QWidget

LANGUAGES = {"en": "English", "my": "မြန်မာ"}
MYANMAR_FONT_FILES = ("Padauk-Regular.ttf", "Padauk-Bold.ttf")
MYANMAR_SIZE_FACTOR = 1.15
TEXT_SIZES = {"normal": 1.0, "large": 1.3}  # Myanmar text, over its usual size
_LATIN_DIGITS = {0x1040 + n: 0x30 + n for n in range(10)}


def load_myanmar_font() -> str | None:
    """Register the bundled Myanmar font; return its family, or None if it cannot load."""
    family: str | None = None
    for name in MYANMAR_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


class LanguageSwitcher:
    """Installs the translator and the font of the chosen language into the application."""

    def __init__(self, app: QGuiApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self._base_font = QFont(app.font())
        # Resolve aliases like "Sans Serif": in a family list they would be skipped.
        self._system_family = QFontInfo(self._base_font).family()
        self.myanmar_family = load_myanmar_font()
        self.language = "en"
        self.text_size = "normal"
        # The developer-only pseudo-locale (desktop/ui/pseudo_locale.py) for every switch.
        self.pinned_pseudo = bool(os.environ.get(PSEUDO_ENV))
        self._apply_font("en")
        LanguageSwitcher.current = self

    current: LanguageSwitcher | None = None

    def switch(self, language: str) -> bool:
        """Use `language` ("en" or "my", or the developer's `PSEUDO`); return False if its
        translation cannot load."""
        if self.pinned_pseudo:
            language = PSEUDO
        if language not in LANGUAGES and language != PSEUDO:
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator(self._app)
        if language == PSEUDO:
            translator = PseudoTranslator(self._app)
            self._app.installTranslator(translator)
            self._translator = translator
        elif translator.load(str(resource_path("i18n", f"gatewatch_{language}.qm"))):
            self._app.installTranslator(translator)
            self._translator = translator
        elif language != "en":
            return False  # English is the source language: its file only adds plural forms
        self.language = language
        self._apply_font(language)
        # Latin digits in every language (see the module docstring).
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True

    def set_text_size(self, size: str) -> None:
        """Show Myanmar text `size` (a key of `TEXT_SIZES`); every widget is told, as after
        a language switch, so lists and panes draw it again."""
        size = size if size in TEXT_SIZES else "normal"
        if size != self.text_size:
            self.text_size = size
            self.switch(self.language)

    def _apply_font(self, language: str) -> None:
        font = QFont(self._base_font)
        myanmar = self.myanmar_family
        if myanmar is None:
            font.setFamilies([self._system_family])
        elif language == "my":
            font.setFamilies([myanmar, self._system_family])
            font.setPointSizeF(self._base_font.pointSizeF() * MYANMAR_SIZE_FACTOR)
        else:
            font.setFamilies([self._system_family, myanmar])
        self._app.setFont(font)


def myanmar_font() -> QFont | None:
    """A Padauk-led font for text with Myanmar letters in the English interface; None
    where the application font already suits it (Burmese interface, no Padauk)."""
    switcher = LanguageSwitcher.current
    if switcher is None or switcher.myanmar_family is None:
        return None
    factor = TEXT_SIZES[switcher.text_size]
    font = QFont(switcher._app.font())
    if switcher.language == "my":
        if factor == 1.0:
            return None
        font.setPointSizeF(font.pointSizeF() * factor)
        return font
    font.setFamilies([switcher.myanmar_family, switcher._system_family])
    font.setPointSizeF(switcher._base_font.pointSizeF() * MYANMAR_SIZE_FACTOR * factor)
    return font


def latin_digits(text: str) -> str:
    """`text` with Myanmar digits (၀-၉) written as Latin ones."""
    return text.translate(_LATIN_DIGITS)


def local_month_day(day: date) -> str:
    """``1 Mar``, or the Burmese month name in the Burmese interface, Latin digits."""
    switcher = LanguageSwitcher.current
    burmese = switcher is not None and switcher.language == "my"
    language = QLocale.Language.Burmese if burmese else QLocale.Language.English
    return latin_digits(QLocale(language).toString(QDate(day.year, day.month, day.day), "d MMM"))


def fit_font(widget: QWidget, text: str) -> None:
    """Give `widget` the Myanmar font while `text` holds Myanmar letters, else the
    inherited one (so it still follows a language switch)."""
    font = myanmar_font() if has_myanmar(text) else None
    own = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
    if font is None:
        if own:
            widget.setFont(QFont())  # an empty resolve mask: inherit again
    elif not own or widget.font() != font:
        widget.setFont(font)
