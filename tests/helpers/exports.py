"""Where the published export schemas are, and reading an export back."""

import csv
from pathlib import Path

SCHEMAS = Path(__file__).parents[2] / "docs" / "schemas"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))
