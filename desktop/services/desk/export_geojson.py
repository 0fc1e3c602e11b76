"""The board as GeoJSON (RFC 7946), flat enough for any mapping tool: one Point per
gazetteer crossing and one per verified new crossing that gives its coordinates, every
property a plain value (no nested objects), and the export's metadata as a foreign
member of the collection (docs/desk.md, "GeoJSON")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from desktop.domain.desk.board import Board, GateStatus, gate_status
from desktop.domain.desk.board_report import ASPECTS, SIDES, BoardReport
from desktop.domain.gazetteer import Gazetteer
from desktop.domain.report import format_utc

__all__ = ["geojson_document"]


def geojson_document(
    board: Board,
    read: Mapping[str, Sequence[str]],
    gazetteer: Gazetteer,
    new_crossings: Iterable[tuple[BoardReport, Mapping[str, Any]]],
    meta: Mapping[str, Any],
    now: datetime,
) -> dict[str, Any]:
    """The FeatureCollection: crossings in gazetteer order (`read[gate]`: the reports the
    board read), then the new crossings (each from its own report, with the record's
    `new_crossing` object); ages count from `now`."""
    features = []
    for crossing in gazetteer:
        status = board.gates[crossing.id]
        features.append(
            _feature(
                crossing.id,
                [crossing.lon, crossing.lat],
                {
                    "gate": crossing.id,
                    "new_crossing": False,
                    "name": crossing.name("en"),
                    **{f"name_{lang}": crossing.names.get(lang) for lang in ("en", "my", "zh")},
                    "location_approximate": crossing.approximate,
                    **_status(status),
                    "reports_considered": len(read.get(crossing.id, ())),
                },
            )
        )
    for report, place in new_crossings:
        status = gate_status(report.report_id, [report], now=now)
        features.append(
            _feature(
                f"new-{report.report_id}",
                [place["lon"], place["lat"]],
                {
                    "gate": None,
                    "new_crossing": True,
                    "name": place["name"],
                    "name_en": place["name"],
                    "name_my": None,
                    "name_zh": None,
                    "location_approximate": True,
                    **_status(status),
                    "reports_considered": 1,
                },
            )
        )
    return {"type": "FeatureCollection", "export": dict(meta), "features": features}


def _feature(feature_id: str, coordinates: list[float], props: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {"type": "Point", "coordinates": coordinates},
        "properties": props,
    }


def _status(status: GateStatus) -> dict[str, Any]:
    """The board's values, flags, times and per-aspect corroboration, flat."""
    sides = [status.aspects[a] for a in SIDES if status.aspects[a].value is not None]
    confirmed_times = [a.confirmed_at for a in sides if a.confirmed_at is not None]
    confirmed = min(confirmed_times) if confirmed_times else None
    last_change = status.last_change
    flat: dict[str, Any] = {"overall": status.overall.value}
    flat.update({_key(aspect): status.side(aspect) for aspect in ASPECTS})
    flat.update(
        {
            "conflict": status.has_conflict,
            "unverified_change": status.has_unverified_change,
            "last_change": None if last_change is None else format_utc(last_change),
            "last_confirmed": None if confirmed is None else format_utc(confirmed),
            "stale": status.stale,
        }
    )
    for aspect, detail in status.aspects.items():
        # Each aspect's own sources and grades: one side's count never with the other's grade.
        key = _key(aspect)
        flat[f"{key}_sources"] = detail.sources
        flat[f"{key}_reliability"] = (
            None if detail.best_reliability is None else detail.best_reliability.value
        )
        flat[f"{key}_credibility"] = detail.best_credibility
    return flat


def _key(aspect: str) -> str:
    return aspect.replace(".", "_")
