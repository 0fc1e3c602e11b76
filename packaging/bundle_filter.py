"""What the bundle leaves out, and why (used by gatewatch.spec; tested in tests/packaging).

Three steps, from coarse to fine:

1. ``EXCLUDED_MODULES``: Python modules PyInstaller would follow but the app never runs
   (development tools reached through optional imports, Pillow codecs for formats the app
   refuses, Qt modules pulled in by PySide6's package hook).
2. ``DROPPED_PATTERNS``: files the Qt hooks collect wholesale: Qt's own translations (the
   app loads only its own .qm files), plugins for platforms and formats the desktop app has
   no use for.
3. ``prune_unreferenced``: on Linux the desktop's own libraries (``SYSTEM_LIBRARIES``) are
   taken from the machine the app runs on, and shared libraries that only dropped plugins
   or those desktop libraries needed (the GTK platform theme alone drags in GTK's, Pango's
   and Cairo's) are dropped when no kept extension module, plugin or library links to them.
"""

from __future__ import annotations

import fnmatch
import os
import struct
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

# Distributions whose code is in the bundle: their license files go into licenses/.
RUNTIME_DISTRIBUTIONS = (
    "sqlcipher3",
    "cryptography",
    "requests",
    "urllib3",
    "certifi",
    "charset-normalizer",
    "idna",
    "PySocks",
    "platformdirs",
    "pillow",
    "pi-heif",
    "myanmartools",
    "typing-extensions",
    "zxcvbn",
)

EXCLUDED_MODULES = [
    # Development tools reached only through optional imports of runtime packages
    # (hypothesis's plugins, rich's and pdb's pretty printers).
    "mypy",
    "mypyc",
    "ast_serialize",
    "hypothesis",
    "_hypothesis_ftz_detector",
    "_hypothesis_pytestplugin",
    "pytest",
    "_pytest",
    "rich",
    "pygments",
    "IPython",
    "numpy",
    "pdb",
    "pydoc",
    "doctest",
    "unittest",
    "tkinter",
    "_tkinter",
    "lib2to3",
    "setuptools",
    "pkg_resources",
    "pip",
    "xmlrpc",
    "curses",
    "_pydecimal",  # the C decimal module is there
    "pillow_heif",  # the tests' HEIC writer; the app decodes with pi_heif
    # Standard library the app never reaches: no event loop (Qt's and threads instead), no
    # XML (Pillow parses XMP only when asked, and the app never asks), no bz2 or xz archives
    # (zipfile, tarfile and shutil import them only when such an archive is opened; the app
    # opens none: its files are JSON, CSV, JPEG and PNG).
    # multiprocessing stays: the desk opens a pull's backlog in worker processes.
    "asyncio",
    "xml",
    "pyexpat",
    "_elementtree",
    "plistlib",
    "bz2",
    "_bz2",
    "lzma",
    "_lzma",
    # The newsroom server is another program (`gatewatch-server`, the `server` extra), and
    # so are its pydantic models (sync/protocol.py): the app reads replies with
    # sync/messages.py, and tests/test_launch.py checks that nothing it runs imports pydantic.
    "sync.server",
    "sync.protocol",
    "pydantic",
    "pydantic_core",
    "annotated_types",
    "typing_inspection",
    "fastapi",
    "starlette",
    "uvicorn",
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg_pool",
    # Pillow: the app reads JPEG, PNG and WebP (desktop/services/photos.py; WebP's codec
    # is about 1 MB) and draws no text with Pillow; the AVIF codec alone is 5 MB. TIFF
    # stays: EXIF is TIFF.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL._imagingmath",
    "PIL.ImageMath",
    "PIL._imagingmorph",
    "PIL.ImageMorph",
    # Pillow's readers of formats the app refuses before Pillow sees them (photos.py sniffs
    # the first bytes): Image.init skips a plugin it cannot import.
    *(
        f"PIL.{name}ImagePlugin"
        for name in [
            "Blp",
            "Bmp",
            "BufrStub",
            "Cur",
            "Dcx",
            "Dds",
            "Eps",
            "Fits",
            "Fli",
            "Fpx",
            "Ftex",
            "Gbr",
            "Gif",
            "GribStub",
            "Hdf5Stub",
            "Icns",
            "Ico",
            "Im",
            "Imt",
            "Jpeg2K",
            "McIdas",
            "Mic",
            "Mpeg",
            "Msp",
            "Palm",
            "Pcd",
            "Pcx",
            "Pdf",
            "Pixar",
            "Ppm",
            "Psd",
            "Qoi",
            "Sgi",
            "Spider",
            "Sun",
            "Tga",
            "Wmf",
            "Xbm",
            "Xpm",
            "XVThumb",
        ]
    ),
    "PIL.PdfParser",
    "PIL.ImageShow",
    "PIL.ImageWin",
    # Legacy CJK codecs: every text the app reads or writes is UTF-8.
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    # Qt: the app uses QtCore, QtGui, QtWidgets and QtDBus (logind's sleep signal).
    # QtNetwork comes only from PySide6's own package hook; requests does the networking.
    "PySide6.QtNetwork",
]

QT_PLUGINS = "PySide6/Qt/plugins"

# Bundle paths (POSIX, relative to the bundle's _internal/) that are left out, with why.
DROPPED_PATTERNS: dict[str, str] = {
    "PySide6/Qt/translations/*": "Qt's own translations: the app loads only its .qm files",
    # Install records name the build machine's folders (an editable install's its checkout).
    "gatewatch-*.dist-info/*": "the app reads none of its own install metadata",
    "*.dist-info/RECORD": "install records: paths on the build machine",
    "*.dist-info/direct_url.json": "where pip installed from, on the build machine",
    # Platforms: xcb (X11, and XWayland on a Wayland desktop), offscreen (self-test, CI)
    # and minimal stay. Qt falls back to xcb when its wayland plugin is missing.
    f"{QT_PLUGINS}/platforms/libqwayland*.so": (
        "native Wayland (3 MB with its Qt library and plugins); XWayland runs the xcb one"
    ),
    f"{QT_PLUGINS}/wayland-*/*": "native Wayland only",
    f"{QT_PLUGINS}/platforms/libqeglfs.so": "full-screen embedded platform",
    f"{QT_PLUGINS}/platforms/libqlinuxfb.so": "framebuffer platform",
    f"{QT_PLUGINS}/platforms/libqminimalegl.so": "EGL test platform",
    f"{QT_PLUGINS}/platforms/libqvnc.so": "VNC server platform",
    f"{QT_PLUGINS}/platforms/libqvkkhrdisplay.so": "Vulkan display platform",
    f"{QT_PLUGINS}/egldeviceintegrations/*": "eglfs only",
    f"{QT_PLUGINS}/xcbglintegrations/*": "OpenGL on X11: the widgets draw without it",
    f"{QT_PLUGINS}/generic/*": "evdev/tuio input for eglfs and linuxfb only",
    f"{QT_PLUGINS}/networkinformation/*": "QtNetwork is not bundled",
    f"{QT_PLUGINS}/tls/*": "QtNetwork is not bundled",
    f"{QT_PLUGINS}/platformthemes/libqgtk3.so": (
        "GTK theme: needs GTK, Pango and Cairo; the XDG portal theme stays"
    ),
    # Image formats: PNG is built into QtGui; JPEG stays for photos.
    f"{QT_PLUGINS}/imageformats/libqgif.so": "no GIF anywhere",
    f"{QT_PLUGINS}/imageformats/libqicns.so": "macOS icons",
    f"{QT_PLUGINS}/imageformats/libqico.so": "Windows icons",
    f"{QT_PLUGINS}/imageformats/libqtga.so": "no TGA anywhere",
    f"{QT_PLUGINS}/imageformats/libqtiff.so": "no TIFF shown",
    f"{QT_PLUGINS}/imageformats/libqwbmp.so": "no WBMP anywhere",
    f"{QT_PLUGINS}/imageformats/libqwebp.so": "Qt never decodes WebP: Pillow converts it",
    f"{QT_PLUGINS}/imageformats/libqsvg.so": "no SVG in resources/ (add back with one)",
    f"{QT_PLUGINS}/iconengines/libqsvgicon.so": "no SVG icons (add back with one)",
}


def is_resource_source(path: Path) -> bool:
    """Translators' .ts sources stay in the repository; the compiled .qm files ship."""
    return path.suffix == ".ts"


def dropped_reason(dest: str) -> str | None:
    """Why the bundle path `dest` is left out, or None when it is kept."""
    posix = PurePosixPath(dest.replace(os.sep, "/")).as_posix()
    for pattern, reason in DROPPED_PATTERNS.items():
        if fnmatch.fnmatchcase(posix, pattern):
            return reason
    return None


# Linux: codec tables no locale of a Linux desktop names. Python must find the codec of the
# locale's encoding at start, so UTF-8 and the ISO 8859, KOI8 and TIS-620 families stay,
# with cp437 (zipfile's names) and cp1252 (the web's); Windows code pages, DOS and Mac
# tables, EBCDIC and the East Asian multibyte codecs (whose C parts the bundle does not
# carry) go. Windows and macOS keep every codec.
LINUX_UNUSED_CODECS = [
    f"encodings.{name}"
    for name in (
        *(f"cp{n}" for n in (37, 273, 424, 500, 720, 737, 775, 850, 852, 855, 856, 857, 858)),
        *(f"cp{n}" for n in (860, 861, 862, 863, 864, 865, 866, 869, 874, 875, 932, 949, 950)),
        *(f"cp{n}" for n in (1006, 1026, 1125, 1140, 1250, 1251, 1253, 1254, 1255, 1256)),
        *(f"cp{n}" for n in (1257, 1258)),
        *(f"mac_{n}" for n in ("arabic", "croatian", "cyrillic", "farsi", "greek", "iceland")),
        *(f"mac_{n}" for n in ("latin2", "roman", "romanian", "turkish")),
        "mbcs",
        "oem",
        "hp_roman8",
        "palmos",
        "ptcp154",
        "kz1048",
        "big5",
        "big5hkscs",
        "euc_jis_2004",
        "euc_jisx0213",
        "euc_jp",
        "euc_kr",
        "gb18030",
        "gb2312",
        "gbk",
        "hz",
        "iso2022_jp",
        "iso2022_jp_1",
        "iso2022_jp_2",
        "iso2022_jp_2004",
        "iso2022_jp_3",
        "iso2022_jp_ext",
        "iso2022_kr",
        "johab",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
    )
]


Entry = tuple[str, str, str]  # PyInstaller TOC entry: (dest, source, typecode)


def keep(toc: Iterable[Entry]) -> list[Entry]:
    """The TOC without the entries DROPPED_PATTERNS names."""
    return [entry for entry in toc if dropped_reason(entry[0]) is None]


# Linux: libraries the bundle takes from the desktop it runs on, like the unfrozen app does
# (README's apt line): the X11/xcb client libraries, GLib, D-Bus, fontconfig and FreeType
# belong to the running desktop, which configures them (fonts, input, session bus); a copy
# of the build machine's would be older or newer than the configuration it reads. Their
# own dependencies go with them when nothing else in the bundle links to those. (OpenGL,
# EGL, libxcb itself and glibc are never bundled by PyInstaller.)
SYSTEM_LIBRARIES: tuple[str, ...] = (
    "libX11.so*",
    "libX11-xcb.so*",
    "libXau.so*",
    "libXdmcp.so*",
    "libxcb.so*",
    "libxcb-*.so*",
    "libxkbcommon.so*",
    "libxkbcommon-x11.so*",
    "libglib-2.0.so*",
    "libgthread-2.0.so*",
    "libgobject-2.0.so*",
    "libgio-2.0.so*",
    "libdbus-1.so*",
    "libfontconfig.so*",
    "libfreetype.so*",
    # The C++ runtime: the desktop's OpenGL driver (Mesa) needs the machine's own, and a
    # bundled older copy makes it fail to load; Qt's wheels need only what manylinux gives.
    "libstdc++.so*",
    "libgcc_s.so*",
    # Compression libraries every Linux system carries (dpkg and rpm need them).
    "libzstd.so*",
    "libz.so*",
    # OpenSSL 3 for Python's ssl and hashlib: every distribution with the glibc the bundle
    # needs (that of Ubuntu 22.04, where releases are built) ships it, and the machine's
    # copy gets the distribution's security updates for the TLS to the newsroom server.
    # cryptography and sqlcipher3 carry their own, linked in statically.
    "libssl.so*",
    "libcrypto.so*",
)


def _posix(dest: str) -> PurePosixPath:
    return PurePosixPath(dest.replace(os.sep, "/"))


def is_system_library(dest: str) -> bool:
    """A top-level library of SYSTEM_LIBRARIES (not a wheel's own vendored copy)."""
    path = _posix(dest)
    return len(path.parts) == 1 and any(
        fnmatch.fnmatchcase(path.name, pattern) for pattern in SYSTEM_LIBRARIES
    )


def _is_library_candidate(dest: str) -> bool:
    """Shared libraries that exist only to serve others: prunable when nothing needs them.

    Extension modules, Qt plugins and the Python library are roots and always stay.
    """
    path = _posix(dest)
    if str(path).startswith(QT_PLUGINS + "/") or path.name.startswith("libpython"):
        return False
    return path.name.startswith("lib") and ".so" in path.name


def prune_unreferenced(
    toc: Sequence[Entry], needed_by: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[str]]:
    """Drop SYSTEM_LIBRARIES, then every shared library no kept root links to.

    `needed_by(source_path)` gives the file names a binary links to directly (its ELF
    DT_NEEDED entries, see `elf_needed`). Roots are the extension modules, the Qt plugins
    and the Python library; a library stays when a chain of DT_NEEDED links leads to it
    from a root through kept libraries. Symlinks to a dropped library go with it. Returns
    the kept TOC and the dropped bundle paths.
    """
    libraries: dict[str, Entry] = {}
    roots: list[Entry] = []
    for entry in toc:
        dest, _source, typecode = entry
        if typecode not in ("BINARY", "EXTENSION"):
            continue
        if _is_library_candidate(dest):
            if not is_system_library(dest):
                libraries.setdefault(_posix(dest).name, entry)
        else:
            roots.append(entry)
    reached: set[str] = set()
    pending = [source for _dest, source, _typecode in roots]
    while pending:
        for name in needed_by(pending.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                pending.append(libraries[name][1])
    kept: list[Entry] = []
    dropped: list[str] = []
    for entry in toc:
        dest, source, typecode = entry
        name = _posix(dest).name
        if typecode in ("BINARY", "EXTENSION") and _is_library_candidate(dest):
            gone = name not in reached
        elif typecode == "SYMLINK":
            target = _posix(source).name
            gone = _is_library_candidate(target) and target not in reached
        else:
            gone = False
        if gone:
            dropped.append(dest)
        else:
            kept.append(entry)
    return kept, dropped


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED names of a 64-bit little-endian ELF file ([] for anything else)."""
    with open(path, "rb") as file:
        data = file.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.append(data[start : data.index(b"\0", start)].decode())
    return names
