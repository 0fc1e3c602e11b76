"""Every crossing of the shipped gazetteer against the shipped map: on the Myanmar side of
the Natural Earth border line, within a few kilometres of it, with the Chinese port
opposite named in Chinese and in Latin letters."""

from __future__ import annotations

import itertools
import json
import math
import re

import pytest

from desktop.domain.crossing import Crossing
from desktop.domain.gazetteer import default_gazetteer
from desktop.resources import resource_path

MAP = json.loads(resource_path("map", "kachin_border.geojson").read_text("utf-8"))
NEAR_KM = 6.0  # the 1:10m line is simplified (about 400 m) and runs up to 2 km off a town

Point = tuple[float, float]  # lon, lat


def feature(kind: str, name: str | None = None) -> dict[str, object]:
    return next(
        f
        for f in MAP["features"]
        if f["properties"].get("kind") == kind
        and (name is None or f["properties"].get("name") == name)
    )


def inside(point: Point, multipolygon: list[list[list[list[float]]]]) -> bool:
    """Even-odd rule over every ring of every polygon."""
    x, y = point
    crossings = 0
    for polygon in multipolygon:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    crossings += 1
    return crossings % 2 == 1


def km_to_line(point: Point, lines: list[list[list[float]]]) -> float:
    """Distance to the nearest segment, on a local flat projection (fine at a few km)."""
    lon, lat = point
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    best = math.inf
    for line in lines:
        for (x1, y1), (x2, y2) in itertools.pairwise(line):
            ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
            dx, dy = (x2 - x1) * kx, (y2 - y1) * ky
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def test_the_geometry_helpers_tell_the_sides_apart() -> None:
    # The values the gazetteer shipped before: Kanpaiti and Hpimaw fell inside China.
    china = feature("country", "China")["geometry"]["coordinates"]  # type: ignore[index]
    myanmar = feature("country", "Myanmar")["geometry"]["coordinates"]  # type: ignore[index]
    assert inside((98.13, 25.33), china)
    assert not inside((98.13, 25.33), myanmar)
    assert inside((97.396, 25.383), myanmar)  # Myitkyina


@pytest.mark.parametrize("crossing", default_gazetteer().crossings, ids=lambda c: c.id)
def test_each_crossing_lies_on_the_myanmar_side_near_the_border(crossing: Crossing) -> None:
    point = (crossing.lon, crossing.lat)
    myanmar = feature("country", "Myanmar")["geometry"]["coordinates"]  # type: ignore[index]
    china = feature("country", "China")["geometry"]["coordinates"]  # type: ignore[index]
    border = feature("border")["geometry"]["coordinates"]  # type: ignore[index]
    assert inside(point, myanmar), crossing.id
    assert not inside(point, china), crossing.id
    assert km_to_line(point, border) <= NEAR_KM, crossing.id


@pytest.mark.parametrize("crossing", default_gazetteer().crossings, ids=lambda c: c.id)
def test_each_crossing_names_its_chinese_port_in_chinese_and_latin(crossing: Crossing) -> None:
    port = crossing.chinese_port
    assert port is not None, crossing.id
    assert re.fullmatch(r"[\u4e00-\u9fff]+", port.zh), port.zh
    assert re.fullmatch(r"[A-Za-z][A-Za-z' -]*", port.en), port.en
    # A Chinese name of the crossing itself never names the Chinese town opposite.
    assert crossing.names.get("zh") != port.zh, crossing.id
