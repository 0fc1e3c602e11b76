"""The free-text fields of a report body, by name: what the Zawgyi check and the
personal-details guard look at, and what a conversion may rewrite.

A body here is the report's JSON object as typed (it may not validate yet). Names are the
paths the validator uses: ``narrative``, ``new_crossing.name``,
``new_crossing.description``, ``prices[N].commodity``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["free_text_fields", "map_free_texts"]


def _slots(body: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any], str]]:
    """(name, the object holding it, its key) for every free-text field that holds text."""
    slots: list[tuple[str, Mapping[str, Any], str]] = [("narrative", body, "narrative")]
    crossing = body.get("new_crossing")
    if isinstance(crossing, Mapping):
        slots += [(f"new_crossing.{k}", crossing, k) for k in ("name", "description")]
    prices = body.get("prices")
    if isinstance(prices, list):
        slots += [
            (f"prices[{i}].commodity", price, "commodity")
            for i, price in enumerate(prices)
            if isinstance(price, Mapping)
        ]
    return [(name, holder, key) for name, holder, key in slots if isinstance(holder.get(key), str)]


def free_text_fields(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (name, text) of every free-text field of `body` that holds text."""
    return [(name, holder[key]) for name, holder, key in _slots(body)]


def map_free_texts(body: Mapping[str, Any], change: Callable[[str, str], str]) -> dict[str, Any]:
    """A deep copy of `body` with each free-text field replaced by `change(name, text)`."""
    result: dict[str, Any] = copy.deepcopy(dict(body))
    for name, holder, key in _slots(result):
        holder[key] = change(name, holder[key])  # type: ignore[index]
    return result
