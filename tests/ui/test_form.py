"""The report form driven by keyboard and menu: what is saved, deleted, queued, and said."""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.report_state import ReportState
from desktop.domain.vocabulary import TrafficKind
from desktop.services.correspondent import capture
from desktop.ui.window import GatewatchWindow
from tests.helpers.dialogs import answer_message_box
from tests.helpers.form_ui import start_report
from tests.helpers.photos import jpeg_with_metadata
from tests.ui.conftest import add_draft, create_store_through_ui, drain, run_job, stored, unfold_all


def test_save_and_queue_are_off_before_a_store_is_open(window: GatewatchWindow) -> None:
    assert window.pages.currentWidget() is window.first_run
    for action in (window.save_action, window.queue_action, window.back_action):
        assert not action.isEnabled()
    assert not window.delete_action.isEnabled()


def test_a_traffic_change_alone_is_autosaved(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    form = window.form
    form._autosave.setInterval(100)
    form._autosave.start()
    qtbot.waitUntil(lambda: form.draft_id is not None, timeout=5000)
    qtbot.waitUntil(lambda: not form._dirty, timeout=5000)
    form.traffic_groups[TrafficKind.CARGO_TRUCKS].button(2).setChecked(True)  # blocked
    assert form._dirty
    qtbot.waitUntil(lambda: not form._dirty, timeout=5000)
    drain(qtbot, window.worker)  # the save has been stored
    [draft] = stored(tmp_path / "store")
    assert draft.body["traffic"]["cargo_trucks"] == "blocked"


def test_leaving_an_untouched_new_report_stores_nothing(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    qtbot.keyClick(window.form.gate, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    drain(qtbot, window.worker)  # a save on leaving would have been stored by now
    assert stored(tmp_path / "store") == []


def test_a_correction_left_untouched_leaves_no_draft(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    draft_id = add_draft(qtbot, window, "gate closed at noon")
    run_job(
        qtbot,
        window.worker,
        lambda store: capture.queue_draft(store, window.gazetteer, draft_id),
    )
    window._correct(draft_id)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.form, timeout=5000)
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    drain(qtbot, window.worker)  # a save on leaving would have been stored by now
    assert [r.row.state for r in stored(tmp_path / "store")] == [ReportState.QUEUED]


def test_a_draft_can_be_deleted_from_the_form_and_from_the_list(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    create_store_through_ui(qtbot, window)
    first = add_draft(qtbot, window, "first draft")
    add_draft(qtbot, window, "second draft")
    window._edit(first)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.form, timeout=5000)
    assert window.delete_action.isEnabled()
    seen: list[str] = []
    answer_message_box(qtbot, "Keep it", seen)
    qtbot.keyClick(window.form.narrative, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "Delete this draft" in seen[0]
    assert window.pages.currentWidget() is window.form  # kept
    answer_message_box(qtbot, "Delete", seen)
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    qtbot.waitUntil(lambda: len(stored(tmp_path / "store")) == 1, timeout=5000)

    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=5000)
    window.main_page.table.selectRow(0)
    qtbot.waitUntil(window.delete_action.isEnabled, timeout=5000)
    answer_message_box(qtbot, "Delete", seen)
    window.delete_action.trigger()
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 0, timeout=5000)
    assert stored(tmp_path / "store") == []


def test_a_photo_can_be_removed_by_keyboard(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    photo = tmp_path / "gate.jpg"
    photo.write_bytes(jpeg_with_metadata())
    window.form.photos.add_files([photo, photo])
    qtbot.waitUntil(lambda: window.form.photos.list.count() == 2, timeout=10_000)
    window.form.photos.list.setCurrentRow(0)
    window.form.photos.list.item(0).setSelected(True)
    window.remove_photo_action.trigger()
    qtbot.waitUntil(lambda: window.form.photos.list.count() == 1, timeout=5000)
    assert window.form.photos.list.item(0).text() == "1"
    draft_id = window.form.draft_id
    window.close()
    with_photos = stored(tmp_path / "store")
    assert [r.row.id for r in with_photos] == [draft_id]
    from desktop.store.attachments import AttachmentRepository
    from desktop.store.database import open_store
    from tests.ui.conftest import PASSPHRASE

    with open_store(tmp_path / "store", PASSPHRASE) as store:
        assert [i.position for i in AttachmentRepository(store).list(str(draft_id))] == [2]


def test_a_second_ctrl_enter_does_not_queue_twice(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    errors: list[object] = []
    window.form.error.connect(errors.append)
    window.main_page.error.connect(errors.append)
    qtbot.keyClick(window.form.narrative, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.queue_action.isEnabled()  # in flight
    qtbot.keyClick(window.form.narrative, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.form.queue()  # the button, too
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
    drain(qtbot, window.worker)  # a second queueing would have answered by now
    assert errors == []
    assert window.statusBar().currentMessage() == "Queued for sending."
    assert [r.row.state for r in stored(tmp_path / "store")] == [ReportState.QUEUED]


def test_validation_errors_name_the_fields_in_words_and_focus_the_first(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    window.new_action.trigger()
    form = window.form
    form.not_listed.setChecked(True)  # a crossing not in the list, without a name
    form.add_price.click()  # a price without a commodity
    seen: list[str] = []
    answer_message_box(qtbot, "OK", seen)
    window.queue_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.waitUntil(lambda: window.focusWidget() is form.new_name, timeout=5000)
    text = seen[0]
    assert "Crossing name: give the crossing a name" in text
    assert "Price 1: name the commodity" in text
    assert "new_crossing" not in text
    assert "prices[0]" not in text
    assert "must" not in text  # none of the validator's English
    assert window.pages.currentWidget() is form


def test_autosaves_do_not_reload_the_whole_list(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    refreshes: list[bool] = []
    real = window.main_page.refresh

    def counting() -> None:
        refreshes.append(True)
        real()

    window.main_page.refresh = counting  # type: ignore[method-assign]
    for word in ("one", "two", "three"):
        window.form.narrative.insertPlainText(word)
        window.form.save_if_dirty()
        qtbot.waitUntil(lambda: not window.form._dirty, timeout=5000)
        qtbot.waitUntil(lambda: window.form.draft_id is not None, timeout=5000)
    drain(qtbot, window.worker)  # every autosave has answered
    assert refreshes == []
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=5000)
    qtbot.waitUntil(lambda: window.main_page.model.rowCount() == 1, timeout=5000)
    assert refreshes  # the list is asked for once it shows


def test_price_rows_tab_in_order_and_have_names(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    form = window.form
    form.prices_box.button.click()  # unfold the prices
    form.add_price.click()
    form.add_price.click()
    row = [form.prices.cellWidget(0, c) for c in range(4)]
    second = [form.prices.cellWidget(1, c) for c in range(4)]
    chain = [*row, *second, form.add_price]
    window.activateWindow()
    chain[0].setFocus()
    for expected in chain[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is expected or expected.isAncestorOf(focus), expected
    names = [w.accessibleName() for w in second]
    assert names == ["Commodity, price 2", "Unit, price 2", "Amount, price 2", "Currency, price 2"]
    assert window.main_page.table.accessibleName() == "Reports"
    assert window.main_page.detail.accessibleName() == "Report details"


MNEMONIC = re.compile(r"&([^&\s])")


def test_every_alt_letter_on_the_form_is_unique(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    window.form.not_listed.setChecked(True)
    window.form.source_category.setCurrentIndex(1)
    unfold_all(window.form)
    texts: dict[str, list[str]] = {}
    widgets = window.form.findChildren(QLabel) + window.form.findChildren(QAbstractButton)
    for widget in widgets:
        if not widget.isVisibleTo(window):
            continue
        for letter in MNEMONIC.findall(widget.text()):
            texts.setdefault(letter.lower(), []).append(widget.text())
    for menu in (window.report_menu, window.tools_menu):
        for letter in MNEMONIC.findall(menu.title()):
            texts.setdefault(letter.lower(), []).append(menu.title())
    for widget in window.toolbar.findChildren(QAbstractButton):
        for letter in MNEMONIC.findall(widget.text()):
            texts.setdefault(letter.lower(), []).append(widget.text())
    clashes = {letter: names for letter, names in texts.items() if len(names) > 1}
    assert clashes == {}
    for required in (
        "Stat&us:",
        "People &stranded:",
        "Wh&o:",
        "Rel&iability:",
        "Cr&edibility:",
        "&Pseudonym:",
        "Re&move price",
    ):
        assert any(required in names for names in texts.values()), required
    for label in window.form.findChildren(QLabel):
        if MNEMONIC.search(label.text()) and label.isVisibleTo(window):
            assert label.buddy() is not None, label.text()


def test_the_form_actions_are_in_the_menu_with_their_keys(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    entries = {
        a.text().replace("&", ""): a.shortcut().toString() for a in window.report_menu.actions()
    }
    assert entries["Back to list"] == "Esc"
    assert entries["Add photos…"] == "Ctrl+O"
    assert entries["Generate pseudonym"] == "Ctrl+G"
    assert entries["Convert to Unicode"] == "Ctrl+Shift+U"
    assert entries["Remove photo"] == "Ctrl+Shift+R"
    assert entries["Delete draft…"] == "Ctrl+D"
    window.form.source_category.setCurrentIndex(1)
    window.pseudonym_action.trigger()
    assert window.form.pseudonym.text()
    window.form.add_price.click()
    for column in (1, 3):
        combo = window.form.prices.cellWidget(0, column)
        assert isinstance(combo, QComboBox)
        assert combo.accessibleName() in ("Unit, price 1", "Currency, price 1")
