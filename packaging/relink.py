"""Point wheels' vendored copies of desktop libraries at the desktop's own (Linux).

auditwheel gives every library a wheel carries a hashed name (``libxcb-9065bb12.so.1.1.0``)
and rewrites the wheel's binaries to link to that name. Where the library is one the
bundle takes from the machine it runs on anyway (``bundle_filter.SYSTEM_LIBRARIES``:
Pillow's libxcb, which Qt's xcb platform plugin already needs from the desktop, and
libtiff's zstd), a copy of the binary is made that links to the system name instead
(``libxcb.so.1``); the vendored copy is then unreferenced and `prune_unreferenced` drops
it, with what only it needed (libXau and its 2 MiB alignment gap).

The rewrite is in place and minimal: the DT_NEEDED string in ``.dynstr`` is overwritten
by the shorter system name, so no section moves. Only libraries without symbol versions
are candidates (a versioned requirement names the vendored file; `relink` refuses those).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (dest, source, typecode)

# auditwheel's naming: the library's own name, "-", 8 hex digits, ".so." and its version.
_VENDORED = re.compile(r"^(lib[A-Za-z0-9_+.-]+?)-[0-9a-f]{8}\.so\.(\d+)(?:\.\d+)*$")

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NULL = 0
DT_NEEDED = 1


def system_name(vendored: str, is_system: Callable[[str], bool]) -> str | None:
    """The system soname a vendored library stands for, when the bundle takes it from
    the system (``libxcb-9065bb12.so.1.1.0`` -> ``libxcb.so.1``), else None."""
    match = _VENDORED.match(vendored)
    if match is None:
        return None
    name = f"{match.group(1)}.so.{match.group(2)}"
    return name if is_system(name) else None


def _sections(data: bytes) -> list[tuple[int, ...]]:
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    return [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]


def _string_at(data: bytes | bytearray, start: int) -> str:
    return bytes(data[start : data.index(b"\0", start)]).decode()


def _versioned_files(data: bytes, sections: Sequence[tuple[int, ...]]) -> set[str]:
    """File names that carry symbol-version requirements (``.gnu.version_r``)."""
    files: set[str] = set()
    for _name, kind, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if kind != SHT_GNU_VERNEED:
            continue
        strings = sections[link][4]
        at = offset
        for _ in range(info):
            _version, _count, file, _aux, following = struct.unpack_from("<HHIII", data, at)
            files.add(_string_at(data, strings + file))
            if following == 0:
                break
            at += following
    return files


def replace_needed(data: bytes, renames: dict[str, str]) -> bytes:
    """The 64-bit little-endian ELF `data` with DT_NEEDED names replaced by shorter ones.

    Raises ValueError for anything else: another ELF class, a longer new name, or a name
    with symbol-version requirements (the loader would look for the versions there).
    """
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    sections = _sections(data)
    versioned = _versioned_files(data, sections) & renames.keys()
    if versioned:
        raise ValueError(f"symbol versions are required from {sorted(versioned)}")
    patched = bytearray(data)
    done: set[str] = set()
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != SHT_DYNAMIC:
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == DT_NULL:
                break
            if tag != DT_NEEDED:
                continue
            start = strings + value
            old = _string_at(data, start)
            new = renames.get(old)
            if new is None:
                continue
            if len(new) > len(old):
                raise ValueError(f"{new} is longer than {old}")
            patched[start : start + len(old)] = new.encode().ljust(len(old), b"\0")
            done.add(old)
    missing = renames.keys() - done
    if missing:
        raise ValueError(f"not linked to {sorted(missing)}")
    return bytes(patched)


def relink_to_system(
    toc: Sequence[Entry],
    needed_by: Callable[[str], list[str]],
    is_system: Callable[[str], bool],
    work_dir: Path,
) -> tuple[list[Entry], list[str]]:
    """The TOC with every binary that links to a vendored copy of a system library
    replaced by a relinked copy written under `work_dir`; and the bundle paths relinked."""
    result: list[Entry] = []
    relinked: list[str] = []
    for dest, source, typecode in toc:
        renames = {}
        if typecode in ("BINARY", "EXTENSION"):
            for name in needed_by(source):
                system = system_name(name, is_system)
                if system is not None:
                    renames[name] = system
        if not renames:
            result.append((dest, source, typecode))
            continue
        target = work_dir / PurePosixPath(dest.replace("\\", "/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(replace_needed(Path(source).read_bytes(), renames))
        target.chmod(Path(source).stat().st_mode & 0o777)
        result.append((dest, str(target), typecode))
        relinked.append(dest)
    return result, relinked
