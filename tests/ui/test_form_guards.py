"""The report form's guards, driven like a user: PII warning, Zawgyi offer, photos."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain.report_state import ReportState
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import open_store
from desktop.store.reports import ReportRepository
from desktop.ui.correspondent import zawgyi_offer
from desktop.ui.correspondent.zawgyi_offer import ZAWGYI_PREVIEW_CHARS
from desktop.ui.window import GatewatchWindow
from tests.helpers.dialogs import answer_message_box
from tests.helpers.form_ui import ZAWGYI, start_report
from tests.helpers.photos import CANARIES, jpeg_with_metadata
from tests.ui.conftest import PASSPHRASE, rescue_dialogs


def stored_states(data_dir: Path) -> list[ReportState]:
    with open_store(data_dir, PASSPHRASE) as store:
        reports = ReportRepository(store)
        return [reports.get(i).row.state for i in reports.ids()]


def test_pii_warning_lets_the_user_edit_or_send_anyway(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    form = window.form
    form.narrative.setPlainText("Call the driver on 09 7512 34567 about plate YGN 2B-1234.")
    seen: list[str] = []
    answer_message_box(qtbot, "Edit the report", seen)
    form.queue_button.click()
    assert "phone number" in seen[0]
    assert "vehicle plate" in seen[0]
    assert window.pages.currentWidget() is form  # still editing
    assert form.narrative.extraSelections()  # the findings are highlighted

    answer_message_box(qtbot, "Send anyway", seen)
    form.queue_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)
    window.close()
    assert stored_states(tmp_path / "store") == [ReportState.QUEUED]


def test_a_finding_after_an_emoji_is_highlighted_whole(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    # Python counts code points, Qt UTF-16 units: each emoji before a finding would shift
    # the highlight by one and leave part of the number unmarked.
    start_report(qtbot, window)
    form = window.form
    form.narrative.setPlainText("\U0001f642\U0001f642 call 09 7512 34567 now")
    seen: list[str] = []
    answer_message_box(qtbot, "Edit the report", seen)
    form.queue_button.click()
    assert "phone number" in seen[0]
    marked = [s.cursor.selectedText() for s in form.narrative.extraSelections()]
    assert marked == ["09 7512 34567"]


def test_prices_and_dates_do_not_trigger_the_pii_warning(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    window.form.narrative.setPlainText("On 12.11.2024 at 09:30 diesel cost 4,500 kyat a litre.")
    with rescue_dialogs():  # no box; were one to open, it is closed and the wait fails
        window.form.queue_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.main_page, timeout=10_000)


def test_zawgyi_is_offered_for_conversion(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    form = window.form
    form.narrative.setPlainText(ZAWGYI)
    qtbot.waitUntil(form.zawgyi.isVisible, timeout=2000)
    assert form.zawgyi.after.text().startswith("မြန်မာ")
    form.zawgyi.convert_button.click()
    assert form.narrative.toPlainText().startswith("မြန်မာ ဂိတ်ကို")
    assert not form.zawgyi.isVisible()
    assert form.zawgyi.before.text() == form.zawgyi.after.text() == ""  # no copy kept

    with qtbot.waitSignal(form.zawgyi._timer.timeout, timeout=10_000):  # the check ran
        form.narrative.setPlainText("လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်")  # Unicode: no offer
    assert not form.zawgyi.isVisible()


def test_zawgyi_check_waits_for_a_pause_and_converts_only_the_preview(
    qtbot: QtBot, window: GatewatchWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_report(qtbot, window)
    form = window.form
    checked: list[int] = []
    converted: list[int] = []
    real_detect, real_convert = zawgyi_offer.looks_like_zawgyi, zawgyi_offer.zawgyi_to_unicode

    def counting_detect(text: str) -> bool:
        checked.append(len(text))
        return real_detect(text)

    def counting_convert(text: str) -> str:
        converted.append(len(text))
        return real_convert(text)

    monkeypatch.setattr(zawgyi_offer, "looks_like_zawgyi", counting_detect)
    monkeypatch.setattr(zawgyi_offer, "zawgyi_to_unicode", counting_convert)
    for _ in range(20):  # twenty keystrokes, as an input method commits them
        form.narrative.insertPlainText(ZAWGYI[:5])
    assert checked == []  # nothing on the keystrokes themselves
    qtbot.waitUntil(form.zawgyi.isVisible, timeout=2000)
    assert len(checked) == 1
    assert converted == [min(100, ZAWGYI_PREVIEW_CHARS)]  # the preview only


def test_zawgyi_previews_are_cleared_by_a_lock(qtbot: QtBot, window: GatewatchWindow) -> None:
    start_report(qtbot, window)
    form = window.form
    form.narrative.setPlainText(ZAWGYI)
    qtbot.waitUntil(form.zawgyi.isVisible, timeout=2000)
    window.lock()
    assert form.zawgyi.before.text() == form.zawgyi.after.text() == ""
    assert not form.zawgyi.isVisible()


def test_a_photo_is_stored_clean_inside_the_store(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    photo = tmp_path / "from-phone.jpg"
    photo.write_bytes(jpeg_with_metadata())
    outside_before = sorted(p.name for p in tmp_path.iterdir())
    window.form.photos.add_files([photo])
    qtbot.waitUntil(lambda: window.form.photos.list.count() == 1, timeout=10_000)
    draft_id = window.form.draft_id
    assert draft_id is not None
    window.close()

    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before
    with open_store(tmp_path / "store", PASSPHRASE) as store:
        [info] = AttachmentRepository(store).list(draft_id)
        data = AttachmentRepository(store).data(draft_id, 1)
    assert info.media_type == "image/jpeg"
    for canary in CANARIES.values():
        assert canary not in data
    assert b"Exif" not in data


def test_a_gif_is_refused_with_a_plain_message(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    gif = tmp_path / "animation.gif"
    gif.write_bytes(b"GIF89a" + b"\x00" * 64)
    window.form.photos.add_files([gif])
    qtbot.waitUntil(lambda: window.form.photos.message.isVisible(), timeout=10_000)
    assert "JPEG, PNG, WebP and HEIC" in window.form.photos.message.text()
    assert window.form.photos.list.count() == 0
