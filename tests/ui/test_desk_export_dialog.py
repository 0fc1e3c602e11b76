"""The Export dialog on a real desk store through the real store worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import default_gazetteer
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import review as desk_review
from desktop.services.desk.export_profile import Profile
from desktop.store.database import create_store, open_store
from desktop.store.desk.review import ReviewRepository
from desktop.ui.desk.export_dialog import ExportDialog
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.worker import StoreWorker
from tests.helpers.desk_story import CANARY, NOW, mai_ja_yang_story
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def desk_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    with create_store(folder, PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519", now=NOW)
        desk_review.set_desk_label(store, "Myitkyina desk")
        mai_ja_yang_story(store)
    return folder


@pytest.fixture
def dialog(qtbot: QtBot, desk_dir: Path) -> Iterator[ExportDialog]:
    worker = StoreWorker()
    opened: list[object] = []
    worker.open(lambda: open_store(desk_dir, PASSPHRASE), opened.append, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert worker.is_open
    # English as the app starts it: the source texts and the English plural forms (a
    # window of an earlier test may have left either installed).
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    assert switcher.switch("en")
    shown = ExportDialog(worker, default_gazetteer(), lambda: "en")
    shown.use_native_file_dialog = False
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    worker.shutdown()


def test_pseudonyms_are_off_by_default_and_the_dialog_says_so(dialog: ExportDialog) -> None:
    assert not dialog.pseudonyms.isChecked()
    assert dialog.pseudonym_note.isVisible()
    assert "never include source pseudonyms" in dialog.pseudonym_note.text()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert not dialog.pseudonyms.isEnabled()
    assert not dialog.state.isEnabled()


def test_a_csv_export_fills_the_bar_and_says_where_it_went(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    out = tmp_path / "reports.csv"
    seen: list[tuple[int, int]] = []
    dialog._relay.progressed.connect(lambda d, t: seen.append((d, t)))
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_of_export is not None, timeout=20_000)
    assert dialog.progress.value() == dialog.progress.maximum()
    assert seen[-1] == (3, 3)  # the worker's counts reached the GUI thread
    assert "3 reports" in dialog.status.text()
    assert str(out) in dialog.status.text()
    assert not dialog.failed
    assert CANARY not in out.read_text(encoding="utf-8-sig")
    assert dialog.export_button.isEnabled()


def test_an_unwritable_place_shows_an_error_and_writes_nothing(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.path.setText(str(tmp_path / "no such folder" / "reports.json"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.failed, timeout=20_000)
    assert "Choose another folder" in dialog.status.text()
    assert dialog.progress.value() < dialog.progress.maximum()
    assert not (tmp_path / "no such folder").exists()
    assert dialog.export_button.isEnabled()
    dialog.path.setText("")
    dialog.export_button.click()
    assert "Choose where to save" in dialog.status.text()


def test_the_pdf_briefing_and_the_file_chooser(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, desk_dir: Path
) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.choose.click()
    chooser = dialog.file_chooser
    assert chooser is not None
    out = tmp_path / "briefing.pdf"
    chooser.selectFile(str(out))
    chooser.accept()
    assert dialog.path.text() == str(out)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_of_export is not None, timeout=20_000)
    assert not dialog.failed
    assert out.read_bytes().startswith(b"%PDF-")
    assert dialog.progress.value() == dialog.progress.maximum()
    dialog.close()
    dialog._worker.shutdown()
    with open_store(desk_dir, PASSPHRASE) as store:
        assert [e.format for e in ReviewRepository(store).exports()] == ["pdf"]


def test_a_file_outside_the_desk_folder_defaults_to_the_external_profile(
    qtbot: QtBot, dialog: ExportDialog, desk_dir: Path, tmp_path: Path
) -> None:
    dialog._desk_folder = desk_dir
    dialog.path.setText(str(desk_dir / "reports.csv"))
    assert dialog.chosen_profile() is Profile.INTERNAL
    out = tmp_path / "outside" / "reports.csv"
    out.parent.mkdir()
    dialog.path.setText(str(out))
    assert dialog.chosen_profile() is Profile.EXTERNAL
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_of_export is not None, timeout=20_000)
    assert "2 reports" in dialog.status.text()  # the verified ones only
    assert "Myitkyina desk" not in out.read_text(encoding="utf-8-sig")
    (export,) = stored_exports(desk_dir)
    assert export.filters["profile"] == "external"
    # The editor's own choice is kept whatever the file.
    dialog.profile.setCurrentIndex(dialog.profile.findData("internal"))
    dialog.profile.activated.emit(dialog.profile.currentIndex())
    dialog.path.setText(str(tmp_path / "elsewhere.csv"))
    assert dialog.chosen_profile() is Profile.INTERNAL


def stored_exports(desk_dir: Path) -> list[Any]:
    with open_store(desk_dir, PASSPHRASE) as store:
        return ReviewRepository(store).exports()
