"""The transform engine follows ICU's rule semantics on the syntax the Zawgyi rules use."""

from __future__ import annotations

import pytest

from desktop.services.correspondent.translit import RuleError, Transform


def test_first_rule_in_order_wins_at_a_position() -> None:
    rules = "ab → X ; a → Y ; b → Z ;"
    assert Transform(rules)("abba") == "XZY"


def test_quantifiers_never_give_back_what_they_took() -> None:
    # ICU's quantifiers are possessive: "a*" eats the "a" the rule then needs.
    assert Transform("a* a → X ;")("aaa") == "aaa"
    assert Transform("a+ b → X ;")("aaab") == "X"


def test_groups_variables_and_sets() -> None:
    rules = r"""
    $vowel = [aeiou] ;
    ($vowel) ([^aeiou\u0020]) → $2 $1 ;  # swap a vowel and the consonant after it
    """
    assert Transform(rules)("ab ex") == "ba xe"


def test_phases_run_one_after_another_on_the_result() -> None:
    assert Transform("a → b ; ::Null; b → c ;")("ab") == "cc"
    assert Transform("a → b ; b → c ;")("ab") == "bc"  # one phase: no rescan of output


def test_anchors_match_only_at_the_ends_of_the_text() -> None:
    rules = "^ a → S ; a $ → E ;"
    assert Transform(rules)("aaa") == "SaE"


def test_a_cursor_at_the_start_of_the_output_rescans_it() -> None:
    assert Transform("a → | b ; b → c ;")("a") == "c"


def test_escapes_hex_and_octal() -> None:
    assert Transform(r"\u1040 → \u101D ; \101 → B ;")("\u1040A") == "\u101dB"


@pytest.mark.parametrize(
    "rules",
    [
        "a { b → c ;",  # contexts
        "a ← b ;",  # reverse rules
        ":: Latin-Greek ;",  # named transforms
        "$x → a ;",  # undefined variable
        "a → $1 ;",  # missing group
        "a → b",  # no closing ';'
        "[ab → c ;",  # unclosed set
    ],
)
def test_syntax_it_cannot_honour_is_refused(rules: str) -> None:
    with pytest.raises(RuleError):
        Transform(rules)
