"""The desk's one way of showing a time: in Myanmar time (UTC+06:30, "MMT") by default, as
correspondents report and the briefing prints, or in this computer's zone when the editor
chooses it in Settings (kept in the store as ``desk.time_zone``). A time that stands alone
carries its zone ("2026-12-06 09:30 MMT"); a list names the zone once, in its header.

Naive times from a date-time picker are read in the same zone, so "what changed since
18:00" means 18:00 as shown.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from PySide6.QtCore import QDateTime

__all__ = [
    "LOCAL",
    "MYANMAR",
    "MYANMAR_TIME",
    "ZONES",
    "aware",
    "desk_time",
    "in_zone",
    "picker_time",
    "set_zone",
    "zone",
    "zone_label",
]

MYANMAR = "myanmar"
LOCAL = "local"
ZONES = (MYANMAR, LOCAL)
MYANMAR_TIME = timezone(timedelta(hours=6, minutes=30), "MMT")

_chosen = {"zone": MYANMAR}


def set_zone(name: str) -> None:
    """Show desk times in `name` (one of `ZONES`; anything else means Myanmar time)."""
    _chosen["zone"] = name if name in ZONES else MYANMAR


def zone() -> str:
    return _chosen["zone"]


def _tz() -> tzinfo | None:
    return MYANMAR_TIME if _chosen["zone"] == MYANMAR else None  # None: this computer's


def in_zone(moment: datetime) -> datetime:
    """`moment` (aware) in the desk's zone."""
    return moment.astimezone(_tz())


def zone_label(moment: datetime | None = None) -> str:
    """``MMT``, or this computer's offset at `moment` (default now) as ``UTC+07:00``."""
    if _chosen["zone"] == MYANMAR:
        return "MMT"
    offset = (moment or datetime.now()).astimezone().strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def desk_time(moment: datetime | None, *, with_zone: bool = False) -> str:
    """``2026-12-06 09:30`` in the desk's zone (``… MMT`` with `with_zone`); ``—`` for
    no time."""
    if moment is None:
        return "—"
    text = in_zone(moment).strftime("%Y-%m-%d %H:%M")
    return f"{text} {zone_label(moment)}" if with_zone else text


def aware(naive: datetime) -> datetime:
    """A picker's naive time, read in the desk's zone."""
    if naive.tzinfo is not None:
        return naive
    chosen = _tz()
    return naive.astimezone() if chosen is None else naive.replace(tzinfo=chosen)


def picker_time(moment: datetime) -> QDateTime:
    """`moment` as a picker shows it: its wall time in the desk's zone."""
    shown = in_zone(moment)
    return QDateTime.fromString(shown.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")
