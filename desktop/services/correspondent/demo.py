"""Realistic demo reports about the gates, for screenshots, demos and benchmarks.

The events follow what was reported at the Kachin–China crossings in 2024–2025 (China's
closures in October 2024, the KIA's closures in return on 12 November, the rare-earth
trucks at Pang War, the partial reopening on 13 December, the 2025 reopening for food and
building materials only). Every source is a category; no name appears anywhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.domain.report import Report, ReportContent

MYANMAR_TIME = "+06:30"


@dataclass(frozen=True)
class DemoReport:
    """A demo report body and whether it stays a draft."""

    body: dict[str, Any]
    draft: bool = False


def _body(
    gate: str | None,
    when: str,
    china: str,
    myanmar: str,
    narrative: str,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "gate": gate,
        "observed_at": f"{when}:00{MYANMAR_TIME}",
        "china_side": china,
        "myanmar_side": myanmar,
        "how_known": extra.pop("how_known", "source_account"),
        "narrative": narrative,
    }
    if body["how_known"] == "source_account" and "source" not in extra:
        extra["source"] = {"category": "resident", "reliability": "B", "credibility": 2}
    body.update(extra)
    return body


def story(language: str = "en") -> list[DemoReport]:
    """The seed story, with narratives in English ("en") or Burmese ("my")."""
    my = language == "my"
    trader = {"category": "trader", "reliability": "B", "credibility": 2}
    driver = {"category": "driver", "reliability": "C", "credibility": 3}
    miner = {"category": "mine_worker", "reliability": "C", "credibility": 2}
    blocked_goods = {
        "civilians": "blocked",
        "traders_goods": "blocked",
        "cargo_trucks": "blocked",
        "fuel_chemical_imports": "blocked",
    }
    return [
        DemoReport(
            _body(
                "laiza",
                "2024-10-28T08:40",
                "closed",
                "open",
                "ဒီနေ့မနက် တရုတ်ဘက်က ဂိတ်ကို ပိတ်လိုက်တယ်။ ဆီကားတွေ မဝင်နိုင်တော့ ဒီဇယ်ဈေး တစ်လီတာ ကျပ် ၄၅၀၀ အထိ တက်သွားတယ်။"
                if my
                else "China closed its side this morning. Fuel trucks cannot come in; "
                "diesel has reached 4,500 kyat a litre in the market.",
                traffic=blocked_goods,
                controlled_by="kia",
                shortages=["fuel", "household_goods"],
                prices=[
                    {
                        "commodity": "ဒီဇယ်" if my else "diesel",
                        "unit": "litre",
                        "amount": 4500,
                        "currency": "MMK",
                    },
                    {
                        "commodity": "ဓာတ်ဆီ" if my else "petrol",
                        "unit": "litre",
                        "amount": 4200,
                        "currency": "MMK",
                    },
                ],
                source=trader,
            )
        ),
        DemoReport(
            _body(
                "kanpaiti",
                "2024-10-30T15:10",
                "closed",
                "open",
                "ကန်ပိုက်တီမှာ ကုန်ကားတွေ တန်းစီစောင့်နေရတယ်။ ဆန်ဈေးလည်း တက်လာတယ်။"
                if my
                else "Cargo trucks queue on the Myanmar side at Kanpaiti. Rice and cooking "
                "oil are getting scarce; shops ration sales.",
                traffic={"cargo_trucks": "blocked", "traders_goods": "blocked"},
                controlled_by="kia",
                shortages=["rice", "cooking_oil"],
                prices=[
                    {
                        "commodity": "ဆန်" if my else "rice",
                        "unit": "bag",
                        "amount": 95,
                        "currency": "CNY",
                    }
                ],
                source=driver,
            )
        ),
        DemoReport(
            _body(
                "mai_ja_yang",
                "2024-11-12T10:05",
                "closed",
                "closed",
                "KIA က သူ့ဘက်ကဂိတ်ကို ပြန်ပိတ်လိုက်ပြီ။ လမ်းကို သစ်သားနဲ့ ဆူးကြိုးတွေနဲ့ ပိတ်ထားတယ်။"
                if my
                else "The KIA closed its side in return. The road is blocked with wood and "
                "barbed wire; soldiers turn people back.",
                traffic={**blocked_goods, "humanitarian": "unknown"},
                controlled_by="kia",
                barrier=["wood_barricade", "barbed_wire", "troops"],
                how_known="witnessed",
            )
        ),
        DemoReport(
            _body(
                "laiza",
                "2024-11-12T11:30",
                "closed",
                "closed",
                "လိုင်ဇာမှာ အခု ဂိတ်နှစ်ဘက်စလုံး ပိတ်ထားတယ်။ မွန်းတည့်ကတည်းက ဘယ်သူမှ မဖြတ်ရသေးဘူးလို့ ဒေသခံတွေက ပြောတယ်။"
                if my
                else "Both sides shut at Laiza now. Residents say nobody crossed since noon.",
                traffic=blocked_goods,
                controlled_by="kia",
                barrier=["barbed_wire"],
            )
        ),
        DemoReport(
            _body(
                "pang_war",
                "2024-11-20T07:50",
                "restricted",
                "closed",
                "တရုတ်ဘက်က ကုန်သည်နဲ့ အရပ်သားတွေကို မပေးဝင်ဘူး၊ ရှားပါးမြေကားတွေကိုတော့ "
                "ပေးဝင်တယ်။ KIA က အဲဒီကားတွေကို တားပြီး လမ်းကို ပိတ်လိုက်တယ်။"
                if my
                else "China lets trucks hauling rare earths through but not traders or "
                "civilians. The KIA stopped the trucks and blocked the road with wood "
                "and barbed wire.",
                traffic={
                    "civilians": "blocked",
                    "traders_goods": "blocked",
                    "rare_earth_exports": "blocked",
                    "cargo_trucks": "blocked",
                },
                controlled_by="kia",
                barrier=["wood_barricade", "barbed_wire"],
                source=driver,
            )
        ),
        DemoReport(
            _body(
                "pang_war",
                "2024-11-25T13:20",
                "restricted",
                "open",
                "မိုင်းတွေမှာ အလုပ်လုပ်တဲ့ တရုတ်နိုင်ငံသားတွေကိုပဲ ဂိတ်က ပေးဖြတ်တယ်။ "
                "ဒေသခံတွေနဲ့ တိုက်ပွဲကြောင့် ထွက်ပြေးလာသူ ရာနဲ့ချီပြီး ဂိတ်မှာ စောင့်နေကြတယ်။"
                if my
                else "Checkpoint open only for Chinese citizens working in the mines. Hundreds "
                "of locals and people who fled the fighting wait at the crossing.",
                traffic={"civilians": "allowed"},
                civilian_passage="chinese_citizens_only",
                people_stranded=400,
                controlled_by="kia",
                source=miner,
            )
        ),
        DemoReport(
            _body(
                "mai_ja_yang",
                "2024-12-13T09:15",
                "restricted",
                "restricted",
                "ဝါးအတားအဆီးတွေ ဖယ်ရှားလိုက်ပေမယ့် လူ၊ ကား၊ ကုန်ပစ္စည်း မဖြတ်ကူးရသေးဘူး။"
                if my
                else "Bamboo barricades removed this morning, but people, vehicles and goods "
                "are still not allowed through.",
                traffic={"civilians": "blocked", "cargo_trucks": "blocked"},
                controlled_by="kia",
                how_known="witnessed",
            )
        ),
        DemoReport(
            _body(
                "pang_war",
                "2024-12-13T14:05",
                "open",
                "open",
                "ပန်ဝါဂိတ် နေ့လည် ၂ နာရီလောက်မှာ ပွင့်သွားတယ်။ ခဏအကြာမှာ ပထမဆုံး ကုန်ကားတွေ ဖြတ်သွားကြတယ်။"
                if my
                else "Pang War opened at about 2 p.m. First trucks crossed soon after.",
                traffic={"cargo_trucks": "allowed", "civilians": "allowed"},
                controlled_by="kia",
                source={"category": "official", "reliability": "B", "credibility": 2},
            )
        ),
        DemoReport(
            _body(
                "kanpaiti",
                "2025-10-15T10:00",
                "restricted",
                "open",
                "အစားအစာ၊ ဘိလပ်မြေ၊ သံ တွေပဲ ဖြတ်ခွင့်ရတယ်။ လျှပ်စစ်ပစ္စည်းနဲ့ ဆီကတော့ ကန့်သတ်ထားဆဲ။"
                if my
                else "China reopened after nearly a year: only food, cement, iron and other "
                "building materials may cross. Electronics and fuel stay restricted.",
                traffic={
                    "food_construction": "allowed",
                    "fuel_chemical_imports": "blocked",
                    "traders_goods": "blocked",
                },
                controlled_by="kia",
                prices=[
                    {
                        "commodity": "ဘိလပ်မြေ" if my else "cement",
                        "unit": "bag",
                        "amount": 12500,
                        "currency": "MMK",
                    }
                ],
                source=trader,
            )
        ),
        DemoReport(
            _body(
                "lweje",
                "2025-10-15T11:40",
                "restricted",
                "open",
                "လွယ်ဂျယ်ဂိတ် ပြန်ဖွင့်ပြီ။ အစားအစာနဲ့ ဆောက်လုပ်ရေးပစ္စည်းတွေကိုပဲ ပေးဖြတ်တယ်။"
                if my
                else "Lweje reopened for food and building materials only.",
                traffic={"food_construction": "allowed", "fuel_chemical_imports": "blocked"},
                controlled_by="kia",
                how_known="social_media",
            )
        ),
        DemoReport(
            _body(
                "pang_war",
                "2025-10-20T16:30",
                "restricted",
                "open",
                "တရုတ်ဘက်က ဆီနဲ့ ဓာတုပစ္စည်း မလာတော့ ချီဖွေနဲ့ ပန်ဝါက ရှားပါးမြေ "
                "မိုင်းအများစု ရပ်သွားပြီ။ အလုပ်သမားတွေ ထွက်သွားကြတယ်။"
                if my
                else "Without fuel and chemicals from China most rare-earth mines in Chipwi and "
                "Pang War have stopped. Workers are leaving.",
                traffic={"fuel_chemical_imports": "blocked", "rare_earth_exports": "blocked"},
                shortages=["fuel", "mining_inputs"],
                controlled_by="kia",
                source=miner,
            )
        ),
        DemoReport(
            _body(
                None,
                "2025-10-22T08:00",
                "unknown",
                "open",
                "ဂိတ်ကြီးရဲ့ မြောက်ဘက်က ခြေလျင်လမ်းကို ညဘက်မှာ ကုန်ထမ်းသမားတွေ သုံးကြတယ်။"
                if my
                else "A footpath north of the main gate is used by porters at night.",
                new_crossing={
                    "name": "ဖိမော်ဂိတ် မြောက်ဘက် ခြေလျင်လမ်း" if my else "Footpath north of Hpimaw gate"
                },
                how_known="source_account",
            ),
            draft=True,
        ),
    ]


def filler(count: int, seed: int = 7) -> Iterator[ReportContent]:
    """`count` varied, valid reports for load tests and benchmarks."""
    rng = random.Random(seed)  # noqa: S311 (repeatable demo data, not secrets)
    base = story("en")
    # Counting back from a past day: no report may be observed in the future.
    latest = datetime(2025, 11, 1, tzinfo=UTC)
    for index in range(count):
        template = dict(base[index % (len(base) - 1)].body)
        observed = latest - timedelta(minutes=7 * index + rng.randrange(5))
        template["observed_at"] = observed.isoformat()
        template["narrative"] = f"{template['narrative']} (update {index})"
        yield ReportContent.from_json(template)


def demo_reports(language: str = "en") -> list[tuple[Report, bool]]:
    """The seed story as reports, each with whether it stays a draft."""
    return [
        (Report.new(ReportContent.from_json(item.body)), item.draft) for item in story(language)
    ]
