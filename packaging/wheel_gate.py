"""Does every runtime dependency, at its pinned version, have a wheel for every platform
the bundles are built for?

    python packaging/wheel_gate.py      # one line per platform; exit 1 naming what is missing

The runtime closure is walked from pyproject's ``dependencies`` through the installed
distributions' metadata, with each platform's environment markers (a dependency only
Windows needs counts for Windows only), and every version comes from
packaging/constraints.txt. Each platform is then asked of the package index with pip's own
finder: ``pip install --dry-run --no-deps --only-binary :all: --platform ...``, which picks
a wheel by the same tags as ``pip download`` but fetches only the index pages, never the
archives (PySide6 alone is 80 MB per platform). The release workflow builds on these same
platforms (.github/workflows/release.yml; tests/packaging/test_release_workflow.py keeps
the two in step).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import ssl
import subprocess
import sys
import tempfile
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
# The Python the bundles carry (the release workflow's setup-python; `make lock` ran on it).
PYTHON_VERSION = "3.11"
DEFAULT_INDEX = "https://pypi.org/simple/"


def manylinux(glibc_minor: int, arch: str) -> tuple[str, ...]:
    """The manylinux tags a glibc 2.N machine runs, newest first (pip expands only the
    legacy manylinux2014/2010 aliases of --platform by itself, not manylinux_2_N)."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 4, -1)]
    return (*tags, f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}")


@dataclass(frozen=True)
class Target:
    name: str  # as in archive names, gatewatch-VERSION-NAME.tar.gz (packaging/manifest.py)
    runner: str  # the GitHub Actions runner that builds it
    pip_platforms: tuple[str, ...]  # pip adds the older macOS versions by itself
    sys_platform: str
    platform_system: str
    platform_machine: str


# macOS 13 is the oldest the bundle runs on: PySide6 6.11's wheels are macosx_13_0
# (gatewatch.spec's LSMinimumSystemVersion says the same).
TARGETS = (
    Target("windows-amd64", "windows-latest", ("win_amd64",), "win32", "Windows", "AMD64"),
    Target("macos-arm64", "macos-14", ("macosx_13_0_arm64",), "darwin", "Darwin", "arm64"),
    # GitHub's last Intel macOS runner (macos-13 was retired in December 2025).
    Target("macos-x86_64", "macos-15-intel", ("macosx_13_0_x86_64",), "darwin", "Darwin", "x86_64"),
    # Ubuntu 22.04's glibc 2.35: the Linux bundle needs a glibc as new as its build machine's.
    Target("linux-x86_64", "ubuntu-22.04", manylinux(35, "x86_64"), "linux", "Linux", "x86_64"),
)


class GateError(Exception):
    """The gate cannot be evaluated (a dependency unpinned, or the index unreachable)."""


class IndexUnreachable(GateError):
    pass


def markers_for(target: Target) -> dict[str, str]:
    env = {key: str(value) for key, value in default_environment().items()}
    env.update(
        sys_platform=target.sys_platform,
        platform_system=target.platform_system,
        platform_machine=target.platform_machine,
        os_name="nt" if target.sys_platform == "win32" else "posix",
        python_version=PYTHON_VERSION,
        python_full_version=f"{PYTHON_VERSION}.0",
        implementation_name="cpython",
        platform_python_implementation="CPython",
    )
    return env


def pins(path: Path = CONSTRAINTS) -> dict[NormalizedName, str]:
    pinned: dict[NormalizedName, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[canonicalize_name(name)] = version.strip()
    return pinned


def runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


def installed_requires(name: str) -> list[Requirement] | None:
    """The installed distribution's requirements, or None when it is not installed here."""
    try:
        return [Requirement(text) for text in importlib.metadata.requires(name) or []]
    except importlib.metadata.PackageNotFoundError:
        return None


def closure(
    target: Target,
    roots: Iterable[Requirement],
    pinned: Mapping[NormalizedName, str],
) -> dict[NormalizedName, str]:
    """Every distribution the app needs on ``target``, with its pinned version.

    A distribution needed there but not installed here (a Windows-only one, say) is checked
    itself, but its own dependencies cannot be read: pin and install it to have them walked.
    """
    env = markers_for(target)
    needed: dict[NormalizedName, str] = {}
    queue = [(req, frozenset[str]()) for req in roots]
    seen: set[tuple[NormalizedName, frozenset[str]]] = set()
    while queue:
        req, parent_extras = queue.pop()
        if req.marker is not None and not any(
            req.marker.evaluate({**env, "extra": extra}) for extra in parent_extras or {""}
        ):
            continue
        name = canonicalize_name(req.name)
        key = (name, frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        if name not in pinned:
            raise GateError(
                f"{req.name} is needed on {target.name} but not pinned in packaging/"
                "constraints.txt (install it and run `make lock`)"
            )
        needed[name] = pinned[name]
        for sub in installed_requires(req.name) or []:
            queue.append((sub, frozenset(req.extras)))
    return needed


def pip_env() -> dict[str, str]:
    """pip's environment without this machine's local wheel folders and extra indexes,
    which could answer for the public index; its CA bundle (PIP_CERT) is kept."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "PIP_CONSTRAINT", "PIP_NO_INDEX")
    }
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def index_url() -> str:
    return os.environ.get("GATEWATCH_WHEEL_INDEX") or os.environ.get("PIP_INDEX_URL", DEFAULT_INDEX)


def check_reachable(index: str) -> None:
    context = ssl.create_default_context(cafile=os.environ.get("PIP_CERT") or None)
    try:
        with urllib.request.urlopen(  # noqa: S310 (the index is an https URL we chose)
            index.rstrip("/") + "/pip/", timeout=15, context=context
        ) as response:
            response.read(1)
    except (urllib.error.URLError, OSError) as error:
        raise IndexUnreachable(f"the package index {index} is unreachable: {error}") from error


def find_wheels(
    target: Target, packages: Mapping[NormalizedName, str], index: str
) -> tuple[dict[str, str], str]:
    """Ask pip for a wheel of each package on ``target``: (name → wheel file, pip's error).

    The --target folder is never written (a dry run); pip only wants one named."""
    command = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
        "--no-deps", "--only-binary", ":all:", "--quiet", "--report", "-",
        "--target", str(Path(tempfile.gettempdir()) / "gatewatch-wheel-gate"),
        "--index-url", index, "--timeout", "30",
        *(f"--platform={tag}" for tag in target.pip_platforms),
        "--python-version", PYTHON_VERSION,
        "--implementation", "cp", "--abi", f"cp{PYTHON_VERSION.replace('.', '')}",
        *(f"{name}=={version}" for name, version in sorted(packages.items())),
    ]  # fmt: skip
    done = subprocess.run(  # noqa: S603 (our own interpreter's pip, fixed arguments)
        command, capture_output=True, text=True, env=pip_env(), timeout=300, check=False
    )
    if done.returncode != 0:
        return {}, done.stderr
    report = json.loads(done.stdout)
    found = {
        str(canonicalize_name(item["metadata"]["name"])): item["download_info"]["url"].rsplit(
            "/", 1
        )[-1]
        for item in report["install"]
    }
    return found, ""


def missing_on(
    target: Target, packages: Mapping[NormalizedName, str], index: str
) -> tuple[list[str], dict[str, str]]:
    """The ``name==version`` pins with no wheel for ``target``, and the wheels found."""
    found, error = find_wheels(target, packages, index)
    if not error:
        return [], found
    if _network_trouble(error):
        raise IndexUnreachable(f"pip could not reach {index}: {error.strip()[-300:]}")
    if len(packages) == 1:
        return [f"{name}=={version}" for name, version in packages.items()], found
    # One failure hides the others: ask per package to name every one.
    missing: list[str] = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        singles = pool.map(
            lambda item: (item, find_wheels(target, dict([item]), index)), packages.items()
        )
        for (name, version), (one, one_error) in singles:
            if one_error:
                if _network_trouble(one_error):
                    raise IndexUnreachable(f"pip could not reach {index}: {one_error[-300:]}")
                missing.append(f"{name}=={version}")
            found.update(one)
    return sorted(missing), found


def _network_trouble(stderr: str) -> bool:
    return any(
        sign in stderr
        for sign in ("NewConnectionError", "Max retries exceeded", "Could not fetch URL",
                     "Temporary failure in name resolution", "Network is unreachable")
    )  # fmt: skip


def gate(
    targets: Iterable[Target] = TARGETS,
    roots: Iterable[Requirement] | None = None,
    pinned: Mapping[NormalizedName, str] | None = None,
) -> dict[str, list[str]]:
    """Target name → the pins without a wheel there (empty lists when all is well)."""
    index = index_url()
    check_reachable(index)
    pinned = pins() if pinned is None else pinned
    wanted = list(runtime_requirements() if roots is None else roots)
    plans = [(target, closure(target, wanted, pinned)) for target in targets]
    with ThreadPoolExecutor(max_workers=len(plans)) as pool:
        results = pool.map(lambda plan: missing_on(plan[0], plan[1], index)[0], plans)
        return {target.name: missing for (target, _), missing in zip(plans, results, strict=True)}


def describe(result: Mapping[str, list[str]]) -> list[str]:
    return [
        f"{name}: no wheel for {target} (Python {PYTHON_VERSION})"
        for target, missing in result.items()
        for name in missing
    ]


def main() -> int:
    try:
        result = gate()
    except GateError as error:
        print(error, file=sys.stderr)
        return 2
    for target, missing in result.items():
        print(f"{target}: {'missing ' + ', '.join(missing) if missing else 'every wheel found'}")
    return 1 if any(result.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
