"""The PII guard: find what could identify a source in free text before it is queued.

`scan` looks for phone numbers, e-mail addresses, Myanmar national registration card
(NRC) numbers and vehicle plates. It is a warning aid, not a filter: the correspondent
sees each finding highlighted and chooses to edit or send anyway. It therefore prefers
catching a real identifier over staying silent, but must stay quiet on what every report
is full of: prices, amounts, dates, times and counts.

Burmese digits (၀–၉) count as digits everywhere, alone or mixed with Latin digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = ["MESSAGES", "PiiFinding", "PiiKind", "scan"]

PiiKind = Literal["phone", "email", "nrc", "plate"]

MESSAGES: dict[PiiKind, str] = {
    "phone": (
        "This looks like a phone number. A number can lead straight back to your source: "
        "remove it, or send anyway if it is public (an office or a hotline)."
    ),
    "email": (
        "This looks like an e-mail address. It can identify your source: "
        "remove it, or send anyway if it is public."
    ),
    "nrc": (
        "This looks like a national registration card (NRC) number. It names one person: "
        "remove it unless the person agreed to be named."
    ),
    "plate": (
        "This looks like a vehicle plate. A plate can identify a driver or a trader: "
        "remove it, or send anyway if it does not point to your source."
    ),
}


@dataclass(frozen=True)
class PiiFinding:
    """One suspected identifier: `text[start:end] == matched` in the scanned text."""

    kind: PiiKind
    start: int
    end: int
    matched: str
    message: str


# Building blocks, spliced into the verbose patterns below.
D = "[0-9\u1040-\u1049]"  # one digit, Latin or Burmese
NOT_DIGIT_BEFORE = "(?<![0-9\u1040-\u1049])"
NOT_DIGIT_AFTER = "(?![0-9\u1040-\u1049])"
SEP = "[ \u00a0\\-.]"  # what people put between digit groups of a phone number

_DIGIT_VALUES = {**{str(i): i for i in range(10)}, **{chr(0x1040 + i): i for i in range(10)}}


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if ch in _DIGIT_VALUES)


def _between(low: int, high: int) -> Callable[[str], bool]:
    return lambda text: low <= _digit_count(text) <= high


def _always(_text: str) -> bool:
    return True


# Phone numbers. Digit groups after the prefix have 3 to 5 digits, which is how numbers are
# written and how dates ("09-11-2024", "09.11.2024"), times ("09:30", "09.30") and amounts
# ("1,200,000", "4.500") are not. Groups may be split by spaces, dashes or dots
# ("09.7512.34567").
_INTERNATIONAL_PHONE = rf"""
    (?<![\w+])
    \(? (?: \+ | [0\u1040]{{2}} ) {D}{{1,3}} \)?            # +95, +86, +66, 0086 … (country code)
    (?: {SEP}? \(? {D}{{1,5}} \)? ){{1,6}}       # the rest, in groups
    {NOT_DIGIT_AFTER}
"""
_MYANMAR_NO_PLUS = rf"""
    {NOT_DIGIT_BEFORE}
    [9\u1049][5\u1045] {SEP}? [9\u1049]          # 959…: +95 9 written without the plus
    (?: {SEP}? {D}{{3,4}} ){{2,3}}
    {NOT_DIGIT_AFTER}
"""
_LOCAL_PHONE = rf"""
    {NOT_DIGIT_BEFORE}
    [0\u1040] {D}{{1,3}}                          # trunk 0: 09 mobile, 01 Yangon, 074 Myitkyina
    (?: {SEP}? {D}{{3,5}} ){{1,3}}
    {NOT_DIGIT_AFTER}
"""
_CHINESE_MOBILE = rf"""
    {NOT_DIGIT_BEFORE}
    [1\u1041] [3-9\u1043-\u1049] {D}             # 13x–19x: a mainland Chinese mobile
    (?: {SEP}? {D}{{4}} ){{2}}
    {NOT_DIGIT_AFTER}
"""

_EMAIL = r"""
    (?<![\w.+\-])
    [A-Za-z0-9._%+\-]+          # local part
    @
    (?: [A-Za-z0-9\-]+ \. )+    # domain labels
    [A-Za-z]{2,}                # top-level domain
    \b
"""

# NRC: state/region number 1–14, township abbreviation, citizenship in brackets, six digits,
# e.g. 1/MaKaNa(N)123456, 12/OuKaMa(N)123456, ၁/မကန(နိုင်)၁၂၃၄၅၆. The township is Latin
# (MaKaNa, MKN) or Burmese letters; the brackets hold N/E/P (or Naing, Ae, Pyu, …) or
# နိုင်/ဧည့်/ပြု. People also type "." or "," instead of "/", and spaces anywhere. The
# brackets are required: without them "3/4 of the 150000 people" would look like an NRC.
_NRC = rf"""
    {NOT_DIGIT_BEFORE}
    (?: [1\u1041][0-4\u1040-\u1044] | [1-9\u1041-\u1049] )  # state/region number 1–14
    \s* [/.,] \s*
    (?: [A-Za-z]{{2,12}} | [\u1000-\u103f]{{2,12}} )        # township abbreviation
    \s* [(（] \s*
    (?: [A-Za-z]{{1,6}} | [\u1000-\u103f]{{1,8}} )          # N E P … / နိုင် ဧည့် ပြု
    \s* [)）] \s*
    {D}{{6}}                                                # the number
    {NOT_DIGIT_AFTER}
"""

# Vehicle plates. Myanmar: optional region code, digit(s) and letter(s), "-" or "/", four
# digits: "YGN 2B-1234", "1A-2345", "MDY 5K/6789", "၂ဘ/၁၂၃၄". China: province character,
# a letter, an optional middle dot, five or six letters and digits: "云N·12345", "云N12345".
_MYANMAR_PLATE = rf"""
    (?<![\w/\-])
    (?: [A-Z]{{2,4}} [ ]? )?                                # YGN, MDY, NPT, KCN …
    {D}{{1,2}} (?: [A-Z]{{1,2}} | [\u1000-\u1021]{{1,2}} )  # 2B, 5K, ၂ဘ
    [ ]? [\-/] [ ]?
    {D}{{4}}
    {NOT_DIGIT_AFTER}
"""
_CHINESE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CHINESE_PLATE = rf"""
    [{_CHINESE_PROVINCES}]
    [A-Z]
    [·•.\- ]?
    [A-Z0-9\u1040-\u1049]{{5,6}}
    (?![A-Za-z0-9\u1040-\u1049])
"""


@dataclass(frozen=True)
class _Rule:
    kind: PiiKind
    pattern: re.Pattern[str]
    accept: Callable[[str], bool]


def _rule(kind: PiiKind, pattern: str, accept: Callable[[str], bool] = _always) -> _Rule:
    return _Rule(kind, re.compile(pattern, re.VERBOSE), accept)


_RULES: tuple[_Rule, ...] = (
    _rule("email", _EMAIL),
    _rule("nrc", _NRC),
    _rule("plate", _CHINESE_PLATE),
    _rule("plate", _MYANMAR_PLATE),
    # E.164 allows at most 15 digits; 8 keeps "+1 500" style amounts out.
    _rule("phone", _INTERNATIONAL_PHONE, _between(8, 15)),
    _rule("phone", _MYANMAR_NO_PLUS, _between(10, 12)),
    _rule("phone", _LOCAL_PHONE, _between(8, 11)),
    _rule("phone", _CHINESE_MOBILE),
)


def scan(text: str) -> list[PiiFinding]:
    """Return the suspected identifiers in `text`, ordered by position, never overlapping.

    Each finding's `matched` equals `text[start:end]` and its `message` says in plain words
    why it matters and what to do. Where two patterns claim the same characters the longer
    match wins (a plate inside an NRC is reported once, as the NRC). Never raises for any
    `str`; an empty list means nothing was recognised, not that the text is safe.
    """
    candidates: list[PiiFinding] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            matched = m.group(0)
            if rule.accept(matched):
                candidates.append(
                    PiiFinding(rule.kind, m.start(), m.end(), matched, MESSAGES[rule.kind])
                )
    # Longest first, then earliest; keep each one that does not overlap a kept one.
    candidates.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[PiiFinding] = []
    for finding in candidates:
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
