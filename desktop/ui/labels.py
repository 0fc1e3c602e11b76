"""Translatable names for every value of the report vocabulary, shown in forms and details.

The JSON values (desktop/domain/vocabulary.py) never change with the language; these are
what people read.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
    Commodity,
    Controller,
    Currency,
    HowKnown,
    PriceUnit,
    Reliability,
    Shortage,
    SideStatus,
    SourceCategory,
    TrafficKind,
    TrafficStatus,
    commodity_code,
)


def label(value: StrEnum) -> str:
    """The translated name of one vocabulary value."""
    return _labels()[type(value)][value.value]


def help_text(field: str) -> str:
    """Plain-words help for a form field."""
    texts = {
        "gate": QCoreApplication.translate(
            "Labels", "The crossing you saw or heard about. Type any spelling, in any language."
        ),
        "observed_at": QCoreApplication.translate(
            "Labels", "When it was seen, in your local time. Not when you write it down."
        ),
        "sides": QCoreApplication.translate(
            "Labels", "Each side opens and closes on its own. Choose unknown if you are not sure."
        ),
        "traffic": QCoreApplication.translate(
            "Labels", "What may pass through the gate right now."
        ),
        "civilian_passage": QCoreApplication.translate(
            "Labels", "If only some people may cross, whose citizens are they?"
        ),
        "controlled_by": QCoreApplication.translate(
            "Labels", "Who holds the Myanmar side of the gate."
        ),
        "barrier": QCoreApplication.translate(
            "Labels", "What blocks the road on the Myanmar side, if anything."
        ),
        "how_known": QCoreApplication.translate(
            "Labels", "How do you know? Your own eyes, a source, a document, social media."
        ),
        "source": QCoreApplication.translate(
            "Labels",
            "Never a name. Only what kind of person told you, and how far to trust them and "
            "what they said (each grade is explained below).",
        ),
        "pseudonym": QCoreApplication.translate(
            "Labels",
            "A made-up name so editors can count independent sources. Use the same one for "
            "the same person.",
        ),
        "narrative": QCoreApplication.translate(
            "Labels", "What happened, in any language. Leave out names and phone numbers."
        ),
        "prices": QCoreApplication.translate(
            "Labels", "Prices you saw or heard, e.g. diesel 4500 kyat a litre."
        ),
    }
    return texts[field]


def _labels() -> dict[type[StrEnum], dict[str, str]]:
    # Built on each call so a language switch takes effect at once.
    return {
        SideStatus: {
            "open": QCoreApplication.translate("Labels", "open"),
            "closed": QCoreApplication.translate("Labels", "closed"),
            "restricted": QCoreApplication.translate("Labels", "restricted"),
            "unknown": QCoreApplication.translate("Labels", "unknown"),
        },
        TrafficStatus: {
            "allowed": QCoreApplication.translate("Labels", "allowed"),
            "blocked": QCoreApplication.translate("Labels", "blocked"),
            "unknown": QCoreApplication.translate("Labels", "unknown"),
        },
        TrafficKind: {
            "civilians": QCoreApplication.translate("Labels", "Civilians"),
            "traders_goods": QCoreApplication.translate("Labels", "Traders and goods"),
            "cargo_trucks": QCoreApplication.translate("Labels", "Cargo trucks"),
            "rare_earth_exports": QCoreApplication.translate("Labels", "Rare-earth exports"),
            "fuel_chemical_imports": QCoreApplication.translate(
                "Labels", "Fuel and chemical imports"
            ),
            "food_construction": QCoreApplication.translate(
                "Labels", "Food and building materials"
            ),
            "humanitarian": QCoreApplication.translate("Labels", "Humanitarian aid"),
        },
        CivilianPassage: {
            "all": QCoreApplication.translate("Labels", "everyone"),
            "chinese_citizens_only": QCoreApplication.translate("Labels", "Chinese citizens only"),
            "myanmar_citizens_only": QCoreApplication.translate("Labels", "Myanmar citizens only"),
            "unknown": QCoreApplication.translate("Labels", "unknown"),
        },
        Controller: {
            "kia": QCoreApplication.translate("Labels", "KIA"),
            "myanmar_military": QCoreApplication.translate("Labels", "Myanmar military"),
            "border_guard_force": QCoreApplication.translate(
                "Labels", "Border guard force or militia"
            ),
            "other": QCoreApplication.translate("Labels", "other"),
            "unknown": QCoreApplication.translate("Labels", "unknown"),
        },
        Barrier: {
            "barbed_wire": QCoreApplication.translate("Labels", "barbed wire"),
            "wood_barricade": QCoreApplication.translate("Labels", "wood barricade"),
            "bamboo_barricade": QCoreApplication.translate("Labels", "bamboo barricade"),
            "troops": QCoreApplication.translate("Labels", "troops"),
            "vehicles": QCoreApplication.translate("Labels", "vehicles"),
            "other": QCoreApplication.translate("Labels", "other"),
        },
        Shortage: {
            "fuel": QCoreApplication.translate("Labels", "fuel"),
            "food": QCoreApplication.translate("Labels", "food"),
            "rice": QCoreApplication.translate("Labels", "rice"),
            "cooking_oil": QCoreApplication.translate("Labels", "cooking oil"),
            "medicine": QCoreApplication.translate("Labels", "medicine"),
            "construction_materials": QCoreApplication.translate("Labels", "building materials"),
            "household_goods": QCoreApplication.translate("Labels", "household goods"),
            "mining_inputs": QCoreApplication.translate("Labels", "mining inputs"),
            "cash": QCoreApplication.translate("Labels", "cash"),
            "other": QCoreApplication.translate("Labels", "other"),
        },
        PriceUnit: {
            "litre": QCoreApplication.translate("Labels", "litre"),
            "gallon": QCoreApplication.translate("Labels", "gallon"),
            "bottle": QCoreApplication.translate("Labels", "bottle"),
            "kg": QCoreApplication.translate("Labels", "kg"),
            "viss": QCoreApplication.translate("Labels", "viss"),
            "bag": QCoreApplication.translate("Labels", "bag"),
            "sack": QCoreApplication.translate("Labels", "sack"),
            "piece": QCoreApplication.translate("Labels", "piece"),
            "tonne": QCoreApplication.translate("Labels", "tonne"),
            "trip": QCoreApplication.translate("Labels", "trip"),
            "other": QCoreApplication.translate("Labels", "other"),
        },
        Currency: {
            "MMK": QCoreApplication.translate("Labels", "kyat (MMK)"),
            "CNY": QCoreApplication.translate("Labels", "yuan (CNY)"),
        },
        HowKnown: {
            "witnessed": QCoreApplication.translate("Labels", "I saw it"),
            "source_account": QCoreApplication.translate("Labels", "A source told me"),
            "document_or_photo": QCoreApplication.translate("Labels", "A document or photo"),
            "social_media": QCoreApplication.translate("Labels", "Social media"),
        },
        SourceCategory: {
            "resident": QCoreApplication.translate("Labels", "resident"),
            "trader": QCoreApplication.translate("Labels", "trader"),
            "driver": QCoreApplication.translate("Labels", "driver"),
            "mine_worker": QCoreApplication.translate("Labels", "mine worker"),
            "armed_group_affiliate": QCoreApplication.translate(
                "Labels", "close to an armed group"
            ),
            "official": QCoreApplication.translate("Labels", "official"),
            "aid_worker": QCoreApplication.translate("Labels", "aid worker"),
            "other": QCoreApplication.translate("Labels", "other"),
        },
        Commodity: {
            "diesel": QCoreApplication.translate("Labels", "diesel"),
            "petrol": QCoreApplication.translate("Labels", "petrol"),
            "rice": QCoreApplication.translate("Labels", "rice"),
            "cooking_oil": QCoreApplication.translate("Labels", "cooking oil"),
            "sugar": QCoreApplication.translate("Labels", "sugar"),
            "salt": QCoreApplication.translate("Labels", "salt"),
            "cooking_gas": QCoreApplication.translate("Labels", "cooking gas"),
            "cement": QCoreApplication.translate("Labels", "cement"),
            "medicine": QCoreApplication.translate("Labels", "medicine"),
        },
        Reliability: {
            "A": QCoreApplication.translate("Labels", "A: completely reliable"),
            "B": QCoreApplication.translate("Labels", "B: usually reliable"),
            "C": QCoreApplication.translate("Labels", "C: fairly reliable"),
            "D": QCoreApplication.translate("Labels", "D: not usually reliable"),
            "E": QCoreApplication.translate("Labels", "E: unreliable"),
            "F": QCoreApplication.translate("Labels", "F: cannot be judged"),
        },
    }


def commodity_label(text: str) -> str:
    """A price's commodity as people read it: the translated name of a vocabulary code,
    else the correspondent's own words."""
    code = commodity_code(text)
    return label(code) if code is not None else text


def credibility_label(value: int) -> str:
    names = {
        1: QCoreApplication.translate("Labels", "1: confirmed by other sources"),
        2: QCoreApplication.translate("Labels", "2: probably true"),
        3: QCoreApplication.translate("Labels", "3: possibly true"),
        4: QCoreApplication.translate("Labels", "4: doubtful"),
        5: QCoreApplication.translate("Labels", "5: improbable"),
        6: QCoreApplication.translate("Labels", "6: cannot be judged"),
    }
    return names[value]


def stored_label(kind: type[StrEnum], value: object) -> str | None:
    """The label of a stored vocabulary value; None for a value the vocabulary lacks."""
    if not isinstance(value, str):
        return None
    try:
        return label(kind(value))
    except ValueError:
        return None


def price_text(price: Mapping[str, object]) -> str:
    """A stored price as people read it: "Diesel: 4,500 kyat (MMK) / litre"."""
    amount = price.get("amount")
    amount_text = f"{amount:,}" if isinstance(amount, int | float) else "?"
    currency = stored_label(Currency, price.get("currency")) or ""
    unit = stored_label(PriceUnit, price.get("unit")) or ""
    return f"{commodity_label(str(price.get('commodity', '')))}: {amount_text} {currency} / {unit}"


def source_grades(source: Mapping[str, object]) -> list[str]:
    """A stored source's category, reliability and credibility, in words, as known."""
    bits = [
        stored_label(SourceCategory, source.get("category")),
        stored_label(Reliability, source.get("reliability")),
    ]
    credibility = source.get("credibility")
    if isinstance(credibility, int) and 1 <= credibility <= 6:
        bits.append(credibility_label(credibility))
    return [bit for bit in bits if bit]
