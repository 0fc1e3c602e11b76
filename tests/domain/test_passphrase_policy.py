import pytest

from desktop.domain.passphrase_policy import (
    KEY_EXPORT_FLOOR,
    STORE_FLOOR,
    Verdict,
    assess,
    refusal,
)


@pytest.mark.parametrize("weak", [" " * 8, "12345678", "aaaaaaaa", "password", "password1"])
def test_common_and_samey_passphrases_fall_below_every_floor(weak: str) -> None:
    found = assess(weak)
    assert found.verdict <= Verdict.WEAK
    assert not found.meets(STORE_FLOOR)
    assert found.feedback()  # the meter has advice to show
    assert refusal(weak, STORE_FLOOR) is not None


def test_password1_is_no_longer_rated_fair() -> None:
    assert assess("password1").verdict is Verdict.VERY_WEAK
    assert "common password" in assess("password1").warning


def test_the_floors() -> None:
    assert assess("kettle window").meets(STORE_FLOOR)
    assert not assess("kettle window").meets(KEY_EXPORT_FLOOR)
    assert assess("bamboo gate opens at two").meets(KEY_EXPORT_FLOOR)
    assert assess("ဝါးတံခါး နေ့လည် နှစ်နာရီ ဖွင့်သည်").meets(KEY_EXPORT_FLOOR)


def test_short_is_refused_however_random() -> None:
    assert assess("x7#Qz!").too_short
    assert (refusal("x7#Qz!", STORE_FLOOR) or "").startswith(
        "The passphrase is too short: use at least 8 characters. "
    )


def test_a_very_long_passphrase_is_judged_without_error() -> None:
    assert assess("gate " * 100 + "opens").verdict >= Verdict.WEAK
    assert assess("").too_short
