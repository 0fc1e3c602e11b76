"""Generated key export passphrases: random words from the EFF long wordlist, shipped whole
with its notice, each passphrase far above the key export floor."""

import hashlib
import math

from desktop.domain.desk import diceware
from desktop.domain.passphrase_policy import KEY_EXPORT_FLOOR, assess
from desktop.resources import resource_path
from tests.helpers.diceware_words import word_counts


def test_the_shipped_wordlist_is_the_eff_long_list_with_its_notice() -> None:
    path = resource_path("wordlist", "eff_large_wordlist.txt")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    notice = resource_path("wordlist", "NOTICE").read_text(encoding="utf-8")
    assert digest in notice
    assert "Creative Commons" in notice
    assert "Electronic Frontier Foundation" in notice
    words = diceware.wordlist()
    assert len(words) == len(set(words)) == 7776
    assert (words[0], words[-1]) == ("abacus", "zoom")


def test_a_hyphenated_word_counts_once() -> None:
    words = {"t-shirt", "t", "shirt", "apple"}
    assert word_counts("t-shirt-apple", words) == {2, 3}
    assert word_counts("apple-pear", words) == set()


def test_a_generated_passphrase_is_seven_random_words_of_about_90_bits() -> None:
    words = set(diceware.wordlist())
    drawn = [diceware.generate() for _ in range(20)]
    for passphrase in drawn:
        assert passphrase.words == 7
        # The list holds hyphenated words ("t-shirt"), so split by the list, not by "-".
        assert 7 in word_counts(passphrase.text, words)
        assert math.isclose(passphrase.bits, 7 * math.log2(7776))
        assert assess(passphrase.text).meets(KEY_EXPORT_FLOOR)
    assert len({p.text for p in drawn}) == len(drawn)
    assert round(drawn[0].bits) == 90
