from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.store.reports import ReportRow
from desktop.ui.correspondent.report_model import ID_ROLE, PAGE_SIZE, ReportListModel
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.window import GatewatchWindow
from tests.ui.conftest import add_draft, create_store_through_ui

BASE = datetime(2024, 11, 12, 3, tzinfo=UTC)


def fake_row(report_id: str) -> ReportRow:
    number = int(report_id.removeprefix("r"))
    return ReportRow(
        id=report_id,
        lineage_id=report_id,
        revision=1,
        state=ReportState.QUEUED,
        gate=("laiza", "pang_war", None)[number % 3],
        observed_at=BASE - timedelta(minutes=number),
        updated_at=BASE,
        summary=f"report {number}",
        china_side="closed",
        myanmar_side="open",
    )


class CountingFetcher:
    """Answers like the store worker does: later, on the GUI thread's event loop."""

    def __init__(self) -> None:
        self.requests: list[int] = []

    def __call__(self, ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        self.requests.append(len(ids))
        rows = [fake_row(i) for i in ids]
        QTimer.singleShot(0, lambda: done(rows))


def test_model_passes_qt_model_tester_and_fetches_lazily(qtbot: QtBot) -> None:
    fetcher = CountingFetcher()
    model = ReportListModel(fetcher, default_gazetteer())
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_ids([f"r{i}" for i in range(100_000)])
    assert model.rowCount() == 100_000
    assert fetcher.requests == []  # nothing fetched until a row is shown

    first = model.index(0, 0)
    assert model.data(first) == "…"
    assert model.data(first, ID_ROLE) == "r0"
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert model.data(model.index(0, 1)) == "Laiza"
    assert model.data(model.index(2, 1)) == "(not in the list)"
    assert model.data(model.index(0, 2)) == "closed"
    assert model.data(model.index(0, 5)) == "report 0"
    assert fetcher.requests == [PAGE_SIZE]

    # Far down the list: one more page, not everything in between.
    model.data(model.index(99_999, 0))
    qtbot.waitUntil(lambda: model.data(model.index(99_999, 5)) == "report 99999", timeout=2000)
    assert fetcher.requests == [PAGE_SIZE, PAGE_SIZE]


def test_results_for_an_old_list_are_ignored(qtbot: QtBot) -> None:
    pending: list[Callable[[], None]] = []

    def slow_fetch(ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        pending.append(lambda: done([fake_row(i) for i in ids]))

    model = ReportListModel(slow_fetch, default_gazetteer())
    model.set_ids(["r1", "r2"])
    model.data(model.index(0, 0))
    model.set_ids(["r3"])
    with qtbot.assertNotEmitted(model.dataChanged):
        pending[0]()
    assert model.data(model.index(0, 5)) == ""  # r3 is still to be fetched


def test_headers_and_invalid_indexes(qtbot: QtBot) -> None:
    model = ReportListModel(CountingFetcher(), default_gazetteer())
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Crossing"
    assert model.data(QModelIndex()) is None
    assert model.report_id(5) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_a_crossing_not_in_the_gazetteer_shows_its_own_name(qtbot: QtBot) -> None:
    row = fake_row("r2")
    named = ReportRow(**{**row.__dict__, "new_crossing_name": "Footpath north of Hpimaw"})

    def fetch(ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        done([named])

    model = ReportListModel(fetch, default_gazetteer())
    model.set_ids(["r2"])
    model.data(model.index(0, 0))
    assert model.data(model.index(0, 1)) == "Footpath north of Hpimaw"


def test_clear_forgets_ids_and_cached_rows(qtbot: QtBot) -> None:
    model = ReportListModel(CountingFetcher(), default_gazetteer())
    model.set_ids(["r1", "r2"])
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.data(model.index(0, 5)) == "report 1", timeout=2000)
    model.clear()
    assert model.rowCount() == 0
    assert model._cache == {}
    assert model._shown == {}  # nor the texts worked out from them


class CountingModel(ReportListModel):
    """Counts what painting asks of the model."""

    def __init__(self, fetch: CountingFetcher) -> None:
        super().__init__(fetch, default_gazetteer())
        self.data_calls = 0
        self.cells = 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # type: ignore[override]
        self.data_calls += 1
        return super().data(index, role)

    def _cell(self, row: ReportRow, column: str) -> str:
        self.cells += 1
        return super()._cell(row, column)


def paint_options(model: ReportListModel, row: int) -> list[QStyleOptionViewItem]:
    """What a table's delegate gathers from the model to paint each cell of `row`."""
    delegate = QStyledItemDelegate()
    options = []
    for column in range(model.columnCount()):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(row, column))
        options.append(option)
    return options


def test_a_cell_is_painted_from_one_call_into_the_model(qtbot: QtBot) -> None:
    # Each call from the view into Python takes the GIL, which the store worker may hold:
    # one call per cell, not one per role (font, alignment, colors, check, icon, text, ...).
    model = CountingModel(CountingFetcher())
    model.set_ids(["r0", "r1"])
    paint_options(model, 0)  # placeholders; asks for the page
    qtbot.waitUntil(lambda: model.cached("r0") is not None, timeout=2000)
    model.data_calls = 0
    options = paint_options(model, 0)
    assert [o.text for o in options] == [
        model.data(model.index(0, c)) for c in range(model.columnCount())
    ]
    assert options[5].text == "report 0"
    assert model.data_calls == model.columnCount()  # only the comparison's own calls


def test_rows_are_formatted_once_not_on_every_paint(qtbot: QtBot) -> None:
    model = CountingModel(CountingFetcher())
    model.set_ids(["r0", "r1"])
    paint_options(model, 0)
    qtbot.waitUntil(lambda: model.cached("r0") is not None, timeout=2000)
    for _ in range(3):
        paint_options(model, 0)
        model.data(model.index(0, 5), Qt.ItemDataRole.ToolTipRole)
    assert model.cells == model.columnCount()  # once per column, on first sight
    model.invalidate(["r0"])  # an edit: fetched and worked out again
    paint_options(model, 0)
    qtbot.waitUntil(lambda: model.cached("r0") is not None, timeout=2000)
    paint_options(model, 0)
    assert model.cells == 2 * model.columnCount()
    model.set_language("my")  # names of another language
    paint_options(model, 0)
    assert model.cells == 3 * model.columnCount()


def test_a_language_switch_retranslates_headers_and_cells(
    qtbot: QtBot, window: GatewatchWindow
) -> None:
    create_store_through_ui(qtbot, window)
    add_draft(qtbot, window, "ဂိတ်ပိတ်ထားသည်")
    page = window.main_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.model.data(page.model.index(0, 1))
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 1)) == "Laiza", timeout=5000)
    summary = page.model.index(0, 5)
    font = page.model.data(summary, Qt.ItemDataRole.FontRole)  # Burmese in the English UI
    assert font is not None
    assert font.families()[0] == window.languages.myanmar_family
    assert page.model.data(page.model.index(0, 1), Qt.ItemDataRole.FontRole) is None
    painted = paint_options(page.model, 0)  # what the view paints with, in one call a cell
    assert painted[5].font.families()[0] == window.languages.myanmar_family
    assert painted[1].font.families()[0] != window.languages.myanmar_family

    with qtbot.waitSignal(page.model.headerDataChanged, timeout=2000):
        window.languages.switch("my")
    try:
        assert page.model.headerData(1, Qt.Orientation.Horizontal) != "Crossing"
        assert page.model.data(page.model.index(0, 1)) == "လိုင်ဇာ"
        assert page.model.data(page.model.index(0, 4)) != "Draft"
        assert page.model.data(summary, Qt.ItemDataRole.FontRole) is None  # Padauk leads
    finally:
        with qtbot.waitSignal(page.model.headerDataChanged, timeout=2000):
            window.languages.switch("en")
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Crossing"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            ["Queued", "Sent", "With the newsroom", "Carried on 2024-11-12", "With the newsroom"],
        ),
        (
            "my",
            [
                "တန်းစီထား",
                "ပို့ပြီး",
                "သ\u200bတင်း\u200bဌာ\u200bန\u200bသို့ ရောက်\u200bပြီ",
                "2024-11-12 တွင် လက်\u200bဖြင့် သယ်\u200bသွား\u200bသည်",
                "သ\u200bတင်း\u200bဌာ\u200bန\u200bသို့ ရောက်\u200bပြီ",
            ],
        ),
    ],
)
def test_the_state_column_shows_waiting_sent_and_with_the_newsroom(
    qtbot: QtBot, qapp: QApplication, language: str, expected: list[str]
) -> None:
    noon = datetime(2024, 11, 12, 12, tzinfo=UTC)  # the same date in every time zone
    rows = {
        "r1": fake_row("r1"),
        "r2": replace(fake_row("r2"), state=ReportState.SENT),
        "r3": replace(fake_row("r3"), state=ReportState.SENT, opened_at=noon),
        "r4": replace(fake_row("r4"), carried_at=noon),
        # carried by hand, and a desk said it has it before any receipt came
        "r5": replace(fake_row("r5"), carried_at=noon, opened_at=noon),
    }

    def fetch(ids: Sequence[str], done: Callable[[list[ReportRow]], None]) -> None:
        QTimer.singleShot(0, lambda: done([rows[i] for i in ids]))

    switcher = LanguageSwitcher(qapp)
    assert switcher.switch(language)
    try:
        model = ReportListModel(fetch, default_gazetteer())
        model.set_ids(list(rows))
        column = model.COLUMNS.index("state")
        assert model.data(model.index(0, 0)) == "…"  # asks for the page
        qtbot.waitUntil(lambda: model.data(model.index(0, 0)) != "…", timeout=2000)
        assert [model.data(model.index(r, column)) for r in range(len(rows))] == expected
    finally:
        switcher.switch("en")
