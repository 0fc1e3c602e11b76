"""Translatable names for every value of the report vocabulary, shown in forms and details.

The JSON values (desktop/domain/vocabulary.py) never change with the language; these are
what people read.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from desktop.domain.vocabulary import (
    Barrier,
    CivilianPassage,
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
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def label(value: StrEnum) -> str:
    """The translated name of one vocabulary value."""
    return _labels()[type(value)][value.value]


def help_text(field: str) -> str:
    """Plain-words help for a form field."""
    texts = {
        "gate": _t("The crossing you saw or heard about. Type any spelling, in any language."),
        "observed_at": _t("When it was seen, in your local time. Not when you write it down."),
        "sides": _t("Each side opens and closes on its own. Choose unknown if you are not sure."),
        "traffic": _t("What may pass through the gate right now."),
        "civilian_passage": _t("If only some people may cross, whose citizens are they?"),
        "controlled_by": _t("Who holds the Myanmar side of the gate."),
        "barrier": _t("What blocks the road on the Myanmar side, if anything."),
        "how_known": _t("How do you know? Your own eyes, a source, a document, social media."),
        "source": _t(
            "Never a name. Only what kind of person told you, how reliable they have been "
            "(A best, F cannot judge) and how likely this is true (1 confirmed, 6 cannot judge)."
        ),
        "pseudonym": _t(
            "A made-up name so editors can count independent sources. Use the same one for "
            "the same person."
        ),
        "narrative": _t("What happened, in any language. Leave out names and phone numbers."),
        "prices": _t("Prices you saw or heard, e.g. diesel 4500 kyat a litre."),
    }
    return texts[field]


def _labels() -> dict[type[StrEnum], dict[str, str]]:
    # Built on each call so a language switch takes effect at once.
    return {
        SideStatus: {
            "open": _t("open"),
            "closed": _t("closed"),
            "restricted": _t("restricted"),
            "unknown": _t("unknown"),
        },
        TrafficStatus: {
            "allowed": _t("allowed"),
            "blocked": _t("blocked"),
            "unknown": _t("unknown"),
        },
        TrafficKind: {
            "civilians": _t("Civilians"),
            "traders_goods": _t("Traders and goods"),
            "cargo_trucks": _t("Cargo trucks"),
            "rare_earth_exports": _t("Rare-earth exports"),
            "fuel_chemical_imports": _t("Fuel and chemical imports"),
            "food_construction": _t("Food and building materials"),
            "humanitarian": _t("Humanitarian aid"),
        },
        CivilianPassage: {
            "all": _t("everyone"),
            "chinese_citizens_only": _t("Chinese citizens only"),
            "myanmar_citizens_only": _t("Myanmar citizens only"),
            "unknown": _t("unknown"),
        },
        Controller: {
            "kia": _t("KIA"),
            "myanmar_military": _t("Myanmar military"),
            "border_guard_force": _t("Border guard force or militia"),
            "other": _t("other"),
            "unknown": _t("unknown"),
        },
        Barrier: {
            "barbed_wire": _t("barbed wire"),
            "wood_barricade": _t("wood barricade"),
            "bamboo_barricade": _t("bamboo barricade"),
            "troops": _t("troops"),
            "vehicles": _t("vehicles"),
            "other": _t("other"),
        },
        Shortage: {
            "fuel": _t("fuel"),
            "food": _t("food"),
            "rice": _t("rice"),
            "cooking_oil": _t("cooking oil"),
            "medicine": _t("medicine"),
            "construction_materials": _t("building materials"),
            "household_goods": _t("household goods"),
            "mining_inputs": _t("mining inputs"),
            "cash": _t("cash"),
            "other": _t("other"),
        },
        PriceUnit: {
            "litre": _t("litre"),
            "gallon": _t("gallon"),
            "bottle": _t("bottle"),
            "kg": _t("kg"),
            "viss": _t("viss"),
            "bag": _t("bag"),
            "sack": _t("sack"),
            "piece": _t("piece"),
            "tonne": _t("tonne"),
            "trip": _t("trip"),
            "other": _t("other"),
        },
        Currency: {"MMK": _t("kyat (MMK)"), "CNY": _t("yuan (CNY)")},
        HowKnown: {
            "witnessed": _t("I saw it"),
            "source_account": _t("A source told me"),
            "document_or_photo": _t("A document or photo"),
            "social_media": _t("Social media"),
        },
        SourceCategory: {
            "resident": _t("resident"),
            "trader": _t("trader"),
            "driver": _t("driver"),
            "mine_worker": _t("mine worker"),
            "armed_group_affiliate": _t("close to an armed group"),
            "official": _t("official"),
            "aid_worker": _t("aid worker"),
            "other": _t("other"),
        },
        Reliability: {
            "A": _t("A: completely reliable"),
            "B": _t("B: usually reliable"),
            "C": _t("C: fairly reliable"),
            "D": _t("D: not usually reliable"),
            "E": _t("E: unreliable"),
            "F": _t("F: cannot be judged"),
        },
    }


def credibility_label(value: int) -> str:
    names = {
        1: _t("1: confirmed by other sources"),
        2: _t("2: probably true"),
        3: _t("3: possibly true"),
        4: _t("4: doubtful"),
        5: _t("5: improbable"),
        6: _t("6: cannot be judged"),
    }
    return names[value]
