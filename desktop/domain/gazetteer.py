"""The gazetteer: the Kachin-China border crossings a report can be about.

Plain Python (no Qt, no SQL). The newsroom ships and updates a versioned JSON file,
``resources/gazetteer/gazetteer.json`` (see ``resources/gazetteer/README.md`` for the format
and the sources). :func:`load_gazetteer` reads it strictly and returns an immutable
:class:`Gazetteer`; anything malformed is refused with a :class:`GazetteerError` that names
the file and the JSON field (`desktop.domain.gazetteer_file` checks the file;
`desktop.domain.crossing` is one crossing). :meth:`Gazetteer.match` is the type-ahead behind
the gate chooser: it matches every name in every language, every alias and the Chinese port
opposite.

A crossing that is not in the gazetteer can still be reported; that is the report model's
business, not this module's.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from desktop.domain.crossing import Crossing, normalize
from desktop.domain.gazetteer_file import read_gazetteer_file
from desktop.domain.search_text import name_key
from desktop.resources import resource_path

__all__ = ["Gazetteer", "default_gazetteer", "load_gazetteer"]


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
    version, updated, crossings = read_gazetteer_file(source)
    return Gazetteer(version=version, updated=updated, crossings=crossings)


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer, loaded once per process.

    Raises :class:`GazetteerError` if the shipped file is missing or malformed (a build
    defect); the failure is not cached, so a later call tries again.
    """
    return load_gazetteer()
