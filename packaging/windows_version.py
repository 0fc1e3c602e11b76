"""The Windows version resource of gatewatch.exe, made from pyproject's version.

Used by gatewatch.spec on Windows only (not built here): `write(path, "0.1.0")` writes a
PyInstaller version file and returns its path.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATE = """\
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Gatewatch'),
      StringStruct('FileDescription', 'Gatewatch: the Kachin-China border crossings log'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'gatewatch'),
      StringStruct('LegalCopyright', 'GPL-3.0-or-later'),
      StringStruct('OriginalFilename', 'gatewatch.exe'),
      StringStruct('ProductName', 'Gatewatch'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def numbers(version: str) -> tuple[int, int, int, int]:
    """ "0.1.0" -> (0, 1, 0, 0); anything after a non-digit in a part is ignored."""
    parts = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        parts.append(int(digits or 0))
    padded = [*parts, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def write(path: Path, version: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(numbers=numbers(version), version=version), encoding="utf-8")
    return str(path)
