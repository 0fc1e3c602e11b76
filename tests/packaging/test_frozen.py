"""The PyInstaller bundle, run as staff would run it (``make build``, then
``make smoke-frozen``; deselected otherwise).

Uses dist/gatewatch/ (or the folder GATEWATCH_BUNDLE names); builds one into a temporary
folder when there is none. Every run is offscreen, with HOME and the data folder in a
temporary folder, and fails on any stderr line that is not known platform noise.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import PySide6
import pytest

from tests.packaging.conftest import ROOT, load_packaging_module

pytestmark = pytest.mark.frozen

EXECUTABLE = "gatewatch.exe" if sys.platform == "win32" else "gatewatch"
# The offscreen platform's own noise (as in pyproject's qt_log_ignore), and nothing broader.
ALLOWED_STDERR = (re.compile(r"This plugin does not support propagateSizeHints\(\)"),)
CHECKS = (
    "store",
    "envelope-mlkem768x25519",
    "envelope-x25519",
    "photo",
    "desk-workers",
    "tls",
    "window",
    "burmese",
    "icu",
)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("GATEWATCH_BUNDLE")
    folder = Path(configured) if configured else ROOT / "dist" / "gatewatch"
    if (folder / EXECUTABLE).exists():
        return folder
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(ROOT / "packaging" / "gatewatch.spec"),
        ],
        check=True,
        cwd=ROOT,
        timeout=900,
    )
    return out / "dist" / "gatewatch"


@pytest.fixture
def run(bundle: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()

    def run(args: Sequence[str], **extra_env: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "GATEWATCH_DATA_DIR": str(tmp_path / "store"),
            # Windows needs these to start a process at all (sockets, random numbers, temp).
            **{k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ},
            **extra_env,
        }
        return subprocess.run(
            [str(bundle / EXECUTABLE), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )

    return run


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.search(line) for p in ALLOWED_STDERR)
    ]


def test_the_self_test_passes(run) -> None:  # type: ignore[no-untyped-def]
    done = run(["--self-test"])
    assert unexpected_stderr(done.stderr) == []
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {name}" for name in CHECKS]
    assert lines[-1] == f"self-test: {len(CHECKS)} of {len(CHECKS)} checks passed"


def test_the_versions_are_those_of_the_bundle(run) -> None:  # type: ignore[no-untyped-def]
    done = run(["--self-test", "--versions"])
    assert done.returncode == 0
    assert unexpected_stderr(done.stderr) == []
    versions = json.loads(done.stdout)
    assert versions["frozen"] == "yes"
    assert versions["python"] == ".".join(map(str, sys.version_info[:3]))
    assert versions["pyside6"] == PySide6.__version__
    for key in ("qt", "sqlcipher", "sqlcipher_crypto", "cryptography_openssl"):
        assert versions[key] not in ("", "unknown"), key


def test_the_command_line_works_frozen(run) -> None:  # type: ignore[no-untyped-def]
    done = run(["gates"])
    assert done.returncode == 0
    assert unexpected_stderr(done.stderr) == []
    assert done.stdout.startswith("laiza ")
    done = run(["report", "list"], GATEWATCH_PASSPHRASE="not a store yet")
    assert done.returncode == 1
    assert done.stderr.startswith("gatewatch: no store in ")


def test_the_window_opens_and_the_startup_probe_reports_it(run) -> None:  # type: ignore[no-untyped-def]
    done = run([], GATEWATCH_EXIT_AFTER_SHOWN="1")
    assert unexpected_stderr(done.stderr) == []
    assert done.returncode == 0
    assert re.fullmatch(r"shown after \d+ ms\n", done.stdout)


def test_photos_of_every_accepted_format_are_imported_frozen(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """HEIC (pi-heif), WebP, PNG and JPEG photos go into a report with the bundle's codecs."""
    pillow_heif = pytest.importorskip("pillow_heif")  # the tests' HEIC writer
    from PIL import Image

    from tests.helpers.reports import example

    pillow_heif.register_heif_opener()
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    report = tmp_path / "report.json"
    report.write_text(json.dumps(example()), encoding="utf-8")
    secret = {"GATEWATCH_PASSPHRASE": "seven lanterns drift over the frozen river at dawn"}
    assert run(["init"], **secret).returncode == 0
    for suffix in ("heic", "webp", "png", "jpg"):
        photo = tmp_path / f"photo.{suffix}"
        image.save(photo)
        add = ["report", "add", "--json", str(report), "--draft", "--photo", str(photo)]
        done = run(add, **secret)
        assert done.returncode == 0, (suffix, done.stderr)
    listed = run(["report", "list"], **secret)
    assert len(listed.stdout.splitlines()) == 4


def test_resources_and_licenses_are_bundled(bundle: Path) -> None:
    inside = bundle / "_internal"
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and path.suffix != ".ts":
            copy = inside / path.relative_to(ROOT)
            assert copy.read_bytes() == path.read_bytes(), path
    licenses = inside / "licenses"
    for name in ("GPL-3.0.txt", "LGPL-3.0.txt", "THIRD-PARTY.md", "python/LICENSE.txt"):
        assert (licenses / name).is_file(), name
    for distribution in ("sqlcipher3", "cryptography", "pillow", "requests"):
        assert any((licenses / distribution).iterdir()), distribution


def test_nothing_names_the_build_folder(bundle: Path) -> None:
    needle = str(ROOT).encode()
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            assert needle not in path.read_bytes(), path


def test_the_bundle_carries_no_pydantic_nor_the_server(bundle: Path) -> None:
    """The app reads the server's replies with sync/messages.py (packaging/bundle_filter.py)."""
    from PyInstaller.archive.readers import CArchiveReader

    modules = CArchiveReader(str(bundle / EXECUTABLE)).open_embedded_archive("PYZ.pyz").toc
    assert "sync.client" in modules
    assert "sync.messages" in modules
    left_out = ("pydantic", "pydantic_core", "annotated_types", "sync.protocol", "sync.server")
    assert [m for m in modules if m.startswith(left_out)] == []
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    assert [f for f in files if "pydantic" in f or "annotated_types" in f] == []


@pytest.mark.skipif(sys.platform != "linux", reason="the 100 MB budget is the Linux folder's")
def test_the_bundle_is_within_budget(bundle: Path) -> None:
    sizes = load_packaging_module("sizes")
    assert sum(sizes.sizes(bundle).values()) <= 100e6


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (Linux)")
def test_every_library_resolves_and_none_is_a_vendored_copy_of_a_system_one(
    bundle: Path,
) -> None:
    """Relinked binaries (packaging/relink.py) find the system's copies; nothing is missing."""
    relink = load_packaging_module("relink")
    bundle_filter = load_packaging_module("bundle_filter")
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        name = path.name
        assert relink.system_name(name, bundle_filter.is_system_library) is None, name
        # As the bootloader runs the app: with its library folder on the search path.
        env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, check=False, env=env
        )
        assert "not found" not in done.stdout, (path, done.stdout)


def test_the_manifest_matches_the_bundle(bundle: Path) -> None:
    manifests = sorted(bundle.parent.glob("gatewatch-*.manifest.json"))
    if bundle.parent != ROOT / "dist" or not manifests:
        pytest.skip("no manifest: the bundle was not made by `make build`")
    manifest = json.loads(manifests[-1].read_text())
    archive = bundle.parent / manifest["archive"]["name"]
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == manifest["archive"]["sha256"]
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {
        f"{bundle.name}/{p.relative_to(bundle).as_posix()}": p
        for p in bundle.rglob("*")
        if p.is_file() or p.is_symlink()
    }
    assert set(listed) == set(on_disk)
    for name, path in on_disk.items():
        if not path.is_symlink():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == listed[name]["sha256"], name
    assert manifest["versions"]["frozen"] == "yes"
