"""Derive the desk map's small offline geometry from Natural Earth, once.

Run by hand (never by tests or the app; they read the committed file)::

    .venv/bin/python tools/make_map_geometry.py

It fetches the npm package world-atlas (Natural Earth 1:10m countries as TopoJSON) with
``npm pack`` into a temporary folder, decodes the TopoJSON arcs here (no node code runs),
clips to a box around Kachin State and western Yunnan, keeps the Myanmar-China border as
lines and the country outlines in the box as simplified polygons, adds a few towns as
points, and writes ``resources/map/kachin_border.geojson`` (RFC 7946, lon/lat order).
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WORLD_ATLAS = "world-atlas@2.0.2"
OUT = Path(__file__).resolve().parents[1] / "resources" / "map" / "kachin_border.geojson"
BOX = (96.5, 23.3, 99.5, 27.6)  # west, south, east, north
MYANMAR, CHINA = "104", "156"  # ISO 3166-1 numeric ids in world-atlas
TOLERANCE = 0.004  # degrees (about 400 m): plenty for a map a few hundred pixels wide
DIGITS = 4

# Coordinates checked against OpenStreetMap / Wikipedia (town centres, rounded).
TOWNS = (
    ("myitkyina", {"en": "Myitkyina", "my": "မြစ်ကြီးနား", "zh": "密支那"}, 97.396, 25.383),
    ("bhamo", {"en": "Bhamo", "my": "ဗန်းမော်", "zh": "八莫"}, 97.236, 24.260),
    ("waingmaw", {"en": "Waingmaw", "my": "ဝိုင်းမော်", "zh": "威茂"}, 97.433, 25.350),
    ("ruili", {"en": "Ruili", "my": "ရွှေလီ", "zh": "瑞丽"}, 97.851, 24.013),
    ("tengchong", {"en": "Tengchong", "my": "တိန်ချုံ", "zh": "腾冲"}, 98.497, 25.020),
)

Point = tuple[float, float]


def fetch_topology(workdir: Path) -> dict[str, Any]:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed (node 18 or newer) to fetch world-atlas")
    subprocess.run(  # noqa: S603 (a fixed command line)
        [npm, "pack", WORLD_ATLAS, "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )
    archive = next(workdir.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.extractfile("package/countries-10m.json")
        assert member is not None
        topology: dict[str, Any] = json.load(member)
    return topology


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Quantized, delta-encoded arcs to absolute lon/lat (TopoJSON spec, section 2.1.3)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[list[Point]], index: int) -> list[Point]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list[list[Point]], indices: Sequence[int]) -> list[Point]:
    points: list[Point] = []
    for index in indices:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def polygons_of(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def arcs_used(geometry: dict[str, Any]) -> set[int]:
    return {i if i >= 0 else ~i for poly in polygons_of(geometry) for r in poly for i in r}


def clip_polygon(points: list[Point]) -> list[Point]:
    """Sutherland-Hodgman against the box; the result may be empty."""
    west, south, east, north = BOX
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    for inside, cross in edges:
        if not points:
            break
        result: list[Point] = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    return points


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(points: list[Point]) -> list[list[Point]]:
    """The pieces of a polyline inside the box (Liang-Barsky per segment)."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    for a, b in itertools.pairwise(points):
        segment = _clip_segment(a, b)
        if segment is None:
            if current:
                pieces.append(current)
                current = []
            continue
        start, end = segment
        if not current:
            current = [start]
        elif current[-1] != start:
            pieces.append(current)
            current = [start]
        current.append(end)
        if end != b:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) > 1]


def _clip_segment(a: Point, b: Point) -> tuple[Point, Point] | None:
    west, south, east, north = BOX
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = a if t0 == 0 else (a[0] + t0 * dx, a[1] + t0 * dy)
    end = b if t1 == 1 else (a[0] + t1 * dx, a[1] + t1 * dy)
    return start, end


def simplify(points: list[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def rounded(points: Sequence[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def build(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    countries = topology["objects"]["countries"]["geometries"]
    by_id = {g.get("id"): g for g in countries}
    features: list[dict[str, Any]] = []
    for geometry in countries:
        polygons = []
        for poly in polygons_of(geometry):
            clipped = clip_polygon(ring(arcs, poly[0]))  # outer rings only: no lakes here
            if len(clipped) >= 3:
                outline = rounded(simplify([*clipped, clipped[0]]))
                if len(outline) >= 4:
                    polygons.append([outline])
        if polygons:
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "kind": "country",
                        "id": geometry.get("id"),
                        "name": geometry["properties"]["name"],
                    },
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                }
            )
    shared = sorted(arcs_used(by_id[MYANMAR]) & arcs_used(by_id[CHINA]))
    lines = [rounded(simplify(piece)) for index in shared for piece in clip_line(arcs[index])]
    features.append(
        {
            "type": "Feature",
            "properties": {"kind": "border", "name": "Myanmar–China border"},
            "geometry": {
                "type": "MultiLineString",
                "coordinates": [ln for ln in lines if len(ln) > 1],
            },
        }
    )
    for town_id, names, lon, lat in TOWNS:
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "town", "id": town_id, "names": names},
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
            }
        )
    return {
        "type": "FeatureCollection",
        "bbox": list(BOX),
        "source": f"Natural Earth 1:10m admin 0 countries via npm {WORLD_ATLAS}",
        "features": features,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        collection = build(fetch_topology(Path(workdir)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(collection['features'])} features")


if __name__ == "__main__":
    main()
