"""Layering rules of docs/architecture.md, checked on the source's imports."""

import ast
import re
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


# Test modules whose helpers other tests still import, until they move to tests/helpers/.
# The list only shrinks: a new shared helper goes to tests/helpers/ from the start.
STILL_IMPORTED_FROM = {
    "tests.cli.test_cli",
    "tests.cli.test_sync_cli",
    "tests.services.test_desk",
    "tests.services.test_desk_export",
    "tests.services.test_desk_review",
    "tests.services.test_sync",
    "tests.store.test_review",
    "tests.store.test_sync_store",
    "tests.sync.test_server_cli",
    "tests.ui.test_desk_inbox",
    "tests.ui.test_form_guards",
    "tests.ui.test_sync_gui",
}


def modules_of_tests_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.split(".")[-1].startswith("test_")
    }


@pytest.mark.parametrize("path", python_files("tests"), ids=lambda p: p.name)
def test_shared_test_helpers_come_from_tests_helpers(path: Path) -> None:
    found = modules_of_tests_imported(path) - STILL_IMPORTED_FROM
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
