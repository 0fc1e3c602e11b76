"""Duplicates from the window: the review pane shows the group a report is in, merges it
under the lead the editor chooses and splits it again; nothing is deleted."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.report import Report, ReportContent
from desktop.store.database import open_store
from desktop.store.desk.core import DeskRepository
from desktop.store.desk.marks import MarksRepository
from tests.helpers.desk_stores import LAIZA_LAPTOP, NOW, received
from tests.helpers.desk_ui import desk_window, make_desk_store, unlock_desk
from tests.ui.conftest import PASSPHRASE, run_job


def kanpaiti(minutes_ago: int) -> dict[str, object]:
    content = ReportContent.from_json(
        {
            "gate": "kanpaiti",
            "observed_at": (NOW - timedelta(minutes=minutes_ago)).isoformat(),
            "china_side": "closed",
            "myanmar_side": "open",
            "how_known": "witnessed",
            "narrative": f"Kanpaiti closed on the China side ({minutes_ago} min ago).",
        }
    )
    return Report.new(content).to_json()


def test_a_group_is_merged_under_a_chosen_lead_and_split_from_the_review_pane(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    make_desk_store(tmp_path / "desk")
    # Three within six hours whose facts agree; one three days before, alone.
    records = [kanpaiti(m) for m in (150, 100, 40, 3 * 24 * 60)]
    with open_store(tmp_path / "desk", PASSPHRASE) as store:
        DeskRepository(store).store_page(
            [], received([(r, LAIZA_LAPTOP) for r in records], 900), 901, NOW
        )
    first, second, third, alone = (str(r["id"]) for r in records)
    window = desk_window(qtbot, qapp, tmp_path / "desk")
    try:
        page = unlock_desk(qtbot, window)
        box = page.duplicates
        page.show_report(second)
        qtbot.waitUntil(box.isVisible, timeout=10_000)
        assert box.summary.text() == (
            "This report and 2 others tell of one observation. 1 independent source."
        )
        # The first observed is offered as the lead; nothing is merged yet.
        assert [box.lead.itemData(i) for i in range(box.lead.count())] == [first, second, third]
        assert box.lead.currentData() == first
        assert box.merge_button.isEnabled()
        assert not box.split_button.isEnabled()

        box.lead.setCurrentIndex(1)
        with qtbot.waitSignal(box.changed, timeout=10_000) as merged:
            box.merge_button.click()
        assert sorted(merged.args[0]) == sorted([first, third])
        links = run_job(qtbot, window.worker, lambda s: MarksRepository(s).links())
        assert links == {first: second, third: second}
        qtbot.waitUntil(lambda: "Merged under the report of" in box.summary.text(), timeout=10_000)
        assert box.split_button.isEnabled()  # on the lead: splits the whole group

        page.show_report(third)
        qtbot.waitUntil(lambda: box.group is not None and third in box.group.linked, timeout=10_000)
        with qtbot.waitSignal(box.changed, timeout=10_000):
            box.split_button.click()
        links = run_job(qtbot, window.worker, lambda s: MarksRepository(s).links())
        assert links == {first: second}
        # The history says so, and the report is still there.
        qtbot.waitUntil(
            lambda: "split it off its group" in page.review.browser.toPlainText(),
            timeout=10_000,
        )
        assert page.inbox.model.row_of(third) is not None

        # On the lead, Split undoes the merge.
        page.show_report(second)
        qtbot.waitUntil(lambda: box.group is not None and bool(box.group.linked), timeout=10_000)
        with qtbot.waitSignal(box.changed, timeout=10_000):
            box.split_button.click()
        assert run_job(qtbot, window.worker, lambda s: MarksRepository(s).links()) == {}

        # A report alone shows no box.
        page.show_report(alone)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=10_000)
    finally:
        window.close()
