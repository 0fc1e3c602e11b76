import pytest

from desktop.services.passphrase import Strength, strength


@pytest.mark.parametrize(
    ("passphrase", "expected"),
    [
        ("", Strength.TOO_SHORT),
        ("abc1234", Strength.TOO_SHORT),
        ("aaaaaaaa", Strength.WEAK),
        ("password", Strength.WEAK),
        ("Laiza2024!", Strength.FAIR),
        ("bamboo gate opens at two in the afternoon", Strength.STRONG),
        ("ဝါးတံခါး နေ့လည် နှစ်နာရီ ဖွင့်သည်", Strength.STRONG),
    ],
)
def test_strength_hint(passphrase: str, expected: Strength) -> None:
    assert strength(passphrase) is expected
