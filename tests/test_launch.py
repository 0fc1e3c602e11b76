"""`gatewatch` alone opens the window without the command line's modules; the window's
start path never imports the network layer (requests: a noticeable part of the start), nor,
up to the unlock window, the report list, the form or the photo decoder; and nothing the
app runs imports pydantic (the bundle leaves it out)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.launch import window_data_dir


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--data-dir", "/tmp/store"], Path("/tmp/store")),
        (["--data-dir=/tmp/store"], Path("/tmp/store")),
        (["report", "list"], None),
        (["--data-dir", "/tmp/store", "sync"], None),
        (["--self-test"], None),
        (["--help"], None),
        (["--data-dir", "--help"], None),
        (["--data-dir="], None),
    ],
)
def test_only_a_bare_command_line_opens_the_window(args: list[str], expected: Path | None) -> None:
    assert window_data_dir(args) == expected


def test_no_argument_means_the_default_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWATCH_DATA_DIR", "/tmp/elsewhere")
    assert window_data_dir([]) == Path("/tmp/elsewhere")


def test_the_window_starts_without_the_network_layer() -> None:
    probe = (
        "import sys, desktop.launch, desktop.ui.app; "
        "print(sorted(m for m in ('pydantic', 'requests', 'sync.client', 'desktop.cli') "
        "if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_the_unlock_window_is_built_without_the_pages_behind_it(tmp_path: Path) -> None:
    """The list, the form and what they import (PIL, the capture service) wait for the
    unlock: the window up to its unlock page is built without them."""
    (tmp_path / "store.key").write_bytes(b"")  # a store is there: the unlock page shows
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.ui.app import build_window\n"
        "app = QApplication([])\n"
        f"window = build_window(app, Path({str(tmp_path)!r}))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "assert window.pages.currentWidget() is window.unlock_page\n"
        "heavy = ('PIL', 'desktop.ui.correspondent.main_page',\n"
        "         'desktop.ui.correspondent.report_form', 'desktop.ui.correspondent.form',\n"
        "         'desktop.services.correspondent.capture', 'desktop.services.photos',\n"
        "         'desktop.ui.desk.page')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_nothing_the_app_runs_imports_pydantic() -> None:
    """The bundle leaves out pydantic and the server's models (packaging/bundle_filter.py):
    every module of desktop/ and sync/ but the server's imports without them."""
    root = Path(__file__).resolve().parent.parent
    modules = sorted(
        ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for package in ("desktop", "sync")
        for path in (root / package).rglob("*.py")
    )
    app_modules = [m for m in modules if not m.startswith(("sync.server", "sync.protocol"))]
    assert "sync.client" in app_modules
    assert "desktop.cli" in app_modules
    probe = (
        "import importlib, sys\n"
        f"for name in {app_modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pydantic_core', 'annotated_types') or m == 'sync.protocol'))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
