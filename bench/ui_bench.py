"""The correspondent's window with 100,000 reports: unlock to a usable list, GUI stalls.

A heartbeat timer on the GUI thread ticks every 5 ms; the longest gap between ticks is
the longest the window was frozen. Measured while unlocking (Argon2id, opening, loading
100,000 ids, the first page of rows), while scrolling through the whole list, and while
searching. Limits: usable list ≤ 1.0 s after unlock, no stall over 100 ms.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from bench.common import Result, record, result
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services.correspondent.demo import filler
from desktop.store.database import create_store
from desktop.store.reports import ReportRepository, ensure_search_index
from desktop.ui.app import build_window
from desktop.ui.correspondent.report_model import PAGE_SIZE

PASSPHRASE = "benchmark passphrase, not a secret"


class Heartbeat:
    """Records the longest gap between ticks of a 5 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest_ms = 0
        self._last = 0

    def start(self) -> None:
        self.longest_ms = 0
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> int:
        self._tick()
        self.timer.stop()
        return self.longest_ms

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest_ms = max(self.longest_ms, now - self._last)
        self._last = now


def spin(app: QApplication, condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()


def fill(data_dir: Path, count: int) -> None:
    start = time.perf_counter()
    with create_store(data_dir, PASSPHRASE) as store:
        reports = ReportRepository(store, default_gazetteer())
        batch: list[Report] = []
        for content in filler(count):
            batch.append(Report.new(content))
            if len(batch) == 5000:
                reports.add_many(batch)
                batch.clear()
        if batch:
            reports.add_many(batch)
        # As after any first unlock.
        ensure_search_index(store)
    print(f"filled {count} reports in {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication([])
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "store"
        fill(data_dir, args.reports)
        window = build_window(app, data_dir)
        window.resize(1180, 760)
        window.show()
        app.processEvents()
        heartbeat = Heartbeat()
        model = window.main_page.model

        heartbeat.start()
        started = time.perf_counter()
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock_button.click()
        spin(app, lambda: model.rowCount() == args.reports)
        spin(app, lambda: model.data(model.index(0, 5)) not in ("", None))
        usable = time.perf_counter() - started
        unlock_stall = heartbeat.stop()
        print(
            f"unlock to a usable list of {args.reports}: {usable:.3f} s, "
            f"longest GUI stall {unlock_stall} ms"
        )

        heartbeat.start()
        started = time.perf_counter()
        table = window.main_page.table
        bar = table.verticalScrollBar()
        steps = 200
        for step in range(steps + 1):
            bar.setValue(bar.maximum() * step // steps)
            app.processEvents()
        last = args.reports - 1
        spin(app, lambda: model.data(model.index(last, 5)) not in ("", None))
        scroll_s = time.perf_counter() - started
        scroll_stall = heartbeat.stop()
        print(
            f"scrolled through {args.reports} rows ({steps} jumps, pages of {PAGE_SIZE}): "
            f"{scroll_s:.2f} s, longest GUI stall {scroll_stall} ms"
        )

        heartbeat.start()
        started = time.perf_counter()
        window.main_page.search.setText("barbed wire")
        window.main_page.refresh()
        spin(app, lambda: 0 < model.rowCount() < args.reports)
        search_s = time.perf_counter() - started
        search_stall = heartbeat.stop()
        print(
            f"search 'barbed wire' → {model.rowCount()} rows in {search_s:.3f} s, "
            f"longest GUI stall {search_stall} ms"
        )
        window.close()

        label = f"{args.reports // 1000}k"
        results += [
            result(f"ui.unlock_to_usable_list_{label}", usable, "s", 1.0),
            result(f"ui.gui_stall_unlock_{label}", unlock_stall / 1000, "s", 0.100),
            result(f"ui.gui_stall_scroll_{label}", scroll_stall / 1000, "s", 0.100),
            result(f"ui.gui_stall_search_{label}", search_stall / 1000, "s", 0.100),
        ]
    record(results)


if __name__ == "__main__":
    main()
