"""Zawgyi detection and conversion to Unicode Burmese.

Zawgyi is a font hack still common on phones and older PCs in Myanmar: it reuses the
Myanmar Unicode code points with different meanings, so Zawgyi text pasted into the app
looks fine on a Zawgyi machine and garbled everywhere else, and it defeats search. The
app detects it (Google's myanmartools model) and offers a one-click conversion
(python-myanmar's converter); what is stored is always Unicode.

Only runs of Myanmar characters are ever looked at or changed: English, Chinese,
Jinghpaw (Latin script), digits and punctuation outside the Myanmar block pass through
untouched.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from functools import cache
from typing import Protocol

from myanmar import converter as _myanmar_converter
from myanmartools import ZawgyiDetector

__all__ = ["DEFAULT_THRESHOLD", "looks_like_zawgyi", "zawgyi_probability", "zawgyi_to_unicode"]

DEFAULT_THRESHOLD = 0.95
"""Above this probability text is treated as Zawgyi (the value myanmartools suggests)."""

# The Myanmar block (U+1000–U+109F) is where both Unicode Burmese and Zawgyi live; the
# extended blocks hold Shan, Mon and other minority-language letters (Unicode only).
_MYANMAR_CHAR = "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"
_MYANMAR_RUN = re.compile(
    rf"""
    [{_MYANMAR_CHAR}]+                  # a word of Myanmar characters
    (?:
        [\s\u200b]+ [{_MYANMAR_CHAR}]+  # more words, separated by spaces or ZWSP
    )*
    """,
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


def _myanmar_runs(text: str) -> list[str]:
    return [m.group(0) for m in _MYANMAR_RUN.finditer(text)]


def zawgyi_probability(text: str) -> float:
    """Return the probability, in [0, 1], that the Myanmar text in `text` is Zawgyi.

    Only the runs of Myanmar characters are scored, joined by spaces; text with no
    Myanmar characters at all scores 0.0. Never raises for any `str`.
    """
    runs = _myanmar_runs(text)
    if not runs:
        return 0.0
    probability = float(_detector().get_zawgyi_probability(" ".join(runs)))
    # The model answers -inf when it recognises none of the characters.
    return min(max(probability, 0.0), 1.0)


def looks_like_zawgyi(text: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when the Myanmar runs of `text` are Zawgyi with probability above `threshold`.

    Unicode Burmese, and text with no Myanmar characters (English, Chinese, Jinghpaw),
    return False.
    """
    return zawgyi_probability(text) > threshold


def _convert_run(run: str) -> str:
    converted = _myanmar_converter.convert(run, "zawgyi", "unicode")
    if not isinstance(converted, str):  # pragma: no cover - third-party contract
        raise TypeError("the Zawgyi converter returned something other than text")
    # The converter sometimes emits marks out of Unicode's canonical order (asat before dot
    # below in "င့်"); NFC puts them in the order input methods and search expect.
    return unicodedata.normalize("NFC", converted)


def zawgyi_to_unicode(text: str) -> str:
    """Return `text` with every run of Myanmar characters converted from Zawgyi to Unicode.

    Converted runs are NFC-normalised (canonical mark order). Everything outside those runs
    (Latin, Chinese, digits, punctuation, line breaks) is returned unchanged, in place.
    The caller decides whether the text is Zawgyi (see `looks_like_zawgyi`): applied to
    Unicode Burmese this would garble it.
    """
    return _MYANMAR_RUN.sub(lambda m: _convert_run(m.group(0)), text)
