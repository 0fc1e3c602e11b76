"""Zawgyi text is detected and converted to Unicode; Unicode Burmese and other scripts are not.

The Zawgyi samples below are real Zawgyi byte sequences (the code points a Zawgyi keyboard
produces), written out literally; on a Unicode system they look subtly wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services.correspondent import zawgyi
from desktop.services.correspondent.zawgyi import (
    looks_like_zawgyi,
    well_formed_unicode,
    zawgyi_probability,
    zawgyi_to_unicode,
)

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


# -- Google's myanmar-tools reference corpora (tests/services/data/zawgyi/NOTICE) ----------

DATA = Path(__file__).parent / "data" / "zawgyi"


def _lines(name: str) -> list[str]:
    return [line.rstrip("\n") for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def _pairs() -> dict[str, list[tuple[str, str]]]:
    """Corpus name → (Zawgyi line, reference Unicode line), Burmese lines only."""
    corpora = {
        "mmgov": (_lines("mmgov_zawgyi_src.txt"), _lines("mmgov_unicode_out.txt")),
        "udhr": (_lines("udhr_mya_zawgyi_out.txt"), _lines("udhr_mya_unicode_src.txt")),
    }
    pairs: dict[str, list[tuple[str, str]]] = {}
    for name, (zawgyi_lines, unicode_lines) in corpora.items():
        assert len(zawgyi_lines) == len(unicode_lines)
        pairs[name] = [
            (z, u)
            for z, u in zip(zawgyi_lines, unicode_lines, strict=True)
            if not z.startswith("#") and re.search("[\u1000-\u109f]", z)
        ]
    return pairs


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _word_share(pairs: list[tuple[str, str]], convert: Callable[[str], str]) -> float:
    right = total = 0
    for z, u in pairs:
        got, want = _nfc(convert(z)).split(), _nfc(u).split()
        total += len(want)
        if len(got) == len(want):  # a split or merged word counts the whole line wrong
            right += sum(g == w for g, w in zip(got, want, strict=True))
    return right / total


@pytest.mark.parametrize("corpus", ["mmgov", "udhr"])
def test_the_transform_matches_the_reference_lines(corpus: str) -> None:
    pairs = _pairs()[corpus]
    same = sum(_nfc(zawgyi.convert_run(z)) == _nfc(u) for z, u in pairs)
    words = _word_share(pairs, zawgyi.convert_run)
    print(f"{corpus}: transform {same}/{len(pairs)} lines, {words:.2%} words")
    assert same / len(pairs) >= 0.97
    assert words >= 0.99


def test_detection_and_conversion_together_match_the_reference() -> None:
    pairs = [p for corpus in _pairs().values() for p in corpus]
    same = sum(_nfc(zawgyi_to_unicode(z)) == _nfc(u) for z, u in pairs)
    words = _word_share(pairs, zawgyi_to_unicode)
    print(f"detect + convert: {same}/{len(pairs)} lines, {words:.2%} words")
    assert same / len(pairs) >= 0.97
    assert words >= 0.99


def test_unicode_reference_lines_are_never_flagged_nor_changed() -> None:
    unicode_lines = [u for corpus in _pairs().values() for _, u in corpus]
    assert [u for u in unicode_lines if looks_like_zawgyi(u)] == []
    assert [u for u in unicode_lines if zawgyi_to_unicode(u) != u] == []


def test_no_single_unicode_word_is_flagged() -> None:
    words = {
        w
        for corpus in _pairs().values()
        for _, u in corpus
        for w in u.split()
        if re.search("[\u1000-\u109f]", w)
    }
    assert len(words) > 1000
    assert {"လူ၏", "ထိုလူ၏", "အာဏာ၏", "မေတ္တာထား၍", "ယောက်ျား"} <= words
    assert sorted(w for w in words if looks_like_zawgyi(w)) == []
    assert sorted(w for w in words if zawgyi_to_unicode(w) != w) == []


def test_zawgyi_reference_lines_are_caught() -> None:
    zawgyi_lines = [z for corpus in _pairs().values() for z, _ in corpus]
    caught = sum(looks_like_zawgyi(z) for z in zawgyi_lines)
    print(f"Zawgyi lines caught: {caught}/{len(zawgyi_lines)}")
    assert caught / len(zawgyi_lines) >= 0.98


def test_a_field_mixing_zawgyi_and_unicode_lines_converts_only_the_zawgyi_ones() -> None:
    (z1, u1), (z2, u2) = _pairs()["mmgov"][1:3]
    unicode_line = _pairs()["udhr"][5][1]
    field = f"{z1}\n{unicode_line}\n{z2}"
    assert zawgyi_to_unicode(field) == f"{_nfc(u1)}\n{unicode_line}\n{_nfc(u2)}"


def test_one_zawgyi_word_alone_is_converted_but_never_decides_a_unicode_field() -> None:
    word, converted = "ေမတၱာ", "မေတ္တာ"
    assert zawgyi_to_unicode(word) == converted
    unicode_text = UNICODE_BURMESE[2]
    assert zawgyi_to_unicode(f"{unicode_text} {word}") == f"{unicode_text} {word}"


def test_a_long_run_of_overlapping_syllables_is_judged_at_once() -> None:
    # Zawgyi's ya-pin (U+1000 U+103A) over and over, then a Zawgyi-only code point: without
    # atomic syllables the Unicode-shape check tried every split (hours at 45 characters);
    # the suite's timeout fails this test if it ever does again.
    text = "\u1000\u103a" * 2000 + "\u1050"
    assert not well_formed_unicode(text)
