"""Size of the one-folder bundle by component; fails when over the budget.

    python packaging/sizes.py dist/gatewatch [--limit-mb 110] [--json]

Sizes are the files' own sizes (symlinks count nothing), in MB of 10^6 bytes; the total
is also given in MiB (what `du -sh --apparent-size` shows).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from pathlib import Path

# (component, patterns relative to the bundle folder); the first match wins.
COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICU (Qt's Unicode library, trimmed data)", ("_internal/PySide6/Qt/lib/libicu*",)),
    ("Qt libraries (Core, Gui, Widgets, DBus, XcbQpa)", ("_internal/PySide6/Qt/lib/*",)),
    ("Qt plugins", ("_internal/PySide6/Qt/plugins/*",)),
    ("PySide6 bindings and shiboken", ("_internal/PySide6/*", "_internal/shiboken6/*")),
    ("cryptography (with its OpenSSL)", ("_internal/cryptography*",)),
    ("sqlcipher3 (SQLCipher with its OpenSSL)", ("_internal/sqlcipher3*",)),
    (
        "Python runtime (libpython, stdlib)",
        (
            "_internal/libpython*",
            "_internal/base_library.zip",
            "_internal/python3*",
        ),
    ),
    ("executable (bootloader, compiled app and libraries)", ("gatewatch", "gatewatch.exe")),
    ("OpenSSL for Python's ssl and hashlib", ("_internal/libssl*", "_internal/libcrypto*")),
    ("pydantic", ("_internal/pydantic*",)),
    ("Pillow", ("_internal/PIL/*", "_internal/pillow*")),
    ("app resources (fonts, translations, gazetteer, map)", ("_internal/resources/*",)),
    ("licenses", ("_internal/licenses/*",)),
    ("other shared libraries", ("_internal/lib*.so*", "_internal/*.dll")),
    ("other Python packages", ("*",)),
)


def component_of(relative: str) -> str:
    for name, patterns in COMPONENTS:
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
            return name
    return COMPONENTS[-1][0]


def sizes(bundle: Path) -> dict[str, int]:
    """Bytes per component, biggest first (regular files only)."""
    totals: dict[str, int] = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        name = component_of(path.relative_to(bundle).as_posix())
        totals[name] = totals.get(name, 0) + path.stat().st_size
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--limit-mb", type=float, default=None, help="fail above this total")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    by_component = sizes(args.bundle)
    total = sum(by_component.values())
    if args.json:
        print(json.dumps({"total_bytes": total, "components": by_component}, indent=2))
    else:
        for name, size in by_component.items():
            print(f"{size / 1e6:8.1f} MB  {size / total:6.1%}  {name}")
        print(f"{total / 1e6:8.1f} MB  total ({total / 2**20:.1f} MiB) in {args.bundle}")
    if args.limit_mb is not None and total > args.limit_mb * 1e6:
        print(f"over the budget of {args.limit_mb:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
