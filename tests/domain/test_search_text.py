"""The one form of stored text and of queries: Burmese sign order, folding, tokens."""

from __future__ import annotations

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.myanmar import canonical_text, syllables
from desktop.domain.report import ReportContent
from desktop.domain.search_text import Phrase, fold, name_key, query_phrases, tokens
from tests.helpers.reports import example


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("သည\u103a\u1037", "သည\u1037\u103a"),  # asat then dot below: NFC's order
        ("စ\u1036\u102f", "စ\u102f\u1036"),  # anusvara before u
        ("က\u103e\u103d", "က\u103d\u103e"),  # medial ha before medial wa
        ("က\u102f\u102d", "က\u102d\u102f"),  # lower vowel before upper vowel
        ("ကျွန\u103a\u102fပ\u103a", "ကျွန\u103a\u102fပ\u103a"),  # u after an asat stays
        ("Café", "Café"),
    ],
)
def test_canonical_text_gives_one_spelling(typed: str, stored: str) -> None:
    assert canonical_text(typed) == stored
    assert canonical_text(stored) == stored


def test_stored_free_text_is_canonical() -> None:
    content = ReportContent.from_json(example(narrative="ပေးသည\u103a\u1037 စ\u1036\u102fစမ်း"))
    assert content.narrative == "ပေးသည\u1037\u103a စ\u102f\u1036စမ်း"


def test_burmese_is_cut_into_syllables() -> None:
    text = canonical_text("ကျွန်ုပ်သည့်အင်္ဂလိပ်ဈေးကွက်ပိတ်ထား၍")
    assert syllables(text) == [
        "ကျွန်ုပ်",
        "သည့်",
        "အင်္ဂ",
        "လိပ်",
        "ဈေး",
        "ကွက်",
        "ပိတ်",
        "ထား",
        "၍",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＫＭ１０５", ["km", "105"]),  # full-width, letters and digits apart
        ("e\u00admail zero\u200bwidth", ["email", "zerowidth"]),  # soft hyphen, ZWSP
        ("Ñaïve CAFÉ", ["naive", "cafe"]),
        ("關閉 关闭 臺", ["关", "闭", "关", "闭", "台"]),
        ("ဈေး\u200bကွက် ၄၅၀၀", ["ဈေး", "ကွက်", "4500"]),
        ("—,.!? 。、", []),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_folding_twice_changes_nothing() -> None:
    text = "關閉 ＫＭ１０５ Café ဆီ\u200bဈေး သည\u103a\u1037"
    assert fold(fold(text)) == fold(text)


def test_query_terms_become_phrases() -> None:
    assert query_phrases(" 關閉  mai-ja ပိတ် ， ") == [
        Phrase(("关", "闭"), prefix=False),
        Phrase(("mai", "ja"), prefix=True),
        Phrase(("ပိတ်",), prefix=False),
    ]
    assert query_phrases("-- 。") == []


def test_a_crossing_is_named_by_a_whole_name_only() -> None:
    gazetteer = default_gazetteer()
    assert name_key("Mai-Ja Yang") == name_key("maijayang")
    for text, gate in [
        ("Nabang", "laiza"),
        ("那邦", "laiza"),
        ("猴橋", "kanpaiti"),
        ("Houqiao", "kanpaiti"),
        ("mai ja yang", "mai_ja_yang"),
        ("章鳳", "lweje"),
        ("ပန်ဝါ", "pang_war"),
    ]:
        assert gazetteer.named(text) == (gate,), text
    for piece in ("ai", "ma", "ဇာ", "Lai", "拉", ""):
        assert gazetteer.named(piece) == (), piece
