"""The gazetteer file, ``resources/gazetteer/gazetteer.json``, read strictly.

The format and the sources are in ``resources/gazetteer/README.md``. Anything malformed is
refused with a :class:`GazetteerError` that names the file and the JSON field; nothing is
ever half read.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any, Final

from desktop.domain.crossing import KNOWN_LANGUAGES, Crossing, PortNames, normalize
from desktop.fsread import TooLargeError, read_bounded

__all__ = [
    "FORMAT",
    "LAT_RANGE",
    "LON_RANGE",
    "MAX_FILE_BYTES",
    "SUPPORTED_VERSION",
    "GazetteerError",
    "read_gazetteer_file",
]

FORMAT: Final = "gatewatch-gazetteer"
SUPPORTED_VERSION: Final = 1
MAX_FILE_BYTES: Final = 1024 * 1024
"""Largest gazetteer file accepted (1 MiB); the shipped one is a few KiB."""
MAX_TEXT_CHARS: Final = 200
"""Longest accepted name, alias, township or state."""
MAX_ALIASES: Final = 50
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


def read_gazetteer_file(source: Path) -> tuple[int, date, tuple[Crossing, ...]]:
    """The version, date and crossings of the gazetteer file at `source`, checked as
    `desktop.domain.gazetteer.load_gazetteer` describes; `GazetteerError` otherwise."""
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
    """Turns a parsed JSON document into the gazetteer's parts, or raises GazetteerError."""

    def __init__(self, source: Path) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> GazetteerError:
        return GazetteerError(self.source, where, problem)

    def document(self, doc: object) -> tuple[int, date, tuple[Crossing, ...]]:
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
        return version, updated, tuple(crossings)

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
