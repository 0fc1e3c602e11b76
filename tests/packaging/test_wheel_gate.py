"""The dependency gate (packaging/wheel_gate.py): every runtime dependency, at its pinned
version, has a wheel for Windows x64, macOS arm64 and x86_64 and Linux x86_64.

The gate asks the package index (PyPI unless GATEWATCH_WHEEL_INDEX or PIP_INDEX_URL names
another); it is skipped, saying so, only when the index cannot be reached."""

from __future__ import annotations

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.packaging.conftest import load_packaging_module

gate = load_packaging_module("wheel_gate")
BY_NAME = {target.name: target for target in gate.TARGETS}


def run_gate(**kwargs: object) -> dict[str, list[str]]:
    try:
        result: dict[str, list[str]] = gate.gate(**kwargs)
    except gate.IndexUnreachable as error:
        pytest.skip(str(error))
    return result


def test_every_runtime_dependency_has_a_wheel_for_every_platform() -> None:
    result = run_gate()
    assert set(result) == {"windows-amd64", "macos-arm64", "macos-x86_64", "linux-x86_64"}
    assert not any(result.values()), "\n".join(gate.describe(result))


def test_a_source_only_package_is_named_with_the_platform() -> None:
    # PyICU publishes no wheels at all: every platform must name it.
    result = run_gate(roots=[Requirement("PyICU")], pinned={canonicalize_name("PyICU"): "2.14"})
    assert result == {target.name: ["pyicu==2.14"] for target in gate.TARGETS}
    assert "pyicu==2.14: no wheel for windows-amd64 (Python 3.11)" in gate.describe(result)


def test_cryptography_50_has_no_macos_x86_64_wheel() -> None:
    # Why the pin is 48.0.1 (docs/packaging.md): the gate must catch a raise to 50.
    pinned = {**gate.pins(), canonicalize_name("cryptography"): "50.0.2"}
    result = run_gate(
        targets=[BY_NAME["macos-x86_64"], BY_NAME["macos-arm64"]],
        roots=[Requirement("cryptography")],
        pinned=pinned,
    )
    assert result == {"macos-x86_64": ["cryptography==50.0.2"], "macos-arm64": []}


# --- the closure, without the index -------------------------------------------------------


def test_the_closure_follows_extras_and_pins() -> None:
    needed = gate.closure(BY_NAME["linux-x86_64"], gate.runtime_requirements(), gate.pins())
    # requests[socks] brings PySocks; PySide6 its shiboken.
    assert needed[canonicalize_name("PySocks")] == gate.pins()[canonicalize_name("PySocks")]
    assert canonicalize_name("shiboken6") in needed
    # Development tools are not runtime dependencies.
    assert canonicalize_name("pytest") not in needed
    assert canonicalize_name("fastapi") not in needed
    # The server's models are the server's: the app reads replies with sync/messages.py.
    assert canonicalize_name("pydantic") not in needed
    assert canonicalize_name("pydantic-core") not in needed


def test_platform_markers_count_on_their_platform_only() -> None:
    roots = [Requirement('pywin32-ctypes; sys_platform == "win32"'), Requirement("idna")]
    pinned = {canonicalize_name("pywin32-ctypes"): "0.2.3", canonicalize_name("idna"): "3.20"}
    on_windows = gate.closure(BY_NAME["windows-amd64"], roots, pinned)
    on_macos = gate.closure(BY_NAME["macos-x86_64"], roots, pinned)
    assert set(on_windows) == {"pywin32-ctypes", "idna"}
    assert set(on_macos) == {"idna"}


def test_an_unpinned_dependency_is_named() -> None:
    with pytest.raises(gate.GateError, match=r"idna is needed on linux-x86_64 but not pinned"):
        gate.closure(BY_NAME["linux-x86_64"], [Requirement("idna")], {})


def test_an_unreachable_index_is_reported_as_such() -> None:
    # Port 9 (discard) on the loopback: nothing listens there.
    with pytest.raises(gate.IndexUnreachable, match=r"127\.0\.0\.1:9/simple/ is unreachable"):
        gate.check_reachable("http://127.0.0.1:9/simple/")


def test_the_manylinux_tags_reach_down_to_the_legacy_aliases() -> None:
    tags = gate.manylinux(35, "x86_64")
    assert tags[0] == "manylinux_2_35_x86_64"
    assert "manylinux_2_28_x86_64" in tags
    assert "manylinux_2_17_x86_64" in tags
    assert tags[-3:] == ("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
