"""The editor desk's screens for `make screenshots` (tools/screenshots.py calls `shoot_desk`).

A desk store holds the board's demo story (desktop/services/desk/demo.py: Laiza closed by
China then by the KIA, a reported reopening not yet verified, Mai Ja Yang's conflicting
reports, diesel prices rising), with notes, a follow-up question and an export in one
report's history. Output: docs/screenshots/<language>-desk-<screen>.png.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.desk.review import ALLOWED_MOVES, ReviewState
from desktop.domain.gazetteer import default_gazetteer
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import followups as desk_followups
from desktop.services.desk import review as desk_review
from desktop.services.desk.bulk import BulkAction, BulkKind
from desktop.services.desk.demo import fill_demo_desk
from desktop.store.database import create_store, open_store
from desktop.store.desk.review import ExportRecord, ReviewRepository
from desktop.store.unlock_state import UnlockState, write_unlock_state
from desktop.ui.desk.export_dialog import ExportDialog
from desktop.ui.desk.pdf import write_briefing
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.pseudo_locale import PSEUDO
from desktop.ui.window import GatewatchWindow

Wait = Callable[[QApplication, Callable[[], bool]], None]
Save = Callable[[QWidget, Path], None]
Open = Callable[[QApplication, Path], GatewatchWindow]
DESK_SIZE = (1366, 768)  # the smallest common laptop screen

NOTES = {
    "en": ("Two drivers say the same; checked against a trader's photo.", "Ask who closed first."),
    "my": (
        "ယာဉ်မောင်း နှစ်ဦး အတူတူ ပြောသည်။ ကုန်သည်၏ ဓာတ်ပုံနှင့် စစ်ဆေးပြီး။",
        "ဘယ်ဘက်က အရင် ပိတ်သလဲ မေးပါ။",
    ),
}
QUESTION = {
    "en": "Which side closed first, and were fuel trucks turned back?",
    "my": "ဘယ်ဘက်က အရင် ပိတ်သလဲ။ ဆီကားများ ပြန်လှည့်ရသလား။",
}


def fill_desk(data_dir: Path, language: str, passphrase: str) -> str:
    """A desk store with the demo story and one report's history; returns that report."""
    now = datetime.now(UTC).replace(microsecond=0)
    with create_store(data_dir, passphrase) as store:
        desk_connection.init_desk(store, "x25519")
        desk_review.set_desk_label(store, "Myitkyina desk" if language == "en" else "မြစ်ကြီးနား")
        demo = fill_demo_desk(store, now)
        report_id = demo.ids["laiza_kia_wire"]
        note, ask = NOTES[language]
        desk_review.add_note(store, report_id, note)
        desk_review.add_note(store, report_id, ask)
        desk_followups.ask(store, report_id, QUESTION[language])
        ReviewRepository(store).record_export(
            ExportRecord("demo-export", "pdf", {}, False, 9, now, "Myitkyina desk"), [report_id]
        )
    write_unlock_state(data_dir, UnlockState(language=language))
    return report_id


def shoot_desk(
    app: QApplication,
    language: str,
    out: Path,
    root: Path,
    *,
    passphrase: str,
    open_window: Open,
    wait_until: Wait,
    save: Save,
) -> None:
    prefix = out / f"{language}-desk"
    data_dir = root / f"desk-store-{language}"
    language = "en" if language == PSEUDO else language  # its data and setting: English
    report_id = fill_desk(data_dir, language, passphrase)
    window = open_window(app, data_dir)
    window.resize(*DESK_SIZE)  # the desk shows a list and a report side by side
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    wait_until(app, lambda: window.pages.currentWidget() is window.desk_page)
    page = window.desk_page
    wait_until(app, lambda: page.inbox.model.rowCount() > 0)
    # The first view after unlock: what needs attention.
    wait_until(app, lambda: page.attention.count is not None)
    wait_until(app, lambda: page.attention.list.currentItem() is not None)
    save(window, prefix.with_name(f"{prefix.name}-attention.png"))

    page.show_report(report_id)
    wait_until(app, lambda: page.review.shown_state is not None)
    wait_until(app, lambda: QUESTION[language][:10] in page.followups.listing.text())
    save(window, prefix.with_name(f"{prefix.name}-inbox.png"))
    bar = page.review.browser.verticalScrollBar()
    bar.setValue(bar.maximum())  # the history, under the report
    wait_until(app, lambda: True)
    save(page.review, prefix.with_name(f"{prefix.name}-review.png"))

    page.tabs.setCurrentWidget(page.board)
    board = page.board
    wait_until(app, lambda: getattr(board, "board", None) is not None)
    wait_until(app, lambda: board.changes_list.count() > 0)
    save(window, prefix.with_name(f"{prefix.name}-board.png"))
    save(board.map, prefix.with_name(f"{prefix.name}-map.png"))

    board.open_timeline("laiza")
    timeline = board.timeline
    wait_until(app, lambda: timeline.canvas.timeline is not None)
    save(window, prefix.with_name(f"{prefix.name}-timeline.png"))

    dialog = ExportDialog(window.worker, window.gazetteer, lambda: language, window)
    dialog.show()
    wait_until(app, dialog.isVisible)
    save(dialog, prefix.with_name(f"{prefix.name}-export.png"))
    dialog.close()

    # Another desk's move arrives while the pane still offers the moves of the old state.
    page.tabs.setCurrentWidget(page.inbox_tab)
    shown = page.review.shown_state
    assert shown is not None
    overtaken, clicked = next(
        (later, target)
        for later in sorted(ALLOWED_MOVES[shown])
        # Not "published": it asks first, and nobody answers here.
        for target in sorted(
            ALLOWED_MOVES[shown] - ALLOWED_MOVES[later] - {later, ReviewState.PUBLISHED}
        )
    )
    done: list[object] = []
    window.worker.submit(
        lambda store: desk_review.move(store, report_id, overtaken), done.append, done.append
    )
    wait_until(app, lambda: bool(done))
    page.review.move_buttons[clicked].click()
    wait_until(app, page.review.message.isVisible)
    save(window, prefix.with_name(f"{prefix.name}-refused.png"))

    # The keys of triage, over the inbox.
    page.show_inbox()
    page.triage.help.toggle()
    wait_until(app, page.triage.help.isVisible)
    save(window, prefix.with_name(f"{prefix.name}-help.png"))
    page.triage.help.close_help()

    # Every report selected and moved at once: the summary says what was refused and why,
    # and the move may be undone.
    page.inbox.select_all_matching()
    wait_until(app, page.bulk.actions_box.isVisible)
    page.bulk.run(BulkAction(BulkKind.MOVE, ReviewState.VERIFIED.value))
    wait_until(app, lambda: not page.bulk.running and page.bulk.undo_button.isVisible())
    page.inbox.select_all_matching()
    wait_until(app, page.bulk.actions_box.isVisible)
    save(window, prefix.with_name(f"{prefix.name}-bulk.png"))
    window.close()


def shoot_briefing(language: str, out: Path, root: Path, *, passphrase: str) -> None:
    """The PDF briefing of the demo desk, its first two pages as PNGs 1000 px wide
    (pdftoppm, from Debian's poppler-utils, must be on the machine)."""
    data_dir = root / f"briefing-store-{language}"
    fill_desk(data_dir, language, passphrase)
    pdf = root / f"briefing-{language}.pdf"
    # The language and the Padauk font as the window would have installed them.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    LanguageSwitcher(app).switch(language)
    with open_store(data_dir, passphrase) as store:
        since = datetime.now(UTC) - timedelta(days=1)
        write_briefing(store, default_gazetteer(), pdf, language=language, since=since)
    stem = root / f"briefing-{language}"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise RuntimeError("the briefing's pages need pdftoppm (Debian: poppler-utils)")
    subprocess.run(  # noqa: S603 - a fixed tool on files this function made
        [
            pdftoppm,
            "-png",
            "-f",
            "1",
            "-l",
            "2",
            "-scale-to-x",
            "1000",
            "-scale-to-y",
            "-1",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    for page in (1, 2):
        made = next(root.glob(f"briefing-{language}-*{page}.png"))
        target = out / f"{language}-briefing-page{page}.png"
        shutil.copyfile(made, target)
        print(f"wrote {target}")
