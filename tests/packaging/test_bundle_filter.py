"""The packaging scripts' own logic: what the bundle leaves out, ICU trimming, sizes."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

bundle_filter = load_packaging_module("bundle_filter")
icu_trim = load_packaging_module("icu_trim")
sizes = load_packaging_module("sizes")
relink = load_packaging_module("relink")


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("gatewatch-0.1.0.dist-info/direct_url.json", True),
        ("pydantic-2.14.4.dist-info/RECORD", True),
        ("pydantic-2.14.4.dist-info/METADATA", False),
        ("resources/fonts/Padauk-Regular.ttf", False),
    ],
)
def test_what_the_bundle_leaves_out(dest: str, dropped: bool) -> None:
    assert (bundle_filter.dropped_reason(dest) is not None) is dropped


def test_resources_ship_without_translation_sources() -> None:
    assert bundle_filter.is_resource_source(Path("resources/i18n/gatewatch_my.ts"))
    assert not bundle_filter.is_resource_source(Path("resources/i18n/gatewatch_my.qm"))
    assert not bundle_filter.is_resource_source(Path("resources/map/border.json"))


def test_pruning_keeps_what_roots_link_to_and_drops_desktop_libraries() -> None:
    toc = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libfontconfig.so.1", "/usr/lib/libfontconfig.so.1", "BINARY"),
        ("libexpat.so.1", "/usr/lib/libexpat.so.1", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/gazetteer/gazetteer.json", "/src/gazetteer.json", "DATA"),
    ]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "/src/libqxcb.so": ["libQt6Gui.so.6", "libxcb.so.1"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libfontconfig.so.1"],
        "/usr/lib/libfontconfig.so.1": ["libexpat.so.1"],
    }
    kept, dropped = bundle_filter.prune_unreferenced(toc, lambda s: links.get(s, []))
    assert {entry[0] for entry in kept} == {
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libQt6Gui.so.6",
        "resources/gazetteer/gazetteer.json",
    }
    assert set(dropped) == {
        "PySide6/Qt/lib/libQt6Network.so.6",
        "libfontconfig.so.1",
        "libexpat.so.1",
        "libQt6Network.so.6",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF")
def test_elf_needed_reads_a_real_library() -> None:
    import _ssl  # a stdlib extension module linked to OpenSSL

    needed = bundle_filter.elf_needed(_ssl.__file__)
    assert any(name.startswith(("libssl", "libcrypto")) for name in needed)
    assert bundle_filter.elf_needed(__file__) == []


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("icudt73l/uprops.icu", True),
        ("icudt73l/nfkc.nrm", True),
        ("icudt73l/root.res", True),
        ("icudt73l/en.res", True),
        ("icudt73l/my.res", True),
        ("icudt73l/zh_Hans.res", True),
        ("icudt73l/fr.res", False),
        ("icudt73l/res_index.res", True),
        ("icudt73l/pool.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/unames.icu", False),
        ("icudt73l/zoneinfo64.res", False),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/coll/my.res", True),
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/coll/de_.res", False),
        ("icudt73l/brkitr/burmesedict.dict", True),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/brkitr/line.brk", True),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/curr/en.res", False),
    ],
)
def test_icu_items_kept(item: str, kept: bool) -> None:
    assert icu_trim.keep_item(item) is kept


def package(items: list[tuple[str, bytes]]) -> bytes:
    """A minimal ICU common-data package, laid out as ICU's own tools do."""
    header = bytearray(32)
    struct.pack_into("<HBB", header, 0, 32, 0xDA, 0x27)
    header[12:16] = b"CmnD"
    names = b"".join(name.encode() + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    offset = table_size + len(names)
    offset += -(32 + offset) % 16
    body, entries, name_at = b"", [], table_size
    for name, data in items:
        body += b"\0" * (-(32 + offset + len(body)) % 16)
        entries.append((name_at, offset + len(body)))
        name_at += len(name) + 1
        body += data
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *e) for e in entries)
    gap = b"\0" * (offset - table_size - len(names))
    return bytes(header) + table + names + gap + body


def test_icu_package_trimming_keeps_items_intact_and_aligned() -> None:
    items = [
        ("icudt73l/coll/zh.res", b"z" * 40),
        ("icudt73l/en.res", b"english" * 3),
        ("icudt73l/fr.res", b"french"),
        ("icudt73l/uprops.icu", b"props" * 7),
    ]
    trimmed, kept, dropped = icu_trim.trim_package(package(items))
    assert (kept, dropped) == (2, 2)
    again, kept_again, dropped_again = icu_trim.trim_package(trimmed)
    assert (again, kept_again, dropped_again) == (trimmed, 2, 0)
    (count,) = struct.unpack_from("<I", trimmed, 32)
    found = {}
    for i in range(count):
        name_offset, data_offset = struct.unpack_from("<II", trimmed, 32 + 4 + 8 * i)
        assert (32 + data_offset) % 16 == 0
        start = 32 + name_offset
        found[trimmed[start : trimmed.index(b"\0", start)].decode()] = data_offset
    assert list(found) == ["icudt73l/en.res", "icudt73l/uprops.icu"]
    en = 32 + found["icudt73l/en.res"]
    assert trimmed[en : en + 21] == b"english" * 3
    assert trimmed.endswith(b"props" * 7)


def test_icu_trimming_refuses_other_data() -> None:
    with pytest.raises(ValueError, match="not an ICU"):
        icu_trim.trim_package(b"\0" * 64)


@pytest.mark.parametrize(
    ("path", "component"),
    [
        ("_internal/PySide6/Qt/lib/libicudata.so.73", "ICU"),
        ("_internal/PySide6/Qt/lib/libQt6Gui.so.6", "Qt libraries"),
        ("_internal/PySide6/Qt/plugins/platforms/libqxcb.so", "Qt plugins"),
        ("_internal/PySide6/QtGui.abi3.so", "PySide6 bindings"),
        ("_internal/resources/fonts/Padauk-Regular.ttf", "app resources"),
        ("gatewatch", "executable"),
        ("_internal/certifi/cacert.pem", "other Python packages"),
    ],
)
def test_sizes_by_component(path: str, component: str) -> None:
    assert sizes.component_of(path).startswith(component)


def test_windows_version_resource(tmp_path: Path) -> None:
    windows_version = load_packaging_module("windows_version")
    assert windows_version.numbers("0.1.0") == (0, 1, 0, 0)
    assert windows_version.numbers("1.2.3rc1") == (1, 2, 3, 0)
    written = Path(windows_version.write(tmp_path / "v.txt", "1.2.3"))
    assert "filevers=(1, 2, 3, 0)" in written.read_text()


def test_vendored_names_map_to_system_names_only_for_system_libraries() -> None:
    is_system = bundle_filter.is_system_library
    assert relink.system_name("libxcb-9065bb12.so.1.1.0", is_system) == "libxcb.so.1"
    assert relink.system_name("libzstd-40ad5e7e.so.1.5.7", is_system) == "libzstd.so.1"
    assert relink.system_name("libjpeg-6dc8d115.so.62.4.0", is_system) is None  # vendored
    assert relink.system_name("libxcb.so.1", is_system) is None  # not a vendored copy


def _pillow_library(prefix: str) -> Path:
    import PIL

    libs = Path(PIL.__file__).parent.parent / "pillow.libs"
    found = sorted(libs.glob(f"{prefix}-*.so*")) if libs.is_dir() else []
    if not found:
        pytest.skip(f"this Pillow carries no vendored {prefix}")
    return found[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF")
def test_a_relinked_library_loads_with_the_system_copy(tmp_path: Path) -> None:
    import ctypes

    tiff = _pillow_library("libtiff")
    zstd = next(n for n in bundle_filter.elf_needed(str(tiff)) if n.startswith("libzstd-"))
    # Beside it only the vendored libraries it still needs: not the vendored zstd.
    for name in bundle_filter.elf_needed(str(tiff)):
        vendored = tiff.parent / name
        if vendored.exists() and name != zstd:
            (tmp_path / name).write_bytes(vendored.read_bytes())
    toc = [("pillow.libs/" + tiff.name, str(tiff), "BINARY")]
    relinked_toc, relinked = relink.relink_to_system(
        toc, bundle_filter.elf_needed, bundle_filter.is_system_library, tmp_path / "out"
    )
    assert relinked == ["pillow.libs/" + tiff.name]
    copy = Path(relinked_toc[0][1])
    assert "libzstd.so.1" in bundle_filter.elf_needed(str(copy))
    assert zstd not in bundle_filter.elf_needed(str(copy))
    moved = tmp_path / tiff.name
    moved.write_bytes(copy.read_bytes())
    library = ctypes.CDLL(str(moved))  # $ORIGIN finds the rest; the system finds zstd
    library.TIFFGetVersion.restype = ctypes.c_char_p
    assert b"LIBTIFF" in library.TIFFGetVersion()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF")
def test_relinking_refuses_what_it_cannot_do_safely() -> None:
    tiff = _pillow_library("libtiff")
    data = tiff.read_bytes()
    jpeg = next(n for n in bundle_filter.elf_needed(str(tiff)) if n.startswith("libjpeg-"))
    with pytest.raises(ValueError, match="symbol versions"):
        relink.replace_needed(data, {jpeg: "libjpeg.so.62"})  # LIBJPEG_6.2 is versioned
    zstd = next(n for n in bundle_filter.elf_needed(str(tiff)) if n.startswith("libzstd-"))
    with pytest.raises(ValueError, match="longer"):
        relink.replace_needed(data, {zstd: zstd + ".and-longer"})
    with pytest.raises(ValueError, match="not linked"):
        relink.replace_needed(data, {"libnothing.so.1": "libx.so.1"})
    with pytest.raises(ValueError, match="ELF"):
        relink.replace_needed(b"#!/bin/sh\n", {"a": "b"})
