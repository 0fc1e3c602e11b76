"""Layering rules of docs/architecture.md, checked on the source's imports."""

import ast
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
    assert ROOT / "desktop" / "cli" / "desk.py" in files
    assert "desktop.store.database" in imported_modules(ROOT / "desktop" / "cli" / "desk.py")


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
