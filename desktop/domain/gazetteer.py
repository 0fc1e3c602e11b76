"""The gazetteer: the Kachin-China border crossings a report can be about.

Plain Python (no Qt, no SQL). The newsroom ships and updates a versioned JSON file,
``resources/gazetteer/gazetteer.json`` (see ``resources/gazetteer/README.md`` for the format
and the sources). :func:`load_gazetteer` reads it strictly and returns an immutable
:class:`Gazetteer`; anything malformed is refused with a :class:`GazetteerError` that names
the file and the JSON field. :meth:`Gazetteer.match` is the type-ahead behind the gate
chooser: it matches every name in every language, every alias and the Chinese port opposite.

A crossing that is not in the gazetteer can still be reported; that is the report model's
business, not this module's.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from desktop.domain.search_text import name_key
from desktop.fsread import TooLargeError, read_bounded
from desktop.resources import resource_path

__all__ = [
    "FORMAT",
    "KNOWN_LANGUAGES",
    "LAT_RANGE",
    "LON_RANGE",
    "MAX_FILE_BYTES",
    "SUPPORTED_VERSION",
    "Crossing",
    "Gazetteer",
    "GazetteerError",
    "PortNames",
    "default_gazetteer",
    "load_gazetteer",
    "normalize",
]

FORMAT: Final = "gatewatch-gazetteer"
SUPPORTED_VERSION: Final = 1
MAX_FILE_BYTES: Final = 1024 * 1024
"""Largest gazetteer file accepted (1 MiB); the shipped one is a few KiB."""
MAX_TEXT_CHARS: Final = 200
"""Longest accepted name, alias, township or state."""
MAX_ALIASES: Final = 50
KNOWN_LANGUAGES: Final = ("en", "my", "zh", "kac")
"""Name languages: English, Burmese (Unicode), Simplified Chinese, Jinghpaw. ``en`` is required."""
LAT_RANGE: Final = (20.0, 30.0)
LON_RANGE: Final = (95.0, 102.0)
"""Bounds that contain the Kachin border region (and nothing far from it)."""

_ID_RE: Final = re.compile(r"[a-z][a-z0-9_]{1,40}")
_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP_KEYS: Final = frozenset({"format", "version", "updated", "crossings"})
_CROSSING_REQUIRED: Final = frozenset({"id", "names", "township", "state", "coordinates"})
_CROSSING_OPTIONAL: Final = frozenset({"aliases", "chinese_port"})
_PORT_KEYS: Final = frozenset({"en", "zh"})
_COORD_KEYS: Final = frozenset({"lat", "lon", "approximate"})


def normalize(text: str) -> str:
    """Return the matching form of ``text``: NFKC, casefolded, letters/marks/digits only.

    Spaces, hyphens, punctuation, symbols and invisible format characters (such as the
    zero-width space often typed in Burmese) are dropped; combining marks are kept because
    Burmese vowel signs and tones are marks. So ``"Pang-War"``, ``"pang war"`` and
    ``"PANGWAR"`` all become ``"pangwar"``. Never raises.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LMN")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be used.

    ``str(error)`` reads ``"<file>: <field>: <problem>"`` where ``field`` is a JSON path
    such as ``crossings[2].names.en`` (``$`` for the whole document). The attributes
    ``source``, ``field`` and ``problem`` hold the three parts.
    """

    def __init__(self, source: Path | str, field: str, problem: str) -> None:
        self.source = str(source)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.source}: {field}: {problem}")


@dataclass(frozen=True)
class PortNames:
    """The Chinese port (口岸) opposite a crossing, in English (pinyin) and Chinese."""

    en: str
    zh: str


@dataclass(frozen=True)
class Crossing:
    """One crossing on the Kachin-China border, as the gazetteer describes it.

    ``names`` maps a language code (see :data:`KNOWN_LANGUAGES`) to the name in that
    language; it always has ``"en"`` and is read-only. Coordinates are decimal degrees
    (WGS 84) and, in the shipped file, approximate.
    """

    id: str
    names: Mapping[str, str] = field(hash=False)
    aliases: tuple[str, ...]
    township: str
    state: str
    chinese_port: PortNames | None
    lat: float
    lon: float
    approximate: bool

    def __post_init__(self) -> None:
        if "en" not in self.names:
            raise ValueError(f"crossing {self.id!r} has no English name")
        if not isinstance(self.names, MappingProxyType):
            object.__setattr__(self, "names", MappingProxyType(dict(self.names)))

    def name(self, lang: str) -> str:
        """Return the name in ``lang`` (e.g. ``"my"``), or the English name if there is none."""
        return self.names.get(lang) or self.names["en"]

    def all_names(self) -> tuple[str, ...]:
        """Return every name and alias, English first, then the other names in file order,
        then the aliases; exact duplicates are listed once. Chinese port names are not
        included (they name the other side)."""
        ordered = [self.names["en"], *(v for k, v in self.names.items() if k != "en")]
        return tuple(dict.fromkeys([*ordered, *self.aliases]))


@dataclass(frozen=True)
class Gazetteer:
    """An immutable set of crossings, with lookup by id and type-ahead matching.

    Construct it with :func:`load_gazetteer`; direct construction raises ``ValueError`` on
    duplicate ids but performs none of the file checks.
    """

    version: int
    updated: date
    crossings: tuple[Crossing, ...]
    _by_id: Mapping[str, Crossing] = field(init=False, repr=False, compare=False, hash=False)
    _keys: tuple[tuple[Crossing, tuple[str, ...]], ...] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        by_id: dict[str, Crossing] = {}
        for crossing in self.crossings:
            if crossing.id in by_id:
                raise ValueError(f"duplicate crossing id {crossing.id!r}")
            by_id[crossing.id] = crossing
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        keys: list[tuple[Crossing, tuple[str, ...]]] = []
        for crossing in self.crossings:
            texts = list(crossing.all_names())
            if crossing.chinese_port is not None:
                texts += [crossing.chinese_port.en, crossing.chinese_port.zh]
            normalized = tuple(dict.fromkeys(k for k in map(normalize, texts) if k))
            keys.append((crossing, normalized))
        object.__setattr__(self, "_keys", tuple(keys))

    @functools.cached_property
    def names_version(self) -> str:
        """A short digest of every crossing's id, names and aliases, in file order.

        It changes whenever the names a search index takes from the gazetteer change (a
        new crossing, a new alias, a corrected spelling), and only then.
        """
        names = [[c.id, *c.all_names()] for c in self.crossings]
        text = json.dumps(names, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    @functools.cached_property
    def _by_name_key(self) -> Mapping[str, tuple[str, ...]]:
        keys: dict[str, list[str]] = {}
        for crossing in self.crossings:
            texts = list(crossing.all_names())
            if crossing.chinese_port is not None:
                texts += [crossing.chinese_port.en, crossing.chinese_port.zh]
            for key in dict.fromkeys(name_key(t) for t in texts):
                if key:
                    keys.setdefault(key, []).append(crossing.id)
        return MappingProxyType({k: tuple(v) for k, v in keys.items()})

    def named(self, text: str) -> tuple[str, ...]:
        """Ids of the crossings one of whose names, aliases or Chinese port names is
        `text`, compared as search compares them (`desktop.domain.search_text.name_key`:
        case, accents, spaces, hyphens, Traditional or Simplified Chinese do not matter).
        The whole name, never a piece of one: full-text search finds crossings this way."""
        return self._by_name_key.get(name_key(text), ()) if text else ()

    def get(self, crossing_id: str) -> Crossing | None:
        """Return the crossing with this id, or ``None``."""
        return self._by_id.get(crossing_id)

    def __contains__(self, crossing_id: object) -> bool:
        return crossing_id in self._by_id

    def __iter__(self) -> Iterator[Crossing]:
        return iter(self.crossings)

    def __len__(self) -> int:
        return len(self.crossings)

    def ids(self) -> tuple[str, ...]:
        """Return the crossing ids in file order."""
        return tuple(self._by_id)

    def match(self, text: str, limit: int = 10) -> list[Crossing]:
        """Return up to ``limit`` crossings whose names match what the user typed.

        Both sides are compared in :func:`normalize` form, against every name in every
        language, every alias, and the English and Chinese names of the Chinese port
        opposite. A crossing ranks by its best key: exact match, then prefix, then
        substring; ties are ordered by English name (casefolded), then id. A query with no
        letters or digits (``""``, ``"  "``, ``"-"``) returns ``[]``, as does ``limit < 1``.
        Never raises.
        """
        query = normalize(text)
        if not query or limit < 1:
            return []
        ranked: list[tuple[int, str, str, Crossing]] = []
        for crossing, keys in self._keys:
            best: int | None = None
            for key in keys:
                if key == query:
                    best = 0
                    break
                if key.startswith(query):
                    rank = 1
                elif query in key:
                    rank = 2
                else:
                    continue
                best = rank if best is None else min(best, rank)
            if best is not None:
                ranked.append((best, crossing.names["en"].casefold(), crossing.id, crossing))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked[:limit]]


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read, validate and return the gazetteer at ``path`` (default: the shipped file,
    ``resource_path("gazetteer", "gazetteer.json")``).

    The file must be UTF-8 JSON of at most :data:`MAX_FILE_BYTES`, with exactly the keys
    ``format`` (``"gatewatch-gazetteer"``), ``version`` (:data:`SUPPORTED_VERSION`),
    ``updated`` (``YYYY-MM-DD``) and ``crossings`` (a non-empty list). Each crossing has
    only known keys; a unique ``id`` matching ``[a-z][a-z0-9_]{1,40}``; ``names`` with an
    ``en`` entry and only :data:`KNOWN_LANGUAGES`; no name or alias shared with another
    crossing (after :func:`normalize`); ``coordinates`` inside :data:`LAT_RANGE` /
    :data:`LON_RANGE`. Duplicate JSON keys, ``NaN`` and ``Infinity`` are refused.

    Raises :class:`GazetteerError` naming the file and the offending field; it never returns
    a partly valid gazetteer and never writes anything.
    """
    source = resource_path("gazetteer", "gazetteer.json") if path is None else path
    try:
        raw = read_bounded(source, MAX_FILE_BYTES)
    except OSError as exc:
        raise GazetteerError(source, "$", f"cannot read the file ({exc.strerror})") from exc
    except TooLargeError as exc:
        raise GazetteerError(
            source, "$", f"file is larger than {MAX_FILE_BYTES} bytes; refusing to read it"
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GazetteerError(source, "$", f"not UTF-8 (byte {exc.start})") from exc
    try:
        document = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
        )
    except _DuplicateKey as exc:
        raise GazetteerError(source, "$", f"duplicate JSON key {exc.key!r}") from exc
    except ValueError as exc:  # json.JSONDecodeError and _no_constant
        raise GazetteerError(source, "$", f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise GazetteerError(source, "$", "not valid JSON: nested too deeply") from exc
    return _Validator(source).document(document)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer, loaded once per process.

    Raises :class:`GazetteerError` if the shipped file is missing or malformed (a build
    defect); the failure is not cached, so a later call tries again.
    """
    return load_gazetteer()


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


class _Validator:
    """Turns a parsed JSON document into a :class:`Gazetteer`, or raises GazetteerError."""

    def __init__(self, source: Path) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> GazetteerError:
        return GazetteerError(self.source, where, problem)

    def document(self, doc: object) -> Gazetteer:
        top = self.obj(doc, "$", required=_TOP_KEYS)
        if top["format"] != FORMAT:
            raise self.fail("format", f"must be {FORMAT!r}, got {top['format']!r}")
        version = top["version"]
        if type(version) is not int:
            raise self.fail("version", f"must be an integer, got {version!r}")
        if version != SUPPORTED_VERSION:
            raise self.fail(
                "version",
                f"unsupported version {version}; this build reads version {SUPPORTED_VERSION}",
            )
        updated = self.iso_date(top["updated"], "updated")
        items = top["crossings"]
        if not isinstance(items, list) or not items:
            raise self.fail("crossings", "must be a non-empty list")
        crossings: list[Crossing] = []
        seen_ids: dict[str, int] = {}
        seen_names: dict[str, str] = {}
        for index, item in enumerate(items):
            where = f"crossings[{index}]"
            crossing = self.crossing(item, where)
            if crossing.id in seen_ids:
                raise self.fail(
                    f"{where}.id",
                    f"duplicate id {crossing.id!r} (also crossings[{seen_ids[crossing.id]}])",
                )
            seen_ids[crossing.id] = index
            for name in crossing.all_names():
                key = normalize(name)
                owner = seen_names.setdefault(key, crossing.id)
                if owner != crossing.id:
                    raise self.fail(
                        where, f"name or alias {name!r} is also used by crossing {owner!r}"
                    )
            crossings.append(crossing)
        return Gazetteer(version=version, updated=updated, crossings=tuple(crossings))

    def crossing(self, item: object, where: str) -> Crossing:
        obj = self.obj(item, where, required=_CROSSING_REQUIRED, optional=_CROSSING_OPTIONAL)
        crossing_id = obj["id"]
        if not isinstance(crossing_id, str) or not _ID_RE.fullmatch(crossing_id):
            raise self.fail(
                f"{where}.id",
                f"must be a lowercase ASCII slug matching [a-z][a-z0-9_]{{1,40}}, "
                f"got {crossing_id!r}",
            )
        names_obj = self.obj(
            obj["names"], f"{where}.names", required=frozenset({"en"}), optional=KNOWN_LANGUAGES
        )
        names = {
            lang: self.text(value, f"{where}.names.{lang}") for lang, value in names_obj.items()
        }
        aliases_raw = obj.get("aliases", [])
        if not isinstance(aliases_raw, list):
            raise self.fail(f"{where}.aliases", "must be a list of strings")
        if len(aliases_raw) > MAX_ALIASES:
            raise self.fail(f"{where}.aliases", f"more than {MAX_ALIASES} aliases")
        aliases = tuple(
            self.text(value, f"{where}.aliases[{i}]") for i, value in enumerate(aliases_raw)
        )
        port_raw = obj.get("chinese_port")
        port: PortNames | None = None
        if port_raw is not None:
            port_obj = self.obj(port_raw, f"{where}.chinese_port", required=_PORT_KEYS)
            port = PortNames(
                en=self.text(port_obj["en"], f"{where}.chinese_port.en"),
                zh=self.text(port_obj["zh"], f"{where}.chinese_port.zh"),
            )
        coords = self.obj(obj["coordinates"], f"{where}.coordinates", required=_COORD_KEYS)
        lat = self.degrees(coords["lat"], f"{where}.coordinates.lat", LAT_RANGE, "latitude")
        lon = self.degrees(coords["lon"], f"{where}.coordinates.lon", LON_RANGE, "longitude")
        approximate = coords["approximate"]
        if not isinstance(approximate, bool):
            raise self.fail(f"{where}.coordinates.approximate", "must be true or false")
        return Crossing(
            id=crossing_id,
            names=names,
            aliases=aliases,
            township=self.text(obj["township"], f"{where}.township"),
            state=self.text(obj["state"], f"{where}.state"),
            chinese_port=port,
            lat=lat,
            lon=lon,
            approximate=approximate,
        )

    def obj(
        self,
        value: object,
        where: str,
        *,
        required: frozenset[str],
        optional: frozenset[str] | tuple[str, ...] = frozenset(),
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a JSON object")
        for key in value:
            if key not in required and key not in optional:
                raise self.fail(_join(where, key), "unknown key")
        for key in sorted(required):
            if key not in value:
                raise self.fail(_join(where, key), "required key is missing")
        return value

    def text(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "must be a string")
        if value != value.strip() or not value:
            raise self.fail(where, "must be non-empty, without leading or trailing spaces")
        if len(value) > MAX_TEXT_CHARS:
            raise self.fail(where, f"longer than {MAX_TEXT_CHARS} characters")
        if any(unicodedata.category(ch) == "Cc" for ch in value):
            raise self.fail(where, "contains control characters")
        if not normalize(value):
            raise self.fail(where, "must contain at least one letter or digit")
        return value

    def degrees(self, value: object, where: str, bounds: tuple[float, float], what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"{what} must be a number")
        low, high = bounds
        if not math.isfinite(value) or not low <= value <= high:
            raise self.fail(
                where,
                f"{what} {value} is outside {low}..{high}, the Kachin border region; "
                "check the order and sign of the coordinates",
            )
        return float(value)

    def iso_date(self, value: object, where: str) -> date:
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(where, f"must be a date written YYYY-MM-DD, got {value!r}")


def _join(where: str, key: str) -> str:
    return key if where == "$" else f"{where}.{key}"
