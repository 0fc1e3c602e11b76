"""Running `gatewatch` in-process on a data folder."""

import json
from pathlib import Path

from desktop.cli import main
from tests.helpers.reports import example


def gw(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def write_report(tmp_path: Path, **changes: object) -> Path:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(example(**changes), ensure_ascii=False), encoding="utf-8")
    return path
