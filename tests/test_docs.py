"""docs/architecture.md stays true to the repository: every path it names exists, every
test it names is defined, every module of desktop/ and sync/ has its line, and every
"invariant N" the code cites is one of its numbered invariants."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
CITING = ("desktop", "sync", "tests", "docs", "bench", "tools", "packaging", "fuzz")
PATH_SUFFIXES = (".py", ".md", ".json", ".txt", ".spec")

# `path`, `folder/` or `path::test_name` in backticks.
BACKTICKED = re.compile(r"`([^`\s]+)`")
TEST_REF = re.compile(r"^([\w./-]+\.py)::(\w+)$")
# "invariant 3" in prose, "…_invariant_2" in a test's name.
CITED = re.compile(r"(?<![a-z])invariants?[ _](\d+)(?!\d)", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d+)\. \*\*")


def named_paths(text: str) -> list[str]:
    """What the page names in backticks that is a repository path (or a test in one)."""
    names = []
    for token in BACKTICKED.findall(text):
        path = token.split("::")[0]
        if path.startswith("/") or not re.fullmatch(r"[\w./-]+", path):
            continue  # a URL path such as /v1, or not a path at all
        if "/" in path or path.endswith(PATH_SUFFIXES):
            names.append(token)
    return names


def missing(text: str, root: Path) -> list[str]:
    """The names of `named_paths` that do not exist under `root`."""
    gone = []
    for name in named_paths(text):
        test = TEST_REF.match(name)
        path = root / (test.group(1) if test else name)
        defined = path.exists() and (
            test is None
            or re.search(
                rf"^(async )?def {test.group(2)}\(", path.read_text(encoding="utf-8"), re.MULTILINE
            )
        )
        if not defined:
            gone.append(name)
    return gone


def invariant_blocks(text: str) -> dict[int, str]:
    """Each numbered invariant's text, by number, in the page's order."""
    section = text.split("\n## Security invariants\n", 1)[1].split("\n## ", 1)[0]
    blocks: dict[int, str] = {}
    number = None
    for line in section.splitlines():
        if m := NUMBERED.match(line):
            number = int(m.group(1))
            blocks[number] = ""
        if number is not None:
            blocks[number] += line + "\n"
    return blocks


def text_files(*folders: str) -> list[Path]:
    files = [ROOT / "README.md"]
    for folder in folders:
        files += [
            p
            for p in (ROOT / folder).rglob("*")
            if p.suffix in {".py", ".md"} and p.is_file() and "__pycache__" not in p.parts
        ]
    return sorted(files)


def test_the_page_names_the_code_it_describes() -> None:
    # Guards against a check that passes because it finds nothing to check.
    names = named_paths(ARCHITECTURE.read_text(encoding="utf-8"))
    assert "desktop/ui/worker.py" in names
    assert any(TEST_REF.match(name) for name in names)


def test_every_path_and_test_the_page_names_exists() -> None:
    gone = missing(ARCHITECTURE.read_text(encoding="utf-8"), ROOT)
    assert not gone, f"docs/architecture.md names what does not exist: {gone}"


def test_a_missing_path_or_test_is_caught(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "test_a.py").write_text("def test_here() -> None:\n    pass\n")
    text = "`pkg/test_a.py::test_here`, `pkg/test_a.py::test_gone`, `pkg/b.py`, `socks5h://x`"
    assert missing(text, tmp_path) == ["pkg/test_a.py::test_gone", "pkg/b.py"]


@pytest.mark.parametrize(
    "module",
    sorted(
        p.relative_to(ROOT).as_posix()
        for folder in ("desktop", "sync")
        for p in (ROOT / folder).rglob("*.py")
        if p.stat().st_size > 0  # an empty __init__.py only marks a package
    ),
)
def test_every_module_has_its_line(module: str) -> None:
    assert f"`{module}`" in ARCHITECTURE.read_text(encoding="utf-8"), (
        f"docs/architecture.md has no line for {module}"
    )


def described_twice(text: str) -> list[str]:
    """Modules with more than one `- `path` — …` line: the older line goes stale."""
    described = re.findall(r"^- `([\w./]+\.py)` — ", text, re.MULTILINE)
    return sorted({path for path in described if described.count(path) > 1})


def test_every_module_is_described_once() -> None:
    twice = described_twice(ARCHITECTURE.read_text(encoding="utf-8"))
    assert twice == [], f"docs/architecture.md describes these more than once: {twice}"


def test_a_module_described_twice_is_caught() -> None:
    text = "- `a/b.py` — one.\n- `a/c.py` — two.\n- `a/b.py` — again.\nsee `a/c.py` — here\n"
    assert described_twice(text) == ["a/b.py"]


def test_the_invariants_are_numbered_in_order_and_each_names_its_tests() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    numbers = list(invariant_blocks(text))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 8
    for number, block in invariant_blocks(text).items():
        assert re.search(r"`tests/[\w/]+\.py::test_\w+`", block), f"invariant {number}: no test"


@pytest.mark.parametrize("path", text_files(*CITING), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cited_invariant_exists(path: Path) -> None:
    numbers = set(invariant_blocks(ARCHITECTURE.read_text(encoding="utf-8")))
    cited = {int(n) for n in CITED.findall(path.read_text(encoding="utf-8"))}
    assert cited <= numbers, (
        f"{path.relative_to(ROOT)} cites invariant(s) {sorted(cited - numbers)}, "
        "which docs/architecture.md does not number"
    )


@pytest.mark.parametrize("path", text_files(*CITING), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_reference_to_a_guide_the_repository_lacks(path: Path) -> None:
    if path == Path(__file__):
        return
    text = path.read_text(encoding="utf-8")
    assert "ARCHITECTURE.md" not in text, (
        f"{path.relative_to(ROOT)} cites ARCHITECTURE.md: cite docs/architecture.md"
    )


def test_no_page_shows_a_passphrase_typed_inline() -> None:
    """`GATEWATCH_…PASSPHRASE=secret command` lands in the shell's history: pages show the
    prompt, or the variable set from a file."""
    inline = re.compile(r"GATEWATCH_\w*PASSPHRASE=(?!\"?\$\()")
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    found = [
        f"{page.name}: {line.strip()}"
        for page in pages
        for line in page.read_text(encoding="utf-8").splitlines()
        if inline.search(line)
    ]
    assert found == []
