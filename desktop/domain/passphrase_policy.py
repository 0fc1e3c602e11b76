"""How strong a new passphrase must be, judged by the zxcvbn estimator.

zxcvbn estimates how many guesses an attacker who knows common passwords, words, names,
dates, keyboard patterns and repeats would need, and scores it 0–4. The floors:

- a store's passphrase: score 3 ("safely unguessable", about 10^8 guesses or more). Someone
  who copied the store guesses offline against Argon2id (64 MiB, t=3 per guess);
- a newsroom key export: score 4 (10^10 guesses or more). The file opens every report the
  newsroom ever received and travels on USB sticks, so it must hold out far longer.

Both also need at least 8 characters. The estimate knows English words and patterns best:
a passphrase in Burmese or Jinghpaw is judged by its length and characters only, so a
common Burmese phrase scores higher than it deserves. Passphrases are NFC-normalised first,
as the keyfile does; zxcvbn judges at most the first 72 characters (longer only adds).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import IntEnum

from zxcvbn import zxcvbn

MIN_CHARS = 8
STORE_FLOOR = 3
KEY_EXPORT_FLOOR = 4
_MAX_JUDGED = 72  # zxcvbn's own limit; its matching grows quickly with length
# Words an attacker would try first against this app's stores.
_CONTEXT = ("gatewatch", "newsroom", "kachin", "laiza", "myanmar", "burma", "china", "border")


class Verdict(IntEnum):
    """zxcvbn's score, named as the strength meter says it."""

    VERY_WEAK = 0
    WEAK = 1
    FAIR = 2
    GOOD = 3
    STRONG = 4


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    too_short: bool
    warning: str  # zxcvbn's feedback, in English; empty when it has none
    suggestions: tuple[str, ...]

    def meets(self, floor: int) -> bool:
        return not self.too_short and self.verdict >= floor

    def feedback(self) -> str:
        return " ".join(part for part in (self.warning, *self.suggestions) if part)


def assess(passphrase: str) -> Assessment:
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        return Assessment(Verdict.VERY_WEAK, True, "", ())
    result = zxcvbn(text[:_MAX_JUDGED], user_inputs=list(_CONTEXT))
    feedback = result["feedback"]
    return Assessment(
        verdict=Verdict(int(result["score"])),
        too_short=len(text) < MIN_CHARS,
        warning=feedback["warning"],
        suggestions=tuple(feedback["suggestions"]),
    )


def refusal(passphrase: str, floor: int) -> str | None:
    """Why `passphrase` is refused for a use needing `floor`, in plain words; None if fine."""
    found = assess(passphrase)
    if found.meets(floor):
        return None
    if found.too_short:
        reason = f"The passphrase is too short: use at least {MIN_CHARS} characters."
    else:
        reason = "The passphrase is too easy to guess."
    advice = found.feedback() or "Add another word or two; unrelated words are best."
    return f"{reason} {advice} Nothing was changed."
