"""The Devices dialog: an editor sees each device's label, key fingerprint and enrolment
time, approves or revokes it, and the inbox's queue of reports from unapproved devices
follows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.desk.device_trust import key_fingerprint, spaced
from desktop.ui.desk.devices import DeviceDialog
from tests.helpers.desk_stores import MAI_JA_YANG_LAPTOP
from tests.helpers.desk_ui import desk_window, make_desk_store, shown_ids, unlock_desk


def row_of(dialog: DeviceDialog, label: str) -> int:
    return next(
        row
        for row in range(dialog.table.rowCount())
        if (item := dialog.table.item(row, 0)) is not None and item.text() == label
    )


def cell(dialog: DeviceDialog, label: str, column: int) -> str:
    item = dialog.table.item(row_of(dialog, label), column)
    return "" if item is None else item.text()


def test_an_editor_approves_and_revokes_devices_and_the_waiting_queue_empties(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    ids = make_desk_store(tmp_path / "desk", approved=False)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        filters = page.inbox.filters
        waiting = f"From unapproved devices ({len(ids)})"
        qtbot.waitUntil(lambda: filters.show_unapproved.text() == waiting, timeout=10_000)
        filters.show_unapproved.click()
        qtbot.waitUntil(lambda: sorted(shown_ids(page)) == sorted(ids), timeout=10_000)
        # The status line reads its counts on its own, after the list.
        qtbot.waitUntil(
            lambda: "from devices no editor approved" in page.status.text(), timeout=10_000
        )

        dialog = DeviceDialog(window.worker, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
        assert cell(dialog, "Laiza laptop", 1) == spaced(key_fingerprint(b"k" * 32))
        assert cell(dialog, "Laiza laptop", 3) == "waiting for approval"
        assert not dialog.approve_button.isEnabled()  # nothing chosen yet

        dialog.table.selectRow(row_of(dialog, "Laiza laptop"))
        with qtbot.waitSignal(dialog.decided, timeout=10_000):
            dialog.approve_button.click()
        qtbot.waitUntil(lambda: cell(dialog, "Laiza laptop", 3) == "approved", timeout=10_000)

        dialog.table.selectRow(row_of(dialog, "Mai Ja Yang laptop"))
        dialog.revoke_button.click()
        qtbot.waitUntil(dialog.confirm.isVisible)
        with qtbot.waitSignal(dialog.decided, timeout=10_000) as decided:
            button = dialog.confirm.button(QMessageBox.StandardButton.Yes)
            assert button is not None
            button.click()
        assert decided.args == [MAI_JA_YANG_LAPTOP]
        qtbot.waitUntil(lambda: cell(dialog, "Mai Ja Yang laptop", 3) == "revoked", timeout=10_000)
        assert not dialog.revoke_button.isEnabled()  # final
        dialog.close()

        page.inbox.refresh()
        qtbot.waitUntil(
            lambda: filters.show_unapproved.text() == "From unapproved devices (0)",
            timeout=10_000,
        )
        qtbot.waitUntil(lambda: shown_ids(page) == [], timeout=10_000)
    finally:
        window.close()
