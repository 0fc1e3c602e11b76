"""The PII guard: find what could identify a source in free text before it is queued.

`scan` looks for phone numbers, e-mail addresses (also written out, "ko at gmail dot
com"), Myanmar national registration card (NRC) numbers, vehicle plates and chat handles
(WeChat, Telegram, Signal, Line, Viber, WhatsApp, Facebook). It is a warning aid, not a
filter: the correspondent sees each finding highlighted and chooses to edit or send
anyway. It therefore prefers catching a real identifier over staying silent, but must stay
quiet on what every report is full of: prices, amounts, dates, times and counts.

The text is normalised before it is scanned (`fold`): NFKC (full-width digits, letters and
＠), Burmese and Shan digits read as 0–9, zero-width characters and soft hyphens dropped,
every kind of space read as a space and every dash as "-", so an identifier cannot slip
past by the way it is typed. Findings point back into the text as given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = ["MESSAGES", "PiiFinding", "PiiKind", "scan"]

PiiKind = Literal["phone", "email", "nrc", "plate", "handle"]

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
    "handle": (
        "This looks like a chat account or profile link. It can lead straight back to your "
        "source: remove it, or send anyway if it is a public page."
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


# Building blocks, spliced into the verbose patterns below; they run on folded text, where
# every digit is 0–9.
D = "[0-9]"
NOT_DIGIT_BEFORE = "(?<![0-9])"
NOT_DIGIT_AFTER = "(?![0-9])"
SEP = "[ \\-._/]"  # what people put between digit groups of a phone number

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"))
_FOLD = {
    **{0x1040 + i: str(i) for i in range(10)},  # Burmese digits
    **{0x1090 + i: str(i) for i in range(10)},  # Shan digits
    **{ord(c): " " for c in "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"},
    **{ord(c): " " for c in "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"},
}
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def fold(text: str) -> tuple[str, list[int]]:
    """The text the patterns see, and for each of its characters the index it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if ord(ch) in _ZERO_WIDTH:
            continue
        folded = _FOLD.get(ord(ch))
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch)
            folded = "".join(_FOLD.get(ord(c), c) for c in folded if ord(c) not in _ZERO_WIDTH)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def _digit_count(text: str) -> int:
    return sum(1 for ch in text if "0" <= ch <= "9")


def _between(low: int, high: int) -> Callable[[str], bool]:
    return lambda text: low <= _digit_count(text) <= high


def _always(_text: str) -> bool:
    return True


# Phone numbers. Digit groups after the prefix have 3 to 5 digits, which is how numbers are
# written and how dates ("09-11-2024", "09.11.2024"), times ("09:30", "09.30") and amounts
# ("1,200,000", "4.500") are not. Groups may be split by spaces, dashes, dots, "_" or "/"
# ("09.7512.34567"), and the area code may sit in brackets ("(09) 751 234 567").
_INTERNATIONAL_PHONE = rf"""
    (?<![A-Za-z0-9_+])
    \(? (?: \+ | 00 ) {D}{{1,3}} \)?             # +95, +86, +66, 0086 … (country code)
    (?: {SEP}? \(? {D}{{1,5}} \)? ){{1,6}}       # the rest, in groups
    {NOT_DIGIT_AFTER}
"""
_MYANMAR_NO_PLUS = rf"""
    {NOT_DIGIT_BEFORE}
    95 {SEP}? 9                                  # 959…: +95 9 written without the plus
    (?: {SEP}? {D}{{3,4}} ){{2,3}}
    {NOT_DIGIT_AFTER}
"""
_LOCAL_PHONE = rf"""
    {NOT_DIGIT_BEFORE}
    (?: \( 0 {D}{{1,3}} \) | 0 {D}{{1,3}} )      # trunk 0: 09 mobile, 01 Yangon, 074 Myitkyina
    (?: {SEP}? {D}{{3,5}} ){{1,3}}
    {NOT_DIGIT_AFTER}
"""
_CHINESE_MOBILE = rf"""
    {NOT_DIGIT_BEFORE}
    1 [3-9] {D}                                  # 13x–19x: a mainland Chinese mobile
    (?: {SEP}? {D}{{4}} ){{2}}
    {NOT_DIGIT_AFTER}
"""

_EMAIL = r"""
    (?<![A-Za-z0-9_.+\-])
    [A-Za-z0-9._%+\-]+              # local part
    \s* @ \s*
    (?: [A-Za-z0-9\-]+ \. )+        # domain labels
    [A-Za-z]{2,}                    # top-level domain
    (?![A-Za-z0-9_])                # ASCII only: Chinese may follow with no space
"""
# Written out to dodge filters: "ko.aung at gmail dot com", "ko [at] gmail [dot] com".
# The spelled "at" and "dot" stand apart (spaces or brackets around them), and every run
# is possessive: a label may itself hold the letters "dot", and a failed match would
# otherwise try every split of it — exponential in its length.
_SPELLED_EMAIL = r"""
    (?<![A-Za-z0-9_.+\-])
    [A-Za-z0-9._%+\-]++
    (?: \s++ | \s*+ [(\[] \s*+ ) (?i:at) (?: \s++ | \s*+ [)\]] \s*+ )
    [A-Za-z0-9\-]++
    (?: (?: \s++ | \s*+ [(\[] \s*+ ) (?i:dot) (?: \s++ | \s*+ [)\]] \s*+ ) [A-Za-z0-9\-]++ )++
    (?![A-Za-z0-9_])
"""

# NRC: state/region number 1–14, township abbreviation, citizenship, six digits, e.g.
# 1/MaKaNa(N)123456, 12/OuKaMa(N)123456, ၁/မကန(နိုင်)၁၂၃၄၅၆. The township is Latin (MaKaNa,
# MKN) or Burmese letters; the citizenship N/E/P (Naing, Ae, Pyu, …) or နိုင်/ဧည့်/ပြု, in
# brackets or not. People also type "." or "," instead of "/", and spaces anywhere, also
# inside the number. Without brackets the township must look like one (capitalised
# syllables or capitals, or Burmese letters) and the number must follow, so "3/4 of the
# 150000 people" and "2/kg 150000" stay quiet.
_NRC_NUMBER = rf"{D}{{3}} [ ]? {D}{{3}} {NOT_DIGIT_AFTER}"
_NRC = rf"""
    {NOT_DIGIT_BEFORE}
    (?: 1[0-4] | [1-9] )                                    # state/region number 1–14
    \s* [/.,] \s*
    (?: [A-Za-z]{{2,12}} | [\u1000-\u103f]{{2,12}} )        # township abbreviation
    \s* [(] \s*
    (?: [A-Za-z]{{1,6}} | [\u1000-\u103f]{{1,8}} )          # N E P … / နိုင် ဧည့် ပြု
    \s* [)] \s*
    {_NRC_NUMBER}
"""
_NRC_NO_BRACKETS = rf"""
    {NOT_DIGIT_BEFORE}
    (?: 1[0-4] | [1-9] )
    \s* [/.,] \s*
    (?: (?: [A-Z][a-z]{{0,2}} ){{2,5}}                      # MaKaNa, MKN, OuKaMa
      | [\u1000-\u103f]{{2,12}} )                           # မကန
    (?: [ /]? (?: [NEP] | Naing | Ae | Pyu
                | \u1014\u102d\u102f\u1004\u103a            # နိုင်
                | \u1027\u100a\u1037\u103a | \u1015\u103c\u102f ) )?  # ဧည့် ပြု
    [ /-]?
    {_NRC_NUMBER}
"""

# Vehicle plates. Myanmar: optional region code, digit(s) and letter(s), "-" or "/", four
# digits: "YGN 2B-1234", "1A-2345", "MDY 5K/6789", "၂ဘ/၁၂၃၄", in either case. China:
# province character, a letter, an optional middle dot, five or six letters and digits:
# "云N·12345", "云n12345".
# Lower-case region codes only from the list, so "to 1A-2345" is a plate without "to".
_REGIONS = (
    "(?i: ygn | mdy | npt | kcn | kyh | kyn | chn | sgg | tni | bgo | mgy | mon | rke | shn | ayy )"
)
_MYANMAR_PLATE = rf"""
    (?<![A-Za-z0-9_/\-])
    (?: (?: [A-Z]{{2,4}} | {_REGIONS} ) [ ]? )?             # YGN, MDY, NPT, kcn …
    {D}{{1,2}} (?: [A-Za-z]{{1,2}} | [\u1000-\u1021]{{1,2}} )  # 2B, 5K, ၂ဘ
    [ ]? [\-/] [ ]?
    {D}{{4}}
    {NOT_DIGIT_AFTER}
"""
_CHINESE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CHINESE_PLATE = rf"""
    [{_CHINESE_PROVINCES}]
    [A-Za-z]
    [·•.\- ]?
    [A-Za-z0-9]{{5,6}}
    (?![A-Za-z0-9])
"""

# Chat accounts: a messenger's name with "ID", ":" or "@" before the account, profile
# links, and bare Telegram-style @names. A messenger named in passing ("the line of trucks",
# "news on WeChat groups") has no marker and stays quiet.
_MESSENGER = r"""(?i: wechat | we \s chat | weixin | 微信 | vx | telegram | tg | signal | line
    | viber | whatsapp | facebook | fb | messenger | messenger \s id | skype )"""
_HANDLE = rf"""
    (?<![A-Za-z0-9_])
    {_MESSENGER}
    (?: \s* (?i: id | 号 | account | name ) \s* [:：=]? | \s* [:：=] | \s* (?=@) )
    \s* @? [A-Za-z0-9][A-Za-z0-9_.\-]{{2,}}
"""
_PROFILE_LINK = r"""
    (?i: (?:https?://)? (?:www\.|m\.)?
         (?: facebook\.com | fb\.com | fb\.me | m\.me | t\.me | telegram\.me | wa\.me
           | line\.me | signal\.me | u\.wechat\.com | weixin\.qq\.com | viber\.com ) )
    / [A-Za-z0-9_.\-/?=&%]* [A-Za-z0-9_/=]       # not a sentence's closing dot or comma
"""
_AT_NAME = r"(?<![A-Za-z0-9_@.])@[A-Za-z][A-Za-z0-9_]{4,31}(?![A-Za-z0-9_])(?!\s*[.]\s*[A-Za-z])"


@dataclass(frozen=True)
class _Rule:
    kind: PiiKind
    pattern: re.Pattern[str]
    accept: Callable[[str], bool]


def _rule(kind: PiiKind, pattern: str, accept: Callable[[str], bool] = _always) -> _Rule:
    return _Rule(kind, re.compile(pattern, re.VERBOSE), accept)


_RULES: tuple[_Rule, ...] = (
    _rule("email", _EMAIL),
    _rule("email", _SPELLED_EMAIL, lambda m: bool(re.search(r"(?i)\bdot\b", m))),
    _rule("nrc", _NRC),
    _rule("nrc", _NRC_NO_BRACKETS),
    _rule("plate", _CHINESE_PLATE),
    _rule("plate", _MYANMAR_PLATE),
    # E.164 allows at most 15 digits; 8 keeps "+1 500" style amounts out.
    _rule("phone", _INTERNATIONAL_PHONE, _between(8, 15)),
    _rule("phone", _MYANMAR_NO_PLUS, _between(10, 12)),
    _rule("phone", _LOCAL_PHONE, _between(8, 11)),
    _rule("phone", _CHINESE_MOBILE),
    _rule("handle", _HANDLE),
    _rule("handle", _PROFILE_LINK),
    _rule("handle", _AT_NAME),
)


def scan(text: str) -> list[PiiFinding]:
    """Return the suspected identifiers in `text`, ordered by position, never overlapping.

    The patterns run on the folded text (see `fold`); each finding's `start` and `end`
    index the text as given, `matched` equals `text[start:end]` and `message` says in plain
    words why it matters and what to do. Where two patterns claim the same characters the
    longer match wins (a plate inside an NRC is reported once, as the NRC). Report ids
    (UUIDs) are never findings. Never raises for any `str`; an empty list means nothing
    was recognised, not that the text is safe.
    """
    folded, origin = fold(text)
    spans: list[tuple[PiiKind, int, int]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(folded):
            if m.end() > m.start() and rule.accept(m.group(0)):
                spans.append((rule.kind, m.start(), m.end()))
    ids = [(m.start(), m.end()) for m in _UUID.finditer(folded)]
    spans = [s for s in spans if all(s[2] <= a or s[1] >= b for a, b in ids)]
    # Longest first, then earliest; keep each one that does not overlap a kept one.
    spans.sort(key=lambda s: (-(s[2] - s[1]), s[1]))
    kept: list[tuple[PiiKind, int, int]] = []
    for span in spans:
        if all(span[2] <= k[1] or span[1] >= k[2] for k in kept):
            kept.append(span)
    findings = []
    for kind, start, end in sorted(kept, key=lambda s: s[1]):
        first, last = origin[start], origin[end - 1] + 1
        findings.append(PiiFinding(kind, first, last, text[first:last], MESSAGES[kind]))
    return findings
