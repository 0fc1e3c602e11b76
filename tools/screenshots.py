"""Render every screen of the correspondent's app at 1366×768, in English, Burmese and the
developer's pseudo-locale (desktop/ui/pseudo_locale.py, 40% longer: it shows what would be
cut short before a translation does), to PNG files.

`make screenshots` runs this offscreen. Each screen is built on a fresh demo store filled
with the seed story (desktop/services/correspondent/demo.py), driven like a user would, and grabbed.
The store is enrolled with a newsroom server on 127.0.0.1 that is then stopped, so the
status bar shows what a correspondent without a connection sees. The photo is a generated
JPEG carrying EXIF, added through the window's own import path.
Output: docs/screenshots/<language>-<screen>.png (`qps-…` for the pseudo-locale; the README
shows the English and Burmese ones).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent.capture import pii_findings
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import connection as desk_connection
from desktop.store.database import create_store
from desktop.store.reports import ReportRepository
from desktop.store.unlock_state import UnlockState, write_unlock_state
from desktop.ui.app import build_window
from desktop.ui.connect_dialog import ConnectDialog
from desktop.ui.pseudo_locale import PSEUDO, PSEUDO_ENV
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.window import GatewatchWindow
from sync.protocol import Invite, encode_invite
from sync.server.store import ServerStore
from sync.server.testing import init_server, running_server
from tools.desk_screenshots import shoot_briefing, shoot_desk

PASSPHRASE = "demo passphrase for screenshots"  # noqa: S105 (a throwaway demo store)
ZAWGYI_SAMPLE = "လိုင္ဇာဂိတ္ကို ပိတ္ထားသည္။ ဆီေစ်း အရမ္းတက္ေနသည္။"
PII_SAMPLE = (
    "The trader said to call him on 09 7512 34567 before the gate opens; his truck is YGN 2B-1234."
)
SIZE = (1366, 768)  # the smallest common laptop screen


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(20):  # let layouts and lazy rows settle
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def demo_photo() -> bytes:
    """A generated picture of a barricaded road, with the EXIF a phone would add (a
    camera model and GPS position): the import must drop it."""
    image = Image.new("RGB", (1200, 800), (150, 190, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 480, 1200, 800), fill=(110, 100, 80))
    draw.polygon([(520, 480), (680, 480), (900, 800), (300, 800)], fill=(70, 70, 70))
    for x in range(320, 900, 60):
        draw.line((x, 560, x + 40, 700), fill=(120, 80, 40), width=14)
    draw.line((300, 600, 900, 600), fill=(200, 200, 200), width=4)
    exif = Image.Exif()
    exif[0x0110] = "Phone of a correspondent"  # Model
    exif[0x8825] = {1: "N", 2: (24.0, 46.0, 30.0), 3: "E", 4: (97.0, 33.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def fill_store(data_dir: Path, language: str, root: Path) -> str:
    """Create a store with the seed story, enrolled with a newsroom server that is gone
    again (so sync says "offline"); return the id of a draft for the photo."""
    gazetteer = default_gazetteer()
    with create_store(root / f"desk-{language}", PASSPHRASE) as desk_store:
        public = desk_connection.init_desk(desk_store)
    server_dir = root / f"server-{language}"
    init_server(server_dir, public)
    with ServerStore.open(server_dir) as admin:
        _, token, _ = admin.tokens.create_invite("screenshots", 7)
        invite = encode_invite(Invite(token, admin.newsroom_key.fingerprint))
    with create_store(data_dir, PASSPHRASE) as store:
        with running_server(server_dir) as url:
            sync.enroll(store, url, invite, "Laiza laptop")
        reports = ReportRepository(store, gazetteer)
        for report, draft in demo_reports(language):
            reports.add(report, state=ReportState.DRAFT if draft else ReportState.QUEUED)
        body = {
            "gate": "mai_ja_yang",
            "observed_at": "2024-12-13T09:40:00+06:30",
            "china_side": "restricted",
            "myanmar_side": "restricted",
            "how_known": "document_or_photo",
            "barrier": ["bamboo_barricade"],
            "narrative": "ဝါးအတားအဆီး ဖယ်ရှားပြီးနောက် လမ်းပုံ။"
            if language == "my"
            else "Photo of the road after the bamboo barricade was taken down.",
        }
        draft = Report.new(ReportContent.from_json(body))
        reports.add(draft, state=ReportState.DRAFT)
    write_unlock_state(data_dir, UnlockState(language=language))
    return draft.id


def open_window(app: QApplication, data_dir: Path) -> GatewatchWindow:
    window = build_window(app, data_dir)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    return window


def unlock(app: QApplication, window: GatewatchWindow) -> None:
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    wait_until(app, lambda: window.pages.currentWidget() is window.main_page)
    wait_until(app, lambda: window.main_page.model.rowCount() > 0)
    # The server is gone: the first try ends "offline", with the number still waiting.
    wait_until(app, lambda: window.sync.last_outcome is not None, timeout=90)
    window.sync.timer.stop()


def content_language(language: str) -> str:
    """The language of the demo data and of the stored setting (the pseudo-locale's is
    English: it is never stored)."""
    return "en" if language == PSEUDO else language


def shoot(app: QApplication, language: str, out: Path, root: Path) -> None:
    prefix = out / language
    shown = language
    language = content_language(language)

    first_dir = root / f"first-{shown}"
    write_unlock_state(first_dir, UnlockState(language=language))
    window = open_window(app, first_dir)
    window.first_run.passphrase.setText("bamboo gate")
    window.first_run.repeat.setText("bamboo gate")
    app.processEvents()
    save(window, Path(f"{prefix}-first-run.png"))
    window.close()

    data_dir = root / f"store-{shown}"
    (root / shown).mkdir(exist_ok=True)
    photo_draft = fill_store(data_dir, language, root / shown)
    window = open_window(app, data_dir)
    window.unlock_page.passphrase.setText("wrong guess")
    window.unlock_page.unlock_button.click()
    wait_until(app, lambda: window.unlock_page.error.isVisible())
    save(window, Path(f"{prefix}-unlock.png"))

    window.unlock_page.passphrase.clear()
    unlock(app, window)
    all_rows = window.main_page.model.rowCount()
    window.main_page.table.selectRow(1)
    wait_until(app, lambda: window.main_page.edit_button.isVisible())
    save(window, Path(f"{prefix}-main-list.png"))
    save(window.statusBar(), Path(f"{prefix}-sync-status.png"))

    window.main_page.search.setText("Pang War" if language == "en" else "ပန်ဝါ")
    window.main_page.refresh()
    wait_until(app, lambda: window.main_page.model.rowCount() < all_rows)
    save(window, Path(f"{prefix}-search.png"))
    window.main_page.search.clear()
    window.main_page.refresh()
    wait_until(app, lambda: window.main_page.model.rowCount() == all_rows)

    window.new_report()
    form = window.form
    story_body = dict(demo_reports(language)[4][0].content.to_json())
    story_body["source"] = {
        "category": "driver",
        "reliability": "C",
        "credibility": 3,
        "pseudonym": "amber-heron-42",
    }
    form.load(story_body)
    app.processEvents()
    save(window, Path(f"{prefix}-report-form.png"))

    form.narrative.setPlainText(ZAWGYI_SAMPLE)
    wait_until(app, lambda: form.zawgyi.isVisible())
    form.ensure_visible(form.narrative)
    form.ensure_visible(form.zawgyi)
    wait_until(app, lambda: True)
    save(window, Path(f"{prefix}-zawgyi.png"))

    form.narrative.setPlainText(PII_SAMPLE)
    box, _send = form.pii_message_box(pii_findings(form.body()))
    box.show()
    wait_until(app, box.isVisible)
    save(box, Path(f"{prefix}-pii-warning.png"))
    box.close()
    box.deleteLater()
    form.close_form()  # the autosave may have kept the sample as a draft: so be it
    wait_until(app, lambda: window.pages.currentWidget() is window.main_page)
    wait_until(app, lambda: window.main_page.model.rowCount() >= all_rows)

    window._edit(photo_draft)
    wait_until(app, lambda: window.pages.currentWidget() is form)
    photo = root / f"from-phone-{shown}.jpg"
    photo.write_bytes(demo_photo())
    form.photos.add_files([photo])  # the import path of the button and of drag-and-drop
    wait_until(app, lambda: form.photos.list.count() == 1, timeout=30)
    form.ensure_visible(form.photos)
    wait_until(app, lambda: True)
    save(window, Path(f"{prefix}-photo.png"))
    form.close_form()
    wait_until(app, lambda: window.pages.currentWidget() is window.main_page)

    dialog = SettingsDialog(window.settings, window)
    dialog.show()
    wait_until(app, dialog.isVisible)
    save(dialog, Path(f"{prefix}-settings.png"))
    dialog.close()

    connect = ConnectDialog(window)
    connect.invite.setPlainText("gwinvite1:" + "x" * 40)
    connect.label.setText("Laiza laptop" if language == "en" else "လိုင်ဇာ လက်ပ်တော့")
    connect.show()
    wait_until(app, connect.isVisible)
    save(connect, Path(f"{prefix}-connect.png"))
    connect.close()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("en", "my", PSEUDO), action="append")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for language in args.language or ["en", "my", PSEUDO]:
            if language == PSEUDO:  # every window's language switcher then shows it
                os.environ[PSEUDO_ENV] = "1"
            shoot(app, language, args.out, Path(tmp))
            shoot_desk(
                app,
                language,
                args.out,
                Path(tmp),
                passphrase=PASSPHRASE,
                open_window=open_window,
                wait_until=wait_until,
                save=save,
            )
        for language in args.language or ["en", "my"]:  # the briefing: the README's two
            if language != PSEUDO:
                shoot_briefing(language, args.out, Path(tmp), passphrase=PASSPHRASE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
