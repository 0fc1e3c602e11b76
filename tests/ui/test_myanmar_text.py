"""Line-break chances between Burmese syllables (display only)."""

from desktop.ui.myanmar_text import ZWSP, has_myanmar, syllable_breaks


def breaks(text: str) -> list[str]:
    return syllable_breaks(text).split(ZWSP)


def test_breaks_fall_between_syllables_never_inside() -> None:
    assert breaks("ပို့ရန်") == ["ပို့", "ရန်"]  # the screenshot's ပို့ရ|န်
    assert breaks("မြန်မာ") == ["မြန်", "မာ"]  # a medial stays with its consonant
    assert breaks("တန်းစီထား") == ["တန်း", "စီ", "ထား"]
    assert breaks("ဂိတ်ပိတ်ထားသည်") == ["ဂိတ်", "ပိတ်", "ထား", "သည်"]


def test_a_killed_or_stacked_consonant_stays_with_its_syllable() -> None:
    assert breaks("ကမ္ဘာ") == ["ကမ္ဘာ"]  # virama: the stack is one piece
    assert breaks("မင်္ဂလာ") == ["မင်္ဂ", "လာ"]  # kinzi
    assert breaks("ပြင့်") == ["ပြင့်"]  # a dot below before the asat
    assert breaks("သတ္တု") == ["သတ္တု"]


def test_nothing_changes_without_myanmar_letters_and_spaces_get_no_extra_break() -> None:
    assert syllable_breaks("Diesel 4,500 kyat") == "Diesel 4,500 kyat"
    assert syllable_breaks("ဆီ ဈေး") == "ဆီ ဈေး"  # after a space: nothing to add
    assert syllable_breaks("Laiza လိုင်ဇာ") == "Laiza လိုင်" + ZWSP + "ဇာ"
    assert syllable_breaks(syllable_breaks("ပို့ရန်")) == syllable_breaks("ပို့ရန်")


def test_text_is_kept_apart_from_the_breaks() -> None:
    text = "တရုတ်ဘက်က ဂိတ်ကို ပိတ်လိုက်တယ်။ ဒီဇယ်ဈေး ကျပ် ၄၅၀၀"
    assert syllable_breaks(text).replace(ZWSP, "") == text
    assert has_myanmar(text)
    assert not has_myanmar("Pang War 板瓦")
