"""Where the published export schemas are."""

from pathlib import Path

SCHEMAS = Path(__file__).parents[2] / "docs" / "schemas"
