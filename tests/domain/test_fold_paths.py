"""Folding and Burmese canonical order skip the steps that change nothing: here every step
is applied in full, as the rules define them, and must give the same text and tokens over
a broad corpus (ASCII, accented and full-width Latin, Burmese Unicode and Zawgyi, Chinese
simplified, traditional and variant, digits of every script, invisible characters)."""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from desktop.domain import myanmar, search_text
from desktop.domain.myanmar import canonical_text, canonical_text_nfc
from desktop.domain.search_text import fold, index_text, tokens

ZAWGYI_DATA = Path(__file__).parents[1] / "services" / "data" / "zawgyi"


def canonical_in_full(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return myanmar._CLUSTER_SIGNS.sub(
        lambda m: "".join(sorted(m.group(), key=myanmar._RANK.__getitem__)), text
    )


def fold_in_full(text: str) -> str:
    text = search_text._INVISIBLE.sub("", canonical_in_full(text))
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFC", search_text._ACCENTS.sub("", text))
    text = text.translate(search_text._han_fold()).translate(search_text._DIGITS)
    return canonical_in_full(text)


def tokens_in_full(text: str) -> list[str]:
    return [m.group() for m in search_text._TOKEN.finditer(fold_in_full(text))]


def _chars(*ranges: tuple[int, int]) -> list[str]:
    return [chr(c) for low, high in ranges for c in range(low, high + 1)]


def _lines(name: str) -> list[str]:
    text = (ZAWGYI_DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


MYANMAR = _chars((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F))
SIGNS = [*myanmar._RANK, "\u103a", "\u1039", "\u1025", "\u1026", "\u102e"]
LATIN = _chars((0x20, 0x7E), (0xA0, 0x24F), (0x1E00, 0x1EFF), (0xFF01, 0xFF5E), (0x300, 0x36F))
INVISIBLE = [
    *_chars((0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064)),
    "\u00ad",
    "\u180e",
    "\ufeff",
    "\ufe0f",
    "\u034f",
]
DIGITS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd"]
HAN = sorted(
    {chr(k) for k in search_text._han_fold()}
    | set(search_text._han_fold().values())
    | set(_chars((0xF900, 0xFAFF), (0x2F800, 0x2FA1F)))
    | set("中方关闭口岸燃油和日用品短缺价格上涨瑞丽𠀀𪚥，。、；：？！「」　")
)
SPECIAL = [*"ßſﬁﬀΣσςİıǅ℃№™½²ᵃ⁵ｶﾞ\t\n\r", "e\u0301", "\u1025\u102e", "\u1025\u1036\u102e"]
POOLS = (MYANMAR, SIGNS, LATIN, INVISIBLE, DIGITS, HAN, SPECIAL)
ALPHABET = [char for pool in POOLS for char in pool]


def corpus() -> Iterator[str]:
    yield from ["", " ", "ASCII only, 105 km", "ＫＭ１０５", "Ñaïve CAFÉ", "關閉 关闭 臺"]
    yield from ALPHABET
    for name in (
        "mmgov_unicode_out.txt",
        "mmgov_zawgyi_src.txt",
        "udhr_mya_unicode_src.txt",
        "udhr_mya_zawgyi_out.txt",
    ):
        lines = _lines(name)
        yield from lines
        yield from (canonical_in_full(line) for line in lines)
    rng = random.Random(20261206)  # noqa: S311 (a reproducible corpus, not a secret)
    for consonant in _chars((0x1000, 0x102A)):  # a consonant and its signs, in any order
        for _ in range(12):
            signs = rng.choices(SIGNS + INVISIBLE[:3], k=rng.randint(1, 5))
            yield consonant + "".join(signs)
    for _ in range(6000):  # each character from a script picked at random
        yield "".join(rng.choice(rng.choice(POOLS)) for _ in range(rng.randint(1, 40)))
    for _ in range(300):  # long mixed narratives with words from every script
        pools = (MYANMAR, LATIN, HAN, DIGITS, SIGNS)
        words = ["".join(rng.choices(rng.choice(pools), k=rng.randint(1, 9))) for _ in range(60)]
        yield rng.choice((" ", "\n", "\u200b", "")).join(words)


TEXTS = list(corpus())


def test_the_corpus_reaches_every_path() -> None:
    assert any(not t.isascii() and canonical_text_nfc(t)[1] for t in TEXTS)
    assert any(not canonical_text_nfc(t)[1] for t in TEXTS)
    assert any(fold_in_full(t) == canonical_in_full(t) and not t.isascii() for t in TEXTS)
    assert any(re.search("[\u1040-\u1049\u1090-\u1099]", t) for t in TEXTS)


def test_the_variant_table_keeps_text_canonical() -> None:
    # fold leaves translated text as it is: each character in the table must be one NFC
    # never changes, decomposes or composes with a neighbour, and no Burmese sign.
    table, _, _ = search_text._variants()
    involved = {chr(key) for key in table} | {char for value in table.values() for char in value}
    composed_of = set()  # what NFC may compose: the pairs of canonical decompositions
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            composed_of.update(chr(int(part, 16)) for part in parts)
    for char in involved:
        assert unicodedata.is_normalized("NFC", char), ascii(char)
        assert unicodedata.combining(char) == 0, ascii(char)
        assert not unicodedata.decomposition(char), ascii(char)
        assert char not in composed_of, ascii(char)
        assert char not in myanmar._RANK, ascii(char)


def test_canonical_text_equals_every_step_in_full() -> None:
    for text in TEXTS:
        canonical, is_nfc = canonical_text_nfc(text)
        assert canonical == canonical_in_full(text), ascii(text)
        assert canonical_text(text) == canonical
        assert canonical_text_nfc(canonical)[0] == canonical_in_full(canonical), ascii(text)
        if is_nfc:
            assert unicodedata.is_normalized("NFC", canonical), ascii(text)


def test_fold_and_tokens_equal_every_step_in_full() -> None:
    for text in TEXTS:
        assert fold(text) == fold_in_full(text), ascii(text)
        assert tokens(text) == tokens_in_full(text), ascii(text)
        canonical = canonical_text(text)  # as a report's texts are, then folded
        assert fold(canonical) == fold_in_full(canonical), ascii(text)


def test_index_text_equals_every_step_in_full() -> None:
    rng = random.Random(7)  # noqa: S311 (a reproducible corpus, not a secret)
    for _ in range(200):
        texts = rng.sample(TEXTS, 3)
        assert index_text(texts) == "\n".join(" ".join(tokens_in_full(t)) for t in texts)
