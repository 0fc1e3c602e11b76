"""The desk's map as the map tests draw it: the sizes the briefing and the Board tab draw it at,
a board with the demo desk's flags, and the interface language (English, then Burmese)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QApplication

from desktop.domain.desk.board import AspectStatus, Board, Evidence, GateStatus
from desktop.domain.desk.board_report import SIDES
from desktop.domain.desk.review import ReviewState
from desktop.ui.desk.pdf import MAP_LOGICAL_WIDTH
from desktop.ui.i18n import LanguageSwitcher

# (size, legend): the briefing's map at its tallest and as short as a full first page
# leaves it (page-wide, 620 units), and the Board tab's at 1366×768 and larger.
SIZES = [
    (QSizeF(MAP_LOGICAL_WIDTH, 483.5), False),
    (QSizeF(MAP_LOGICAL_WIDTH, 242.0), False),
    (QSizeF(440, 545), True),
    (QSizeF(760, 600), True),
]


def flagged_board() -> Board:
    """The demo desk's flags: Mai Ja Yang in conflict, Laiza with an unverified change
    (their rings make the markers larger)."""
    seen = Evidence("r1", "closed", datetime(2024, 11, 1, tzinfo=UTC), ReviewState.VERIFIED)
    other = Evidence("r2", "open", datetime(2024, 11, 2, tzinfo=UTC), ReviewState.VERIFIED)
    conflict = {s: AspectStatus(s, "open", seen, conflict=(seen, other)) for s in SIDES}
    unverified = {s: AspectStatus(s, "closed", seen, unverified_change=other) for s in SIDES}
    return Board(
        {
            "mai_ja_yang": GateStatus("mai_ja_yang", conflict),
            "laiza": GateStatus("laiza", unverified),
        }
    )


@pytest.fixture(params=["en", "my"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    switcher = LanguageSwitcher.current or LanguageSwitcher(qapp)
    assert switcher.switch(request.param)
    if request.param == "my":
        assert switcher.myanmar_family  # the names measured in Padauk, as printed
    yield request.param
    switcher.switch("en")
