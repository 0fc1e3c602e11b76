"""What the form says once and explains where it is chosen: the civilians' passage in
their row, grades in words, commodities by name in the interface language, a visible
button to remove a photo."""

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.domain.vocabulary import TrafficKind
from desktop.services.correspondent import capture
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store
from desktop.ui.correspondent.form.commodity import CommodityField
from desktop.ui.desk.report_view import field_rows
from desktop.ui.window import GatewatchWindow
from tests.helpers.form_ui import start_report
from tests.helpers.photos import CANARIES, heic_with_metadata, jpeg_with_metadata
from tests.ui.conftest import run_job, unfold_all


def _commodity(window: GatewatchWindow, row: int) -> CommodityField:
    field = window.form.prices.cellWidget(row, 0)
    assert isinstance(field, CommodityField)
    return field


def test_the_civilians_passage_is_chosen_in_the_civilians_row(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    form = window.form
    unfold_all(form)
    captions = [label.text() for label in form.findChildren(QLabel) if label.isVisibleTo(window)]
    assert not [text for text in captions if "Civilians who" in text]
    civilians = form.traffic_section.names[TrafficKind.CIVILIANS]
    passage = form.civilian_passage
    assert passage.isVisibleTo(window)
    middle = passage.mapTo(form, passage.rect().center()).y()
    top = civilians.mapTo(form, civilians.rect().topLeft()).y()
    assert top <= middle <= top + civilians.height()


def test_reliability_and_credibility_grades_are_explained_where_chosen(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    form = window.form
    form.source_box.button.click()
    source = form.source_section
    for grades, explained in (
        (form.reliability, source.reliability_help),
        (form.credibility, source.credibility_help),
    ):
        assert explained.isVisible()
        said = explained.raw_text()
        for index in range(grades.count()):
            assert grades.itemText(index) in said
    assert "A: completely reliable" in source.reliability_help.raw_text()
    assert "6: cannot be judged" in source.credibility_help.raw_text()


def test_commodities_are_named_in_the_interface_language_and_stored_as_codes(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    start_report(qtbot, window)
    form = window.form
    window.languages.switch("my")
    qtbot.waitUntil(lambda: window.report_menu.title() != "&Report", timeout=5000)
    form.prices_box.button.click()
    form.add_price.click()
    form.add_price.click()
    first, second = _commodity(window, 0), _commodity(window, 1)
    diesel = first.combo.findData("diesel")
    assert first.combo.itemText(diesel) == "ဒီဇယ်"
    first.combo.setCurrentIndex(diesel)
    assert not first.other.isEnabled()
    second.combo.setCurrentIndex(second.combo.findData("other"))
    assert second.other.isEnabled()
    second.other.setText("gold leaf")
    assert [p["commodity"] for p in form.body()["prices"]] == ["diesel", "gold leaf"]
    assert "ဒီဇယ်" in form.prices_box.section.summary()
    # Words typed before the vocabulary: a code in any case is the code, others stay words.
    form.load({"prices": [{"commodity": "Cooking Oil"}, {"commodity": "betel nut"}]})
    assert _commodity(window, 0).combo.currentData() == "cooking_oil"
    assert _commodity(window, 1).other.text() == "betel nut"
    assert [p["commodity"] for p in form.body()["prices"]] == ["cooking_oil", "betel nut"]
    # A Burmese desk reads the code by its Burmese name, and other words as they were.
    rows = dict(field_rows({"prices": [{"commodity": "diesel", "amount": 4500}]}))
    assert any(text.startswith("ဒီဇယ်:") for text in rows.values())
    rows = dict(field_rows({"prices": [{"commodity": "betel nut", "amount": 9}]}))
    assert any(text.startswith("betel nut:") for text in rows.values())
    window.languages.switch("en")
    qtbot.waitUntil(lambda: window.report_menu.title() == "&Report", timeout=5000)
    assert _commodity(window, 0).combo.currentText() == "cooking oil"


def test_a_photo_has_a_visible_remove_button(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    photos = window.form.photos
    assert photos.remove_button.isVisible()
    assert not photos.remove_button.isEnabled()  # nothing to remove yet
    photo = tmp_path / "gate.jpg"
    photo.write_bytes(jpeg_with_metadata())
    photos.add_files([photo])
    qtbot.waitUntil(lambda: photos.list.count() == 1, timeout=10_000)
    assert photos.remove_button.isEnabled()
    photos.remove_button.click()
    qtbot.waitUntil(lambda: photos.list.count() == 0, timeout=5000)
    assert not photos.remove_button.isEnabled()
    draft_id = window.form.draft_id
    assert draft_id is not None
    detail = run_job(
        qtbot,
        window.worker,
        lambda store: capture.load_detail(store, window.form._gazetteer, draft_id),
    )
    assert detail.photos == ()
    QApplication.processEvents()


def test_a_heic_from_a_phone_is_added_as_a_clean_jpeg(
    qtbot: QtBot, window: GatewatchWindow, tmp_path: Path
) -> None:
    start_report(qtbot, window)
    photos = window.form.photos
    photo = tmp_path / "IMG_0042.HEIC"
    photo.write_bytes(heic_with_metadata())
    photos.add_files([photo])
    qtbot.waitUntil(lambda: photos.list.count() == 1, timeout=10_000)
    assert not photos.message.isVisible()
    draft_id = window.form.draft_id
    assert draft_id is not None

    def stored_photo(store: Store) -> tuple[str, bytes]:
        repository = AttachmentRepository(store)
        [info] = repository.list(draft_id)
        return info.media_type, repository.data(draft_id, info.position)

    media_type, data = run_job(qtbot, window.worker, stored_photo)
    assert media_type == "image/jpeg"
    assert data.startswith(b"\xff\xd8\xff")
    for canary in CANARIES.values():
        assert canary not in data
