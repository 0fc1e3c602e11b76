"""Shared bits of the benchmarks: timing, result records, realistic generated reports."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.report import ReportContent

RESULTS = Path(__file__).with_name("results.json")
GATES = ("laiza", "mai_ja_yang", "lweje", "pang_war", "kanpaiti", "hpimaw")
NARRATIVES = (
    "China closed its side of the gate; fuel trucks are waiting on the Myanmar side.",
    "The KIA blocked the road with wood and barbed wire after the trucks were stopped.",
    "Bamboo barricades were removed but people and goods are still not allowed through.",
    "Only Chinese citizens working in the mines may cross; hundreds of locals wait.",
    "Only food, cement and iron can cross; fuel and electronics stay restricted.",
    "ဆီဈေး တစ်လီတာ ကျပ် ၄၅၀၀ အထိ တက်သွားသည်။ ကုန်စည်များ မဝင်နိုင်ပါ။",
    "လိုင်ဇာ ဂိတ်ကို ဝါးအတားအဆီးများ ဖယ်ရှားလိုက်သော်လည်း လူများ မဖြတ်ကူးရသေးပါ။",
    "中方关闭口岸，燃油和日用品短缺，价格上涨。",
)


@dataclass(frozen=True)
class Result:
    """One benchmark figure; ratio = value / limit, so lower is better and ≤ 1 passes."""

    name: str
    value: float
    unit: str
    limit: float
    ratio: float

    def show(self) -> str:
        verdict = "ok" if self.ratio <= 1.0 else "OVER LIMIT"
        return (
            f"{self.name:<48} {self.value:>10.4g} {self.unit:<8} "
            f"limit {self.limit:>10.4g}  ratio {self.ratio:5.2f}  {verdict}"
        )


def result(name: str, value: float, unit: str, limit: float) -> Result:
    return Result(name, value, unit, limit, value / limit if limit else float("inf"))


def record(results: list[Result]) -> None:
    """Print the results and merge them into bench/results.json by name."""
    existing: dict[str, Any] = {}
    if RESULTS.exists():
        existing = {r["name"]: r for r in json.loads(RESULTS.read_text())}
    for r in results:
        print(r.show())
        existing[r.name] = asdict(r)
    RESULTS.write_text(json.dumps(list(existing.values()), indent=2) + "\n")


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def generated_content(rng: random.Random, index: int) -> ReportContent:
    """A realistic report about one of the six gates, varied by `index`."""
    # Backwards from a past date: observations over 24 h ahead of the clock are refused.
    observed = datetime(2024, 10, 20, tzinfo=UTC) - timedelta(minutes=37 * index)
    sides = ("open", "closed", "restricted", "unknown")
    return ReportContent.from_json(
        {
            "gate": GATES[index % len(GATES)],
            "observed_at": observed.isoformat(),
            "china_side": rng.choice(sides),
            "myanmar_side": rng.choice(sides),
            "traffic": {
                "civilians": rng.choice(("allowed", "blocked", "unknown")),
                "cargo_trucks": rng.choice(("allowed", "blocked")),
                "rare_earth_exports": rng.choice(("allowed", "blocked")),
                "fuel_chemical_imports": rng.choice(("allowed", "blocked")),
            },
            "controlled_by": "kia",
            "barrier": rng.sample(["barbed_wire", "wood_barricade", "bamboo_barricade"], 1),
            "shortages": ["fuel"] if index % 3 == 0 else [],
            "prices": [
                {
                    "commodity": "diesel",
                    "unit": "litre",
                    "amount": 3000 + rng.randrange(3000),
                    "currency": "MMK",
                }
            ],
            "how_known": "source_account",
            "source": {"category": "trader", "reliability": "B", "credibility": 2},
            "narrative": f"{rng.choice(NARRATIVES)} (#{index})",
        }
    )


def summary() -> None:
    """Print every figure of bench/results.json and how many are over their limit."""
    figures = [Result(**r) for r in json.loads(RESULTS.read_text())]
    for figure in figures:
        print(figure.show())
    over = sum(f.ratio > 1.0 for f in figures)
    print(f"{RESULTS}: {len(figures)} figures, {over} over their limit")


if __name__ == "__main__":
    summary()
