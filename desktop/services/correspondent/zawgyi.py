"""Zawgyi detection and conversion to Unicode Burmese.

Zawgyi is a font hack still common on phones and older PCs in Myanmar: it reuses the
Myanmar Unicode code points with different meanings, so Zawgyi text pasted into the app
looks fine on a Zawgyi machine and garbled everywhere else, and it defeats search. The
app detects it (Google's myanmartools model) and converts it with the CLDR "Zawgyi-my"
transform (resources/zawgyi/, run by desktop/services/correspondent/translit.py); what is stored is
always Unicode. docs/text.md says why this way.

Only runs of Myanmar characters are ever looked at or changed: English, Chinese,
Jinghpaw (Latin script), digits and punctuation outside the Myanmar block pass through
untouched. Decisions are taken line by line: a line's Myanmar runs are converted when
they cannot all be well-formed Unicode Burmese and the model says Zawgyi for the line,
or, for a line of one word, for the whole field: one word never decides alone, and a
field mixing Zawgyi and Unicode lines keeps its Unicode lines as they are.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import cache
from typing import Protocol

from myanmartools import ZawgyiDetector

from desktop.resources import resource_path
from desktop.services.correspondent.translit import Transform

__all__ = [
    "DEFAULT_THRESHOLD",
    "convert_run",
    "looks_like_zawgyi",
    "well_formed_unicode",
    "zawgyi_probability",
    "zawgyi_to_unicode",
]

DEFAULT_THRESHOLD = 0.95
"""Above this probability text is treated as Zawgyi (the value myanmartools suggests)."""

# The Myanmar block (U+1000–U+109F) is where both Unicode Burmese and Zawgyi live; the
# extended blocks hold Shan, Mon and other minority-language letters (Unicode only).
_MYANMAR_CHAR = "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
_MYANMAR_RUN = re.compile(
    rf"""
    [{_MYANMAR_CHAR}]+                      # a word of Myanmar characters
    (?:
        [ \t\u00a0\u200b]+ [{_MYANMAR_CHAR}]+  # more words on the same line
    )*
    """,
    re.VERBOSE,
)

# Unicode Burmese spells a syllable in logical order: (kinzi) consonant, stacked
# consonants, medials in the order ျ ြ ွ ှ, then the vowel E and the other signs. Zawgyi
# types in visual order (E, medial ra before the consonant; its U+1039 is an asat, never
# followed by a consonant) and uses U+1050–U+109F for glyph variants. Text that fits the
# Unicode shape is never treated as Zawgyi; plain syllables (လူ၏) are the same in both.
_CONSONANT = "[\u1000-\u1021\u103f]"
_SYLLABLE = rf"""
    (?: \u1004\u103a\u1039 )?                       # kinzi
    (?: {_CONSONANT} (?: \u1039 {_CONSONANT} )*     # consonant, stacked consonants
      | [\u1023-\u102a\u104c-\u104f] )              # independent vowels, ၌ ၍ ၎ ၏
    (?: \u103a (?: \u103b [\u102b\u102c]           # a final: ယောက်ျား's က်ျာ,
                | \u102f )? [\u1037\u1038]*          # ကျွန်ုပ်'s န်ု, န်
      | \u103b? \u103c? \u103d? \u103e?             # or medials, in order,
        \u1031?                                     # the vowel E,
        [\u102b-\u1030\u1032\u1036]*                 # the other vowel signs,
        [\u1037\u1038\u103a]* )                      # tones and asat
"""
# Each syllable is atomic: its branches overlap (an asat fits both), and a failed match
# would otherwise try every way of splitting the word — exponential in its length.
_UNICODE_WORD = re.compile(
    rf"(?: (?> {_SYLLABLE} ) | [\u1040-\u104b] )+",
    re.VERBOSE,
)


class _Detector(Protocol):
    def get_zawgyi_probability(self, string: str) -> float: ...


@cache
def _detector() -> _Detector:
    """The myanmartools model, loaded once on first use (it reads a data file)."""
    with warnings.catch_warnings():
        # myanmartools 1.2 loads its model with importlib.resources.open_binary, deprecated
        # since Python 3.11; that one warning is not ours to fix.
        warnings.filterwarnings(
            "ignore", message=r"open_binary is deprecated", category=DeprecationWarning
        )
        detector: _Detector = ZawgyiDetector()
    return detector


@cache
def _transform() -> Transform:
    """The CLDR Zawgyi → Unicode rules, compiled once on first use."""
    path = resource_path("zawgyi", "my-t-my-s0-zawgyi.txt")
    return Transform(path.read_text(encoding="utf-8"))


def _myanmar_runs(text: str) -> list[re.Match[str]]:
    return list(_MYANMAR_RUN.finditer(text))


def well_formed_unicode(run: str) -> bool:
    """True when every word of `run` has the shape of Unicode Burmese (see above)."""
    return all(_UNICODE_WORD.fullmatch(word) for word in run.replace("\u200b", " ").split())


def _model(text: str) -> float:
    probability = float(_detector().get_zawgyi_probability(text))
    # The model answers -inf when it recognises none of the characters.
    return min(max(probability, 0.0), 1.0)


def zawgyi_probability(text: str) -> float:
    """Return the probability, in [0, 1], that the Myanmar text in `text` is Zawgyi.

    Only the runs of Myanmar characters are scored, joined by spaces. Text with no
    Myanmar characters, or whose every run is well-formed Unicode, scores 0.0. Never
    raises for any `str`.
    """
    runs = [m.group(0) for m in _myanmar_runs(text)]
    if all(well_formed_unicode(run) for run in runs):
        return 0.0
    return _model(" ".join(runs))


def _zawgyi_runs(text: str, threshold: float) -> list[re.Match[str]]:
    """The runs of `text` to convert (see the module's docstring)."""
    runs = _myanmar_runs(text)
    if all(well_formed_unicode(m.group(0)) for m in runs):
        return []
    by_line: dict[int, list[re.Match[str]]] = {}
    for m in runs:
        by_line.setdefault(text.count("\n", 0, m.start()), []).append(m)
    field_is_zawgyi: bool | None = None  # scored only if a one-word line needs it
    chosen: list[re.Match[str]] = []
    for line in by_line.values():
        words = " ".join(m.group(0) for m in line)
        if all(well_formed_unicode(m.group(0)) for m in line):
            continue
        if len(words.split()) > 1:
            zawgyi = _model(words) > threshold
        else:
            if field_is_zawgyi is None:
                field_is_zawgyi = _model(" ".join(m.group(0) for m in runs)) > threshold
            zawgyi = field_is_zawgyi
        if zawgyi:
            chosen.extend(line)
    return chosen


def looks_like_zawgyi(text: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when some Myanmar text in `text` would be converted as Zawgyi.

    Unicode Burmese, and text with no Myanmar characters (English, Chinese, Jinghpaw),
    return False.
    """
    return bool(_zawgyi_runs(text, threshold))


def convert_run(run: str) -> str:
    """Convert one stretch of Zawgyi to NFC Unicode, unconditionally (no detection)."""
    return unicodedata.normalize("NFC", _transform()(run))


def zawgyi_to_unicode(text: str, threshold: float = DEFAULT_THRESHOLD) -> str:
    """Return `text` with its Zawgyi runs converted to Unicode; everything else unchanged.

    Detection decides run by run (see the module's docstring), so Unicode Burmese,
    including a Unicode line in a field of Zawgyi, comes back exactly as it was.
    Converted runs are NFC-normalised (canonical mark order). Everything outside them
    (Latin, Chinese, digits, punctuation, line breaks) is returned unchanged, in place.
    """
    pieces: list[str] = []
    end = 0
    for m in _zawgyi_runs(text, threshold):
        pieces.append(text[end : m.start()])
        pieces.append(convert_run(m.group(0)))
        end = m.end()
    pieces.append(text[end:])
    return "".join(pieces)
