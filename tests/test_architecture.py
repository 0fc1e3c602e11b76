"""Layering rules of docs/architecture.md, checked on the source's imports."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_ALLOWED = (ROOT / "desktop" / "ui",)


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def top(module: str) -> str:
    return module.split(".")[0]


def test_the_rules_see_the_code() -> None:
    # Guards against a rule that passes because it scans nothing.
    files = python_files("desktop", "sync")
    assert ROOT / "desktop" / "cli" / "desk" / "core.py" in files
    assert "desktop.store.database" in imported_modules(
        ROOT / "desktop" / "cli" / "desk" / "core.py"
    )


@pytest.mark.parametrize("path", python_files("desktop", "sync"), ids=lambda p: p.name)
def test_qt_is_imported_only_in_desktop_ui(path: Path) -> None:
    if any(path.is_relative_to(folder) for folder in QT_ALLOWED):
        return
    qt = {m for m in imported_modules(path) if top(m) in {"PySide6", "shiboken6", "PyQt6"}}
    assert not qt, f"{path.relative_to(ROOT)} imports {sorted(qt)}: Qt belongs in desktop/ui"


@pytest.mark.parametrize("path", python_files("desktop", "sync"), ids=lambda p: p.name)
def test_standard_sqlite3_is_never_imported(path: Path) -> None:
    # The standard module ignores PRAGMA key and would write plaintext.
    assert "sqlite3" not in {top(m) for m in imported_modules(path)}, (
        f"{path.relative_to(ROOT)} imports sqlite3: use sqlcipher3"
    )


@pytest.mark.parametrize("path", python_files("desktop/domain"), ids=lambda p: p.name)
def test_domain_is_plain_python(path: Path) -> None:
    forbidden = {"sqlcipher3", "desktop.store", "desktop.ui", "desktop.services", "sync"}
    found = {
        m for m in imported_modules(path) if any(m == f or m.startswith(f + ".") for f in forbidden)
    }
    assert not found, f"{path.relative_to(ROOT)} imports {sorted(found)}"


@pytest.mark.parametrize("path", python_files("sync"), ids=lambda p: p.name)
def test_sync_imports_nothing_from_desktop(path: Path) -> None:
    assert "desktop" not in {top(m) for m in imported_modules(path)}


@pytest.mark.parametrize("path", python_files("desktop"), ids=lambda p: p.name)
def test_the_desktop_app_needs_no_server_dependency(path: Path) -> None:
    # fastapi and uvicorn are the `server` extra: a correspondent's install lacks them.
    server_only = {"fastapi", "uvicorn", "starlette"}
    found = {top(m) for m in imported_modules(path)} & server_only
    assert not found, f"{path.relative_to(ROOT)} imports {sorted(found)}: server extra only"


ROLES = ("desk", "correspondent")
LAYERS = ("domain", "store", "services", "ui", "cli")
# The shell that chooses a role once the store is open, and the entry points.
MAY_IMPORT_EVERY_ROLE = {
    ROOT / "desktop" / "ui" / "window.py",
    ROOT / "desktop" / "ui" / "opening.py",  # creates a desk's store; reads a store's role
    ROOT / "desktop" / "services" / "newsroom_server.py",  # a device's server or a desk's
    ROOT / "desktop" / "cli" / "main.py",
    ROOT / "desktop" / "cli" / "followups.py",  # `questions` runs the opened store's role's
    ROOT / "desktop" / "selftest.py",  # checks both roles' parts of an installed app
}


def role_of_module(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) > 2 and parts[0] == "desktop" and parts[1] in LAYERS and parts[2] in ROLES:
        return parts[2]
    return None


def role_of_path(path: Path) -> str | None:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return role_of_module(".".join(parts))


def role_crossings(path: Path, own: str | None) -> set[str]:
    """The modules of another role than ``own`` (None: the shared core) that ``path``
    imports."""
    return {m for m in imported_modules(path) if (role := role_of_module(m)) and role != own}


@pytest.mark.parametrize("path", python_files("desktop"), ids=lambda p: p.name)
def test_each_role_lives_in_its_own_packages(path: Path) -> None:
    # desk/ and correspondent/ build on the shared core and never on each other; the shared
    # core knows neither, but for the shell that chooses between them.
    if path in MAY_IMPORT_EVERY_ROLE:
        return
    own = role_of_path(path)
    found = role_crossings(path, own)
    assert not found, f"{path.relative_to(ROOT)} ({own or 'shared'}) imports {sorted(found)}"


def test_the_role_rule_sees_a_crossing(tmp_path: Path) -> None:
    assert role_of_module("desktop.ui.desk.inbox") == "desk"
    assert role_of_module("desktop.ui.window") is None
    assert role_of_path(ROOT / "desktop" / "services" / "correspondent" / "capture.py") == (
        "correspondent"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from desktop.ui.worker import StoreWorker\n"
        "from desktop.ui.desk.inbox import DeskInbox\n"
        "def f():\n    from desktop.services.correspondent.session import CorrespondentSession\n"
    )
    assert role_crossings(bad, None) == {
        "desktop.ui.desk.inbox",
        "desktop.services.correspondent.session",
    }
    assert role_crossings(bad, "desk") == {"desktop.services.correspondent.session"}


# What a window or a command may take from the store: the handle and its typed errors.
# Everything else comes through a session (desktop/services/*/session.py).
STORE_HANDLE = {"desktop.store.database.Store"}
STORE_ERRORS = "desktop.store.errors"


def store_names_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == STORE_ERRORS:
                continue
            if node.module == "desktop.store" or node.module.startswith("desktop.store."):
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("desktop.store"))
    return names - STORE_HANDLE - {"desktop.store.errors"}


@pytest.mark.parametrize("path", python_files("desktop/ui", "desktop/cli"), ids=lambda p: p.name)
def test_windows_and_commands_use_the_store_through_a_session(path: Path) -> None:
    found = store_names_imported(path)
    name = path.relative_to(ROOT).as_posix()
    assert not found, f"{name} imports {sorted(found)}: add what it needs to a session"


def sql_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"execute", "executemany", "executescript"}
    ]


MAY_RUN_SQL = {"desktop/selftest.py"}  # checks a throw-away store of its own


@pytest.mark.parametrize("path", python_files("desktop"), ids=lambda p: p.name)
def test_sql_runs_only_in_the_store(path: Path) -> None:
    name = path.relative_to(ROOT).as_posix()
    if path.is_relative_to(ROOT / "desktop" / "store") or name in MAY_RUN_SQL:
        return
    assert not sql_calls(path), f"{name} runs SQL at lines {sql_calls(path)}: use a repository"


def test_the_store_rules_see_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from desktop.store.database import Store, create_store\n"
        "from desktop.store.errors import StoreError\n"
        "import desktop.store.reports\n"
        "def f(store):\n"
        "    from desktop.store.desk.core import DeskRepository\n"
        "    store.conn.execute('SELECT 1')\n"
    )
    assert store_names_imported(bad) == {
        "desktop.store.database.create_store",
        "desktop.store.reports",
        "desktop.store.desk.core.DeskRepository",
    }
    assert sql_calls(bad) == [6]


def test_a_rule_violation_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlite3\nfrom PySide6.QtWidgets import QLabel\n")
    assert {"sqlite3", "PySide6.QtWidgets"} <= imported_modules(bad)


UNCOUNTED_OPENERS = {"open_store", "change_passphrase"}
MAY_OPEN_UNCOUNTED = (
    ROOT / "desktop" / "store",
    ROOT / "desktop" / "services" / "unlock.py",  # the counting wrapper itself
    ROOT / "desktop" / "selftest.py",  # its own throw-away store
)


def imported_names(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == module:
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Attribute) and node.attr in UNCOUNTED_OPENERS:
            names.add(node.attr)
    return names


@pytest.mark.parametrize("path", python_files("desktop"), ids=lambda p: p.name)
def test_every_typed_passphrase_is_counted(path: Path) -> None:
    # A wrong passphrase counts towards the wipe in the GUI and the CLI alike: only the
    # counting wrapper (desktop/services/unlock.py) opens a store with one.
    if any(path == allowed or path.is_relative_to(allowed) for allowed in MAY_OPEN_UNCOUNTED):
        return
    found = imported_names(path, "desktop.store.database") & UNCOUNTED_OPENERS
    assert not found, f"{path.relative_to(ROOT)} uses {sorted(found)}: use desktop.services.unlock"


def test_the_command_line_is_one_package() -> None:
    # One module per command group under desktop/cli/, none beside it.
    assert sorted((ROOT / "desktop").glob("cli_*.py")) == []
    assert (ROOT / "desktop" / "cli" / "main.py").is_file()


def private_imports(path: Path) -> set[str]:
    """``module.name`` for every private name imported from another module, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    }


@pytest.mark.parametrize("path", python_files("desktop/cli"), ids=lambda p: p.name)
def test_commands_share_helpers_through_common_not_private_names(path: Path) -> None:
    found = {name for name in private_imports(path) if name.startswith("desktop.")}
    assert not found, f"{path.relative_to(ROOT)} imports private {sorted(found)}"


def test_a_private_import_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from desktop.cli import _open_plain\n")
    assert private_imports(bad) == {"desktop.cli._open_plain"}


def imported_test_modules(path: Path) -> set[str]:
    """Every ``test_*`` module that ``path`` imports, or imports a name from."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if is_test_module(alias.name))
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if is_test_module(module):
                found.add(module)
            else:  # `from tests.cli import test_cli`
                found.update(
                    f"{module}.{alias.name}" for alias in node.names if is_test_module(alias.name)
                )
    return found


def is_test_module(module: str) -> bool:
    return any(part.startswith("test_") for part in module.split("."))


@pytest.mark.parametrize("path", python_files("tests"), ids=lambda p: p.name)
def test_shared_test_helpers_come_from_tests_helpers(path: Path) -> None:
    # A test module stays a leaf that can change alone (and a test imported elsewhere
    # would run twice).
    found = imported_test_modules(path)
    assert not found, f"{path.relative_to(ROOT)} imports from {sorted(found)}: use tests/helpers/"


# A payload's format name or signature domain label, as the code spells it.
PAYLOAD_FORMAT = re.compile(
    r"gatewatch-(report|followup|review|devices|opened)[-/]\d"
    r"|gatewatch (review|devices|opened|receipts|desk endorsement|hand-carried \w+) v\d"
)
PAYLOAD_HOME = ROOT / "sync" / "payloads"


def payload_format_literals(path: Path) -> set[str]:
    """Strings and bytes in the code (docstrings aside) that name a payload format."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in docstrings:
            value = node.value
            text = value.decode("latin-1") if isinstance(value, bytes) else value
            if isinstance(text, str) and PAYLOAD_FORMAT.search(text):
                found.add(text)
    return found


@pytest.mark.parametrize("path", python_files("desktop", "sync"), ids=lambda p: p.name)
def test_payload_formats_are_written_only_in_sync_payloads(path: Path) -> None:
    # One recipe per feature: a payload's bytes are sync/payloads/'s (docs/architecture.md).
    if path.is_relative_to(PAYLOAD_HOME):
        return
    found = payload_format_literals(path)
    assert not found, f"{path.relative_to(ROOT)} spells payload formats {sorted(found)}"


def test_a_payload_format_outside_its_home_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Writes gatewatch-review-2 (a docstring may name it)."""\n'
        'FORMAT = "gatewatch-followup-1"\n'
        'DOMAIN = b"gatewatch opened v1 desk signature\\x00"\n'
    )
    assert payload_format_literals(bad) == {
        "gatewatch-followup-1",
        "gatewatch opened v1 desk signature\x00",
    }
    assert payload_format_literals(PAYLOAD_HOME / "review.py")  # the check sees the real ones


def test_an_import_from_a_test_module_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from tests.helpers.cli import gw\n"
        "from tests.cli.test_cli import data_dir\n"
        "import tests.ui.test_form_guards\n"
        "from tests.sync import test_server_cli\n"
        "def f():\n"
        "    from .test_sync import FakeServer\n"
    )
    assert imported_test_modules(bad) == {
        "tests.cli.test_cli",
        "tests.ui.test_form_guards",
        "tests.sync.test_server_cli",
        ".test_sync",
    }


# Run in a fresh interpreter: which Qt modules `gatewatch desk export --format pdf` loads.
_PDF_EXPORT = """
import json, sys
from desktop.cli import main
code = main(["--data-dir", sys.argv[1], "desk", "export", "--format", "pdf", "--out", sys.argv[2]])
print(json.dumps([code, sorted(m for m in sys.modules if m.startswith("PySide6."))]))
"""


def test_the_pdf_briefing_renders_without_widgets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line renders the PDF briefing with QtGui alone (docs/architecture.md:
    PDF rendering in modules without widgets), so it needs no widget toolkit to print."""
    from desktop.cli import EXIT_OK
    from tests.helpers.cli import gw
    from tests.helpers.stores import PASSPHRASE

    monkeypatch.setenv("GATEWATCH_PASSPHRASE", PASSPHRASE)
    desk = tmp_path / "desk"
    key = str(tmp_path / "k")
    assert gw(desk, "desk", "init", "--kem", "x25519", "--public-key-out", key) == EXIT_OK
    capsys.readouterr()
    out = tmp_path / "briefing.pdf"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", _PDF_EXPORT, str(desk), str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    code, qt_modules = json.loads(run.stdout.splitlines()[-1])
    assert code == EXIT_OK
    assert out.read_bytes().startswith(b"%PDF-")
    assert "PySide6.QtGui" in qt_modules  # it did paint
    assert "PySide6.QtWidgets" not in qt_modules
