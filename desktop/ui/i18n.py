"""Language and fonts: Qt translators for Burmese and English, and the bundled Myanmar font.

Every visible string goes through `tr()`; resources/i18n holds the .ts sources and the
compiled .qm files (`make translations`). English is the source language, so it needs no
file. Widgets retranslate themselves on QEvent.LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

LANGUAGES = {"en": "English", "my": "မြန်မာ"}
MYANMAR_FONT_FILES = ("Padauk-Regular.ttf", "Padauk-Bold.ttf")


class LanguageSwitcher:
    """Installs the translator of the chosen language into the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = "en"

    def switch(self, language: str) -> bool:
        """Use `language` ("en" or "my"); return False if its translation cannot load."""
        if language not in LANGUAGES:
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if language != "en":
            translator = QTranslator(self._app)
            if not translator.load(str(resource_path("i18n", f"gatewatch_{language}.qm"))):
                return False
            self._app.installTranslator(translator)
            self._translator = translator
        self.language = language
        QLocale.setDefault(
            QLocale(QLocale.Language.Burmese if language == "my" else QLocale.Language.English)
        )
        return True


def load_myanmar_font(app: QApplication) -> str | None:
    """Register the bundled Myanmar font and make it the fallback for Burmese text.

    Returns its family name, or None if the font files cannot be loaded (then Burmese
    renders with whatever the system has).
    """
    family: str | None = None
    for name in MYANMAR_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    if family is None:
        return None
    font = QFont(app.font())
    # The system family for Latin text, Padauk for what it lacks (Myanmar script).
    font.setFamilies([*app.font().families(), family])
    app.setFont(font)
    return family
