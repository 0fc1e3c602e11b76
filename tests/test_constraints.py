"""packaging/constraints.txt pins every dependency pyproject.toml names, within its range,
so a dependency added without `make lock` is caught here rather than left to float."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def pins() -> dict[str, Version]:
    pinned: dict[str, Version] = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, version = line.partition("==")
        assert version, f"not a pin: {line!r}"
        pinned[canonicalize_name(name)] = Version(version)
    return pinned


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        listed.extend(extra)
    found = [Requirement(text) for text in listed]
    return [r for r in found if canonicalize_name(r.name) != "gatewatch"]


@pytest.mark.parametrize("requirement", requirements(), ids=str)
def test_every_dependency_is_pinned_within_its_range(requirement: Requirement) -> None:
    pinned = pins().get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} is not in packaging/constraints.txt"
    assert requirement.specifier.contains(pinned, prereleases=True), (
        f"{requirement.name}=={pinned} is outside pyproject's {requirement.specifier}"
    )


def test_the_pins_are_plain_versions() -> None:
    text = (ROOT / "packaging" / "constraints.txt").read_text()
    assert " @ " not in text  # a local wheel's path would not install on another machine
    assert all(name not in pins() for name in ("pip", "setuptools", "wheel"))
