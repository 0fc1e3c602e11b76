"""Archive the one-folder bundle and write its build manifest next to the archive.

    python packaging/manifest.py dist/gatewatch

Writes, in the bundle's parent folder (dist/):

- ``gatewatch-VERSION-PLATFORM.tar.gz``: the bundle folder, normalised (sorted names,
  owner 0, times from SOURCE_DATE_EPOCH or the last commit, no gzip timestamp);
- ``gatewatch-VERSION-PLATFORM.manifest.json``: the archive's SHA-256 and size, the
  SHA-256 of every file in the bundle, the size by component, the commit, and the versions
  of Python, Qt, SQLCipher and the OpenSSL builds, as the frozen binary itself reports them
  (``gatewatch --self-test --versions``);
- ``gatewatch-VERSION-PLATFORM.files.sha256``: every file's SHA-256 in `sha256sum -c` form;
- ``SHA256SUMS``: the archive, manifest and file list, for `sha256sum -c` and for the
  admin's signature (docs/packaging.md).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import platform
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sizes

ROOT = Path(__file__).resolve().parents[1]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git(*args: str) -> str | None:
    try:
        done = subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() or None


def source_date() -> int:
    configured = os.environ.get("SOURCE_DATE_EPOCH")
    if configured:
        return int(configured)
    committed = git("log", "-1", "--format=%ct")
    return int(committed) if committed else 0


def frozen_versions(bundle: Path) -> dict[str, str]:
    executable = bundle / ("gatewatch.exe" if sys.platform == "win32" else "gatewatch")
    done = subprocess.run(  # noqa: S603 (the binary just built)
        [str(executable), "--self-test", "--versions"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    versions: dict[str, str] = json.loads(done.stdout)
    return versions


def bundle_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() or p.is_symlink())


def write_archive(bundle: Path, archive: Path, mtime: int) -> None:
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        if info.isdir() or info.mode & 0o111:
            info.mode = 0o755
        else:
            info.mode = 0o644
        return info

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(bundle, arcname=bundle.name, recursive=False, filter=normalise)
        for path in sorted(bundle.rglob("*")):
            arcname = f"{bundle.name}/{path.relative_to(bundle).as_posix()}"
            tar.add(path, arcname=arcname, recursive=False, filter=normalise)
    with (
        archive.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(buffer.getvalue())


def main() -> int:
    bundle = Path(sys.argv[1]).resolve()
    out = bundle.parent
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(
        sys.platform, sys.platform
    )
    stem = f"gatewatch-{version}-{system}-{platform.machine().lower()}"
    archive = out / f"{stem}.tar.gz"
    write_archive(bundle, archive, source_date())

    files = []
    for path in bundle_files(bundle):
        relative = f"{bundle.name}/{path.relative_to(bundle).as_posix()}"
        if path.is_symlink():
            files.append({"path": relative, "symlink": os.readlink(path)})
        else:
            files.append({"path": relative, "sha256": sha256(path), "bytes": path.stat().st_size})
    by_component = sizes.sizes(bundle)
    manifest = {
        "name": "gatewatch",
        "version": version,
        "commit": git("rev-parse", "HEAD"),
        "tree_clean": git("status", "--porcelain", "--untracked-files=no") is None,
        "build_platform": f"{sys.platform}-{platform.machine()}",
        "archive": {
            "name": archive.name,
            "sha256": sha256(archive),
            "bytes": archive.stat().st_size,
        },
        "bundle_bytes": sum(by_component.values()),
        "sizes_by_component": by_component,
        "versions": frozen_versions(bundle),
        "files": files,
    }
    manifest_path = out / f"{stem}.manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    file_list = out / f"{stem}.files.sha256"
    file_list.write_text(
        "".join(f"{f['sha256']}  {f['path']}\n" for f in files if "sha256" in f), encoding="utf-8"
    )
    sums = out / "SHA256SUMS"
    sums.write_text(
        "".join(f"{sha256(p)}  {p.name}\n" for p in (archive, manifest_path, file_list)),
        encoding="utf-8",
    )
    archived = manifest["archive"]
    print(f"{archive.name}: {archived['bytes'] / 1e6:.1f} MB, sha256 {archived['sha256']}")
    print(f"manifest: {manifest_path}")
    versions = manifest["versions"]
    print(
        "inside: Python {python}, Qt {qt}, SQLCipher {sqlcipher} ({sqlcipher_crypto}), "
        "cryptography's {cryptography_openssl}, Python ssl's {python_ssl_openssl}".format(
            **versions
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
