"""Zawgyi text is detected and converted to Unicode; Unicode Burmese and other scripts are not.

The Zawgyi samples below are real Zawgyi byte sequences (the code points a Zawgyi keyboard
produces), written out literally; on a Unicode system they look subtly wrong.
"""

from __future__ import annotations

import pytest

from desktop.services import zawgyi
from desktop.services.zawgyi import looks_like_zawgyi, zawgyi_probability, zawgyi_to_unicode

# (Zawgyi, expected Unicode)
SAMPLES = [
    ("ျမန္မာ", "မြန်မာ"),  # "Myanmar"
    ("လိုင္ဇာ ဂိတ္ကို ပိတ္ထားသည္", "လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်"),  # "The Laiza gate is closed"
    (
        # "The Chinese side closed the gate and cargo trucks cannot cross."
        "တ႐ုတ္ဘက္က ဂိတ္ကို ပိတ္လိုက္ၿပီး ကုန္တင္ကားမ်ား မျဖတ္ကူးရပါ။",
        "တရုတ်ဘက်က ဂိတ်ကို ပိတ်လိုက်ပြီး ကုန်တင်ကားများ မဖြတ်ကူးရပါ။",
    ),
    ("ႀကိဳးဆူးႀကိဳးမ်ား ျဖင့္ ပိတ္ဆို႔ထားသည္", "ကြိုးဆူးကြိုးများ ဖြင့် ပိတ်ဆို့ထားသည်"),
]

UNICODE_BURMESE = [
    "လိုင်ဇာ ဂိတ်ကို ပိတ်ထားသည်",
    "မြန်မာ",
    "ဆီဈေး တစ်လီတာ ကျပ် ၄၅၀၀ အထိ တက်သွားသည်။ ကုန်စည်များ မဝင်နိုင်ပါ။",
    "တရုတ်ဘက်က ဂိတ်ကို ပိတ်လိုက်ပြီး ကုန်တင်ကားများ မဖြတ်ကူးရပါ။",
]

NOT_MYANMAR = [
    "China closed its side of the gate; fuel trucks are waiting.",
    "中方关闭口岸，燃油和日用品短缺，价格上涨。",
    "Laiza kaw na chyasa hkrai ... Jinghpaw uses the Latin script",
    "4500 MMK, 09:30, 12.11.2024",
    "",
]


@pytest.mark.parametrize(("zawgyi_text", "unicode_text"), SAMPLES)
def test_zawgyi_is_detected_and_converted(zawgyi_text: str, unicode_text: str) -> None:
    assert zawgyi_text != unicode_text
    assert zawgyi_probability(zawgyi_text) > 0.95
    assert looks_like_zawgyi(zawgyi_text)
    assert zawgyi_to_unicode(zawgyi_text) == unicode_text
    assert not looks_like_zawgyi(unicode_text)


@pytest.mark.parametrize("text", UNICODE_BURMESE)
def test_unicode_burmese_is_not_flagged(text: str) -> None:
    assert zawgyi_probability(text) < 0.05
    assert not looks_like_zawgyi(text)


@pytest.mark.parametrize("text", NOT_MYANMAR)
def test_english_chinese_and_empty_text_are_not_flagged_or_changed(text: str) -> None:
    assert zawgyi_probability(text) == 0.0
    assert not looks_like_zawgyi(text)
    assert zawgyi_to_unicode(text) == text


def test_mixed_text_converts_only_the_myanmar_part() -> None:
    zawgyi_text, unicode_text = SAMPLES[1]
    mixed = f"Update 09:30 — {zawgyi_text} (中方关闭口岸), 4500 MMK.\nNext line."
    assert looks_like_zawgyi(mixed)
    assert zawgyi_to_unicode(mixed) == (
        f"Update 09:30 — {unicode_text} (中方关闭口岸), 4500 MMK.\nNext line."
    )


def test_mixed_unicode_burmese_and_english_is_not_flagged() -> None:
    assert not looks_like_zawgyi(f"The gate: {UNICODE_BURMESE[0]}. Trucks wait.")


def test_the_threshold_is_the_callers() -> None:
    assert looks_like_zawgyi(SAMPLES[0][0], threshold=0.5)
    assert not looks_like_zawgyi(SAMPLES[0][0], threshold=1.0)


def test_the_detector_is_loaded_once() -> None:
    assert zawgyi._detector() is zawgyi._detector()
