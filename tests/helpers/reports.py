"""A valid report body in the wire format, and variations of it."""

import copy
from typing import Any

EXAMPLE: dict[str, Any] = {
    "gate": "laiza",
    "new_crossing": None,
    "observed_at": "2024-11-12T09:30:00+06:30",
    "china_side": "closed",
    "myanmar_side": "closed",
    "traffic": {
        "civilians": "blocked",
        "traders_goods": "blocked",
        "cargo_trucks": "blocked",
        "rare_earth_exports": "blocked",
        "fuel_chemical_imports": "blocked",
        "food_construction": "unknown",
        "humanitarian": "unknown",
    },
    "controlled_by": "kia",
    "barrier": ["wood_barricade", "barbed_wire"],
    "shortages": ["fuel"],
    "prices": [{"commodity": "diesel", "unit": "litre", "amount": 4500, "currency": "MMK"}],
    "how_known": "source_account",
    "source": {"category": "resident", "reliability": "B", "credibility": 2, "pseudonym": None},
    "narrative": "The KIA blocked the road with wood and barbed wire.",
}


def example(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data
