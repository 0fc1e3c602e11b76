"""Exporting the newsroom key from the window: a generated passphrase is the default,
shown with its strength, and opens the file; a refused review shows in the history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.domain.desk.review import ReviewState
from desktop.services.desk import connection as desk_connection
from desktop.store.database import create_store, open_store
from desktop.store.desk.keyexport import read_key_export
from desktop.store.desk.review import AuditEntry
from desktop.ui.desk.key_export_dialog import ExportKeyDialog
from desktop.ui.desk.report_view import audit_line
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.worker import StoreWorker
from tests.helpers.diceware_words import reads_as_words
from tests.helpers.stores import PASSPHRASE


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[ExportKeyDialog]:
    with create_store(tmp_path / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
    worker = StoreWorker()
    opened: list[object] = []
    worker.open(lambda: open_store(tmp_path / "desk", PASSPHRASE), opened.append, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert worker.is_open
    assert LanguageSwitcher(QApplication.instance()).switch("en")  # type: ignore[arg-type]
    shown = ExportKeyDialog(worker)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    worker.shutdown()


def test_the_generated_passphrase_is_the_default_and_opens_the_file(
    qtbot: QtBot, dialog: ExportKeyDialog, tmp_path: Path
) -> None:
    generated = dialog.passphrase.text()
    assert reads_as_words(generated, 7)
    assert dialog.repeat.text() == generated
    assert dialog.passphrase.echoMode() is QLineEdit.EchoMode.Normal  # to be written down
    assert "about 90 bits" in dialog.meter.text()

    dialog.new_words_button.click()
    assert dialog.passphrase.text() != generated
    generated = dialog.passphrase.text()
    assert dialog.repeat.text() == generated

    dialog.path.setText(str(tmp_path / "for-second-editor.key"))
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):  # Argon2id at the export's cost
        dialog.export()
    assert read_key_export(tmp_path / "for-second-editor.key", generated).kem == "x25519"


def test_an_own_passphrase_is_judged_by_the_meter(dialog: ExportKeyDialog) -> None:
    dialog.passphrase.setText("kettle window")
    assert "bits" not in dialog.meter.text()
    assert "Too easy to guess" in dialog.meter.text()


def test_a_refused_move_reads_as_refused_in_the_history(qtbot: QtBot) -> None:
    entry = AuditEntry(
        datetime(2025, 1, 2, tzinfo=UTC),
        "refused",
        "Night desk",
        ReviewState.NEW,
        ReviewState.VERIFIED,
        "the review is not signed by the key endorsed for desk 'Night desk'",
    )
    line = audit_line(entry)
    assert line.startswith("Refused: a move from")
    assert "said to be by Night desk" in line
