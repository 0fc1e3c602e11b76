"""Memory: peak RSS of the desk with 100,000 reports loaded; limit 200 MB.

Run: ``.venv/bin/python -m bench.memory_bench [--reports 100000]``.

Setup: a desk store and a server on 127.0.0.1; N sealed report envelopes uploaded
straight to the server (`bench.desk_bench.populate_quickly`) and pulled into the desk
with ``desktop.services.desk.core.pull`` — the real verified, decrypted store. Then a fresh
child process (nothing of the setup in its memory) opens the desk window, unlocks the store
(Argon2id's 64 MiB included) and loads it with `load_desk`; the figure
is that process's peak RSS (``VmHWM`` from /proc, ``ru_maxrss`` where /proc is missing).

`load_desk` is what "the desk with its reports loaded" means: the window offscreen,
unlocked on the desk store, its inbox listing all N reports, and the board derived.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import record, result

LIMIT_MB = 200.0


def wait(app: Any, condition: Any, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the desk did not load in time")
        app.processEvents()
        time.sleep(0.005)


def load_desk(desk_dir: Path, passphrase: str) -> int:
    """The desk as an editor has it: the window unlocked on the desk store, the inbox
    listing every report (rows fetched as they show), then the board derived and drawn.
    Returns the inbox's row count."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import build_window

    app = QApplication(sys.argv[:1])
    window = build_window(app, desk_dir)
    window.show()
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    wait(app, lambda: window.pages.currentWidget() is window.desk_page)
    page = window.desk_page
    wait(app, lambda: page.inbox.model.rowCount() > 0)
    page.tabs.setCurrentWidget(page.board)  # by widget: the tabs' order changes
    wait(app, lambda: getattr(page.board, "board", None) is not None)
    page.tabs.setCurrentWidget(page.inbox_tab)
    rows = int(page.inbox.model.rowCount())
    window.close()
    return rows


def peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(desk_dir: Path, passphrase: str) -> None:
    before = peak_rss_mb()
    started = time.perf_counter()
    rows = load_desk(desk_dir, passphrase)
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    print(json.dumps({"rows": rows, "peak_mb": peak, "imports_mb": before, "seconds": seconds}))


def measure(desk_dir: Path, passphrase: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory_bench", "--child", str(desk_dir)],
        input=passphrase.encode(),
        capture_output=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, sys.stdin.read())
        return
    from bench.desk_bench import PASSPHRASE, new_desk, populate_quickly, timed_pull, unlimited
    from sync.server.testing import running_server

    with tempfile.TemporaryDirectory(prefix="gatewatch-memory-bench-") as tmp:
        root = Path(tmp)
        desk_store = new_desk(root / "desk", root / "server")
        started = time.perf_counter()
        with running_server(root / "server", config=unlimited()) as url:
            populate_quickly(root / "server", url, args.reports)
            pull_s, outcome = timed_pull(desk_store, root / "server", url)
        desk_store.close()
        print(
            f"setup: {args.reports} envelopes uploaded and pulled in "
            f"{time.perf_counter() - started:.0f} s (pull {pull_s:.1f} s, {outcome.reports})"
        )
        figures = measure(root / "desk", PASSPHRASE)
    if figures["rows"] != args.reports:
        raise RuntimeError(f"the desk listed {figures['rows']} reports, not {args.reports}")
    print(
        f"desk with {figures['rows']} reports loaded: peak RSS {figures['peak_mb']:.0f} MB "
        f"(after imports {figures['imports_mb']:.0f} MB), unlock and load "
        f"{figures['seconds']:.2f} s"
    )
    label = f"{args.reports // 1000}k" if args.reports % 1000 == 0 else str(args.reports)
    record([result(f"desk.peak_rss_{label}_loaded", figures["peak_mb"], "MB", LIMIT_MB)])


if __name__ == "__main__":
    main()
