"""A smaller ICU data library for the bundle: 32 MB of ICU data down to about 4 MB.

Qt 6 links ICU; its data library (libicudata.so.NN, one symbol ``icudtNN_dat`` holding an
ICU "common data" package) is the largest file of a bare PySide6 bundle. Qt keeps its own
locale tables and uses ICU for collation, case mapping, normalisation and a few text
algorithms; the app never converts legacy encodings and speaks English and Burmese, with
Chinese names in the gazetteer. So the trimmed package keeps every core table (properties,
normalisation, collation base, break rules, Burmese dictionary, time zones, plural rules)
and the locale data of root, English, Burmese and Chinese, and drops: legacy charset
converters, transliteration, character names, the CJK/Thai/Lao/Khmer dictionaries, the
display names ICU's own formatters use, and the other languages' locale data (they fall
back to root).

The package format (ICU's ``CmnD`` "common data", one header, a sorted table of contents,
items aligned to 16 bytes) is read and rewritten here; the new library is assembled with
binutils (``as``, ``ld``), which PyInstaller needs on Linux anyway.

    python packaging/icu_trim.py SOURCE_LIBICUDATA OUT_DIR   # prints the new library's path
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

KEPT_LANGUAGES = frozenset({"root", "en", "my", "zh"})
DROPPED_DICTIONARIES = frozenset({"cjdict.dict", "khmerdict.dict", "laodict.dict", "thaidict.dict"})
# Display names (languages, regions, currencies, units, zones) and spelled-out numbers serve
# ICU's formatters, which Qt does not use (QLocale has its own CLDR tables).
DROPPED_TREES = frozenset({"curr", "lang", "region", "unit", "zone", "rbnf", "translit"})
# Time zones: Qt reads the system's tz database on Linux, never ICU's.
DROPPED_FILES = frozenset(
    {"unames.icu", "zoneinfo64.res", "metaZones.res", "timezoneTypes.res", "windowsZones.res"}
)
# Chinese collation (pinyin, stroke: 0.7 MB): the app sorts in SQL, never with QCollator;
# Chinese falls back to the root order.
DROPPED_COLLATIONS = frozenset({"zh"})
# .res items of a locale tree that are not locales.
NOT_LOCALES = frozenset({"pool", "res_index", "tzdbNames"})
LOCALE = re.compile(r"([a-z]{2,3}|root)(_[A-Za-z0-9]*)*")
ALIGN = 16


def keep_item(name: str) -> bool:
    """Whether the package item `name` ("icudt73l/coll/zh.res") stays."""
    path = name.split("/", 1)[1] if "/" in name else name
    parts = path.split("/")
    base = parts[-1]
    stem, _, extension = base.rpartition(".")
    if extension == "cnv" or base in DROPPED_FILES:
        return False
    if len(parts) > 1 and parts[0] in DROPPED_TREES:
        return False
    if parts[0] == "brkitr" and base in DROPPED_DICTIONARIES:
        return False
    if extension == "res" and stem not in NOT_LOCALES and LOCALE.fullmatch(stem):
        language = stem.split("_")[0]
        if parts[0] == "coll" and language in DROPPED_COLLATIONS:
            return False
        return language in KEPT_LANGUAGES
    return True


def read_elf_symbol(library: bytes, symbol: str) -> bytes:
    """The bytes of `symbol` up to the end of its section (64-bit little-endian ELF)."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind not in (2, 11):  # SYMTAB, DYNSYM
            continue
        strings = sections[link]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, _size = struct.unpack_from(
                "<IBBHQQ", library, at
            )
            start = strings[4] + st_name
            if library[start : library.index(b"\0", start)].decode() != symbol:
                continue
            target = sections[shndx]
            file_offset = target[4] + (value - target[3])
            return library[file_offset : target[4] + target[5]]
    raise ValueError(f"symbol {symbol} not found")


def trim_package(blob: bytes) -> tuple[bytes, int, int]:
    """Rewrite the common-data package without the dropped items.

    Returns the new package, the number of items kept and the number dropped.
    """
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        items.append((name, blob[toc + data_offset : toc + end]))
    kept = [(name, data) for name, data in items if keep_item(name)]

    names = b""
    name_offsets = []
    table_size = 4 + 8 * len(kept)
    for name, _ in kept:
        name_offsets.append(table_size + len(names))
        names += name.encode("ascii") + b"\0"
    body = bytearray()
    data_start = table_size + len(names)
    data_start += -(header_size + data_start) % ALIGN
    data_offsets = []
    for _, data in kept:
        body += b"\0" * (-(header_size + data_start + len(body)) % ALIGN)
        data_offsets.append(data_start + len(body))
        body += data
    table = struct.pack("<I", len(kept)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    padding = b"\0" * (data_start - table_size - len(names))
    package = blob[:header_size] + table + names + padding + bytes(body)
    return package, len(kept), len(items) - len(kept)


def build_library(source: Path, out_dir: Path) -> Path:
    """Write the trimmed libicudata (same file name and soname) into `out_dir`."""
    match = re.fullmatch(r"libicudata\.so\.(\d+)", source.name)
    if match is None:
        raise ValueError(f"{source.name} is not libicudata.so.NN")
    symbol = f"icudt{match.group(1)}_dat"
    package, kept, dropped = trim_package(read_elf_symbol(source.read_bytes(), symbol))
    out_dir.mkdir(parents=True, exist_ok=True)
    data = out_dir / f"{symbol}.dat"
    data.write_bytes(package)
    assembly = out_dir / f"{symbol}.s"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{data.name}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = out_dir / source.name
    # binutils from PATH, on files written just above.
    link = ["ld", "-shared", "--build-id", "-soname", source.name, "-o", target.name]
    subprocess.run(["as", "-o", f"{symbol}.o", assembly.name], cwd=out_dir, check=True)  # noqa: S603, S607
    subprocess.run([*link, f"{symbol}.o"], cwd=out_dir, check=True)  # noqa: S603
    print(
        f"icu_trim: {source.name}: {len(package) / 1e6:.1f} MB of ICU data "
        f"({kept} items kept, {dropped} dropped)",
        file=sys.stderr,
    )
    return target


if __name__ == "__main__":
    print(build_library(Path(sys.argv[1]), Path(sys.argv[2])))
