"""The gazetteer: the shipped file, type-ahead matching, and strict refusal of bad files."""

from __future__ import annotations

import copy
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import desktop.resources
from desktop.domain.crossing import Crossing, PortNames, normalize
from desktop.domain.gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from desktop.domain.gazetteer_file import MAX_FILE_BYTES, GazetteerError
from desktop.resources import resource_path, resources_root

SHIPPED = resource_path("gazetteer", "gazetteer.json")
SIX = ("laiza", "mai_ja_yang", "lweje", "pang_war", "kanpaiti", "hpimaw")

# Every spelling named in the domain notes ("The crossings" and the gate
# patterns), plus the Chinese-side names the reporting uses.
DOMAIN_ALIASES = [
    ("Laiza", "laiza"),
    ("Lai Zar", "laiza"),
    ("Mai Ja Yang", "mai_ja_yang"),
    ("Mong Jar Yang", "mai_ja_yang"),
    ("Lweje", "lweje"),
    ("Lwegel", "lweje"),
    ("Loije", "lweje"),
    ("Pang War", "pang_war"),
    ("Pangwa", "pang_war"),
    ("Pang Wa", "pang_war"),
    ("Kanpaiti", "kanpaiti"),
    ("Kan Pike Ti", "kanpaiti"),
    ("Kanpiketi", "kanpaiti"),
    ("Hpimaw", "hpimaw"),
    ("Phi Maw", "hpimaw"),
]


def shipped_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return loaded


def write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# --- the shipped file -------------------------------------------------------------------


def test_resource_path_finds_the_shipped_gazetteer() -> None:
    assert SHIPPED.is_file()
    assert resources_root() / "gazetteer" / "gazetteer.json" == SHIPPED
    assert resources_root() == Path(desktop.resources.__file__).resolve().parents[1] / "resources"


def test_resource_path_uses_the_pyinstaller_bundle_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("gazetteer", "gazetteer.json") == (
        tmp_path / "resources" / "gazetteer" / "gazetteer.json"
    )


@pytest.mark.parametrize("part", ["..", "../etc", "/etc/passwd"])
def test_resource_path_refuses_to_leave_the_folder(part: str) -> None:
    with pytest.raises(ValueError, match="relative"):
        resource_path("gazetteer", part)


def test_shipped_file_loads_with_the_six_crossings() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.version == 1
    assert isinstance(gazetteer.updated, date)
    assert set(SIX) <= set(gazetteer.ids())
    assert len(gazetteer.ids()) == len(set(gazetteer.ids()))
    for crossing_id in SIX:
        crossing = gazetteer.get(crossing_id)
        assert crossing is not None
        assert crossing_id in gazetteer
        assert crossing.state == "Kachin"
        assert crossing.approximate
        # Burmese in the Myanmar block (Unicode, not Zawgyi's Latin-range hacks), Chinese in CJK.
        assert all("\u1000" <= ch <= "\u109f" for ch in crossing.names["my"])
        # A Chinese name where one is known (Hpimaw's 片马 is the Chinese town opposite).
        assert all("\u4e00" <= ch <= "\u9fff" for ch in crossing.names.get("zh", ""))
    assert "nowhere" not in gazetteer
    assert gazetteer.get("nowhere") is None


def test_default_gazetteer_is_cached_and_equals_a_fresh_load() -> None:
    assert default_gazetteer() is default_gazetteer()
    assert default_gazetteer() == load_gazetteer(SHIPPED)


def test_crossing_is_immutable_and_falls_back_to_english() -> None:
    laiza = default_gazetteer().get("laiza")
    assert laiza is not None
    assert laiza.name("my") == "လိုင်ဇာ"
    assert laiza.name("shn") == "Laiza"
    assert laiza.all_names()[0] == "Laiza"
    assert "Lai Zar" in laiza.all_names()
    with pytest.raises(TypeError):
        laiza.names["en"] = "Elsewhere"  # type: ignore[index]
    hash(laiza)


# --- matching -----------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), DOMAIN_ALIASES)
def test_each_domain_spelling_matches_its_crossing_first(typed: str, expected: str) -> None:
    assert default_gazetteer().match(typed)[0].id == expected


@pytest.mark.parametrize(
    "typed", ["pangwa", "Pang-War", "pang wa", "PANG WAR", " pang_war ", "ပန်ဝါ", "板瓦"]
)
def test_spacing_case_and_punctuation_are_ignored(typed: str) -> None:
    assert default_gazetteer().match(typed)[0].id == "pang_war"


def test_every_burmese_and_chinese_name_matches_its_crossing() -> None:
    gazetteer = default_gazetteer()
    for crossing in gazetteer.crossings:
        for lang in ("my", "zh"):
            if lang in crossing.names:
                assert gazetteer.match(crossing.names[lang])[0] is crossing, (crossing.id, lang)


def test_chinese_port_names_find_the_crossing_opposite() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.match("片马")[0].id == "hpimaw"
    assert gazetteer.match("Nabang")[0].id == "laiza"
    assert gazetteer.match("猴桥")[0].id == "kanpaiti"
    assert gazetteer.match("zhangfeng")[0].id == "lweje"


def test_burmese_zero_width_space_is_ignored() -> None:
    assert default_gazetteer().match("ပန်\u200bဝါ")[0].id == "pang_war"


def test_ranking_is_exact_then_prefix_then_substring_then_english_name() -> None:
    def crossing(cid: str, en: str, *aliases: str) -> Crossing:
        return Crossing(cid, {"en": en}, aliases, "T", "Kachin", None, 25.0, 98.0, True)

    gazetteer = Gazetteer(
        1,
        date(2025, 1, 1),
        (
            crossing("zed", "Zed", "xxabc"),  # substring
            crossing("beta", "Beta", "abcd"),  # prefix
            crossing("alpha", "Alpha", "abcz"),  # prefix, earlier English name
            crossing("gamma", "Gamma", "ABC"),  # exact
        ),
    )
    assert [c.id for c in gazetteer.match("abc")] == ["gamma", "alpha", "beta", "zed"]
    assert [c.id for c in gazetteer.match("abc", limit=2)] == ["gamma", "alpha"]


@pytest.mark.parametrize("typed", ["", "   ", "-", "・,."])
def test_a_query_without_letters_returns_nothing(typed: str) -> None:
    assert default_gazetteer().match(typed) == []


def test_no_match_and_zero_limit_return_nothing() -> None:
    assert default_gazetteer().match("Ruili") == []
    assert default_gazetteer().match("laiza", limit=0) == []


def test_normalize() -> None:
    assert normalize("Pang-War") == normalize("pang wa r") == "pangwar"
    assert normalize("ＬＡＩＺＡ") == "laiza"  # full-width, as Chinese IMEs type it
    assert normalize("...") == ""


# --- malformed files ----------------------------------------------------------------------


def mutate(change: str) -> dict[str, Any]:
    """Return a copy of the shipped document with one defect, named by ``change``."""
    doc = copy.deepcopy(shipped_document())
    first = doc["crossings"][0]
    if change == "duplicate id":
        doc["crossings"][1]["id"] = first["id"]
    elif change == "unknown crossing key":
        first["population"] = 1000
    elif change == "unknown top key":
        doc["author"] = "someone"
    elif change == "unknown language":
        first["names"]["zn"] = "拉咱"
    elif change == "missing english":
        del first["names"]["en"]
    elif change == "lat out of region":
        first["coordinates"]["lat"] = 97.56
    elif change == "lon out of region":
        first["coordinates"]["lon"] = -97.56
    elif change == "wrong version":
        doc["version"] = 2
    elif change == "wrong format":
        doc["format"] = "something-else"
    elif change == "bad id":
        first["id"] = "Laiza Gate"
    elif change == "bad date":
        doc["updated"] = "01/06/2025"
    elif change == "empty alias":
        first["aliases"].append("")
    elif change == "shared alias":
        doc["crossings"][1]["aliases"].append("Lai-Zar")
    elif change == "bad port":
        first["chinese_port"] = {"en": "Nabang"}
    elif change == "approximate not bool":
        first["coordinates"]["approximate"] = "yes"
    elif change == "no crossings":
        doc["crossings"] = []
    else:  # pragma: no cover - a typo in the parametrization
        raise AssertionError(change)
    return doc


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ("duplicate id", "crossings[1].id", "duplicate id 'laiza'"),
        ("unknown crossing key", "crossings[0].population", "unknown key"),
        ("unknown top key", "author", "unknown key"),
        ("unknown language", "crossings[0].names.zn", "unknown key"),
        ("missing english", "crossings[0].names.en", "required key is missing"),
        ("lat out of region", "crossings[0].coordinates.lat", "Kachin border region"),
        ("lon out of region", "crossings[0].coordinates.lon", "Kachin border region"),
        ("wrong version", "version", "unsupported version 2"),
        ("wrong format", "format", "gatewatch-gazetteer"),
        ("bad id", "crossings[0].id", "slug"),
        ("bad date", "updated", "YYYY-MM-DD"),
        ("empty alias", "crossings[0].aliases[3]", "non-empty"),
        ("shared alias", "crossings[1]", "also used by crossing 'laiza'"),
        ("bad port", "crossings[0].chinese_port.zh", "required key is missing"),
        ("approximate not bool", "crossings[0].coordinates.approximate", "true or false"),
        ("no crossings", "crossings", "non-empty"),
    ],
)
def test_malformed_documents_name_the_field(
    tmp_path: Path, change: str, field: str, problem: str
) -> None:
    path = write(tmp_path, mutate(change))
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(path)
    error = caught.value
    assert error.field == field
    assert problem in error.problem
    assert str(error) == f"{path}: {field}: {error.problem}"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"format": "gatewatch-gazetteer", ', "not valid JSON"),
        ('{"format": "a", "format": "b"}', "duplicate JSON key 'format'"),
        ("[1, NaN]", "NaN is not allowed"),
        ("[]", "must be a JSON object"),
        ("[" * 5000, "nested too deeply"),
    ],
)
def test_bad_json_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem) as caught:
        load_gazetteer(path)
    assert caught.value.field == "$"
    assert str(path) in str(caught.value)


def test_non_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(GazetteerError, match="not UTF-8"):
        load_gazetteer(path)


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    doc = shipped_document()
    doc["crossings"][0]["aliases"].append("x" * MAX_FILE_BYTES)
    path = write(tmp_path, doc)
    with pytest.raises(GazetteerError, match="larger than") as caught:
        load_gazetteer(path)
    assert caught.value.field == "$"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot read"):
        load_gazetteer(tmp_path / "absent.json")


def test_a_valid_edited_file_loads(tmp_path: Path) -> None:
    doc = shipped_document()
    doc["crossings"][0]["chinese_port"] = None
    del doc["crossings"][0]["aliases"]
    gazetteer = load_gazetteer(write(tmp_path, doc))
    laiza = gazetteer.get("laiza")
    assert laiza is not None
    assert laiza.chinese_port is None
    assert laiza.aliases == ()
    assert gazetteer.get("kanpaiti") is not None
    kanpaiti = gazetteer.get("kanpaiti")
    assert kanpaiti is not None
    assert kanpaiti.chinese_port == PortNames(en="Houqiao", zh="猴桥")
