"""Every screen at 1366×768, in English, Burmese and the pseudo-locale (40% longer): no
label, button, group title, tab or table header cut short, no text over other text, no
table that needs sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import TrafficKind
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import connection as desk_connection
from desktop.services.desk.demo import fill_demo_desk
from desktop.store.database import create_store
from desktop.store.reports import ReportRepository
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.desk.export_dialog import ExportDialog
from desktop.ui.pseudo_locale import PSEUDO
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.window import GatewatchWindow
from tests.helpers.desk_ui import desk_window, unlock_desk
from tests.ui.conftest import PASSPHRASE, unfold_all
from tests.ui.fit import problems

SIZE = (1366, 768)
LANGUAGES = ("en", "my", PSEUDO)


def _switch(qtbot: QtBot, window: GatewatchWindow, language: str) -> None:
    # A switch the window made itself (the store's language, as the list shows) lands
    # first: else `before` holds the old language's title and the wait below never ends.
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    if window.languages.language == language:
        return
    before = window.report_menu.title()
    window.languages.switch(language)
    if language != "en":
        qtbot.waitUntil(lambda: window.report_menu.title() != before, timeout=5000)


def _settle(qtbot: QtBot) -> None:
    # Layouts posted by the last events, and those they post in turn: delivered, not waited for.
    for _ in range(5):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _look(qtbot: QtBot, found: dict[str, list[str]], name: str, top: QWidget) -> None:
    _settle(qtbot)
    cut = problems(top)
    if cut:
        found[name] = cut


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{screen}: {problem}" for screen, cut in found.items() for problem in cut)


@pytest.fixture
def correspondent(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[GatewatchWindow]:
    with create_store(tmp_path / "store", PASSPHRASE) as store:
        reports = ReportRepository(store, default_gazetteer())
        for report, draft in demo_reports("en"):
            reports.add(report, state=ReportState.DRAFT if draft else ReportState.QUEUED)
    window = desk_window(qtbot, qapp, tmp_path / "store")
    window.resize(*SIZE)
    try:
        yield window
    finally:
        window.close()
        window.languages.switch("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_correspondent_screens_fit(
    qtbot: QtBot, correspondent: GatewatchWindow, language: str
) -> None:
    window = correspondent
    found: dict[str, list[str]] = {}
    _switch(qtbot, window, language)
    _look(qtbot, found, "unlock", window)
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    window.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() > 0, timeout=15_000)
    _switch(qtbot, window, language)  # the store's own setting is English
    window.main_page.table.selectRow(1)
    _look(qtbot, found, "list", window)
    window.new_action.trigger()
    form = window.form
    form.add_price.click()
    form.not_listed.setChecked(True)
    form.source_category.setCurrentIndex(2)
    form.traffic_groups[TrafficKind.CIVILIANS].button(1).click()  # a summary to show
    _look(qtbot, found, "form folded", window)
    unfold_all(form)
    bar = form.scroll_area.verticalScrollBar()
    for step in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(step)
        _look(qtbot, found, f"form at {step}", window)
    for dialog in (SettingsDialog(window.settings, window), ConnectDialog(window)):
        dialog.show()
        _look(qtbot, found, type(dialog).__name__, dialog)
        dialog.reject()
        dialog.deleteLater()
    assert not found, _report(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_desk_screens_fit(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        demo = fill_demo_desk(store, datetime.now(UTC).replace(microsecond=0))
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    window.resize(*SIZE)
    try:
        page = unlock_desk(qtbot, window)
        _switch(qtbot, window, language)
        found: dict[str, list[str]] = {}
        page.show_report(demo.ids["laiza_kia_wire"])
        qtbot.waitUntil(lambda: page.review.shown_state is not None, timeout=10_000)
        _look(qtbot, found, "inbox", window)
        page.tabs.setCurrentWidget(page.board)
        qtbot.waitUntil(lambda: page.board.table.rowCount() > 0, timeout=10_000)
        _look(qtbot, found, "board", window)
        page.board.open_timeline("laiza")
        _look(qtbot, found, "timeline", window)
        dialog = ExportDialog(window.worker, default_gazetteer(), lambda: language, window)
        dialog.show()
        _look(qtbot, found, "export", dialog)
        dialog.reject()
        dialog.deleteLater()
        assert not found, _report(found)
    finally:
        window.close()
        window.languages.switch("en")
