"""The developer's pseudo-locale: longer, bracketed, with placeholders and Alt letters kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import LANGUAGES, LanguageSwitcher
from desktop.ui.pseudo_locale import PSEUDO, PSEUDO_ENV, pseudo_text


@pytest.mark.parametrize(
    "text",
    ["Save dra&ft", "{shown} of {total} reports", "%n reports waiting", "Sen&d now", "OK"],
)
def test_pseudo_text_is_longer_and_keeps_what_code_needs(text: str) -> None:
    shown = pseudo_text(text)
    assert shown.startswith("[")
    assert shown.endswith("]")
    assert len(shown) >= len(text) * 1.4
    for kept in ("{shown}", "{total}", "%n", "&f", "&d"):
        assert (kept in text) == (kept in shown)
    assert pseudo_text("") == ""


def test_the_pseudo_locale_is_never_offered_and_can_be_pinned(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert PSEUDO not in LANGUAGES  # the settings and the welcome page list LANGUAGES
    previous = LanguageSwitcher.current
    switcher = LanguageSwitcher(qapp)
    pinned: LanguageSwitcher | None = None
    try:
        assert switcher.switch(PSEUDO)
        QCoreApplication.processEvents()
        assert QCoreApplication.translate("Window", "&Lock") == "[&Löçk ··]"
        monkeypatch.setenv(PSEUDO_ENV, "1")
        pinned = LanguageSwitcher(qapp)
        assert pinned.switch("my")
        assert pinned.language == PSEUDO  # what a developer runs the app with
        assert QCoreApplication.translate("Window", "&Lock") == "[&Löçk ··]"
    finally:
        monkeypatch.delenv(PSEUDO_ENV, raising=False)
        switcher.switch("en")
        if pinned is not None:
            pinned.pinned_pseudo = False
            pinned.switch("en")
        LanguageSwitcher.current = previous
    assert QCoreApplication.translate("Window", "&Lock") == "&Lock"
