"""The closed vocabularies of a report: every enumerated value the JSON form accepts.

The string values are part of the external JSON interface (docs/report-format.md):
renaming one breaks stored reports, exports and the newsroom's tools.
"""

from __future__ import annotations

from enum import StrEnum


class SideStatus(StrEnum):
    """The state of one side of a crossing."""

    OPEN = "open"
    CLOSED = "closed"
    RESTRICTED = "restricted"
    UNKNOWN = "unknown"


class TrafficStatus(StrEnum):
    """Whether one kind of traffic may pass."""

    ALLOWED = "allowed"
    BLOCKED = "blocked"
    UNKNOWN = "unknown"


class TrafficKind(StrEnum):
    """The kinds of traffic a report speaks of, in the order forms show them."""

    CIVILIANS = "civilians"
    TRADERS_GOODS = "traders_goods"
    CARGO_TRUCKS = "cargo_trucks"
    RARE_EARTH_EXPORTS = "rare_earth_exports"
    FUEL_CHEMICAL_IMPORTS = "fuel_chemical_imports"
    FOOD_CONSTRUCTION = "food_construction"
    HUMANITARIAN = "humanitarian"


class CivilianPassage(StrEnum):
    """Whose citizens may cross, when civilians pass at all (e.g. Chinese mine workers only)."""

    ALL = "all"
    CHINESE_CITIZENS_ONLY = "chinese_citizens_only"
    MYANMAR_CITIZENS_ONLY = "myanmar_citizens_only"
    UNKNOWN = "unknown"


class Controller(StrEnum):
    """Who holds the Myanmar side."""

    KIA = "kia"
    MYANMAR_MILITARY = "myanmar_military"
    BORDER_GUARD_FORCE = "border_guard_force"
    OTHER = "other"
    UNKNOWN = "unknown"


class Barrier(StrEnum):
    """What physically stands in the way on the Myanmar side."""

    BARBED_WIRE = "barbed_wire"
    WOOD_BARRICADE = "wood_barricade"
    BAMBOO_BARRICADE = "bamboo_barricade"
    TROOPS = "troops"
    VEHICLES = "vehicles"
    OTHER = "other"


class Shortage(StrEnum):
    """Goods or services reported short in the border town."""

    FUEL = "fuel"
    FOOD = "food"
    RICE = "rice"
    COOKING_OIL = "cooking_oil"
    MEDICINE = "medicine"
    CONSTRUCTION_MATERIALS = "construction_materials"
    HOUSEHOLD_GOODS = "household_goods"
    MINING_INPUTS = "mining_inputs"
    CASH = "cash"
    OTHER = "other"


class PriceUnit(StrEnum):
    """Units prices are quoted in at the border (viss: the Myanmar weight, about 1.63 kg)."""

    LITRE = "litre"
    GALLON = "gallon"
    BOTTLE = "bottle"
    KG = "kg"
    VISS = "viss"
    BAG = "bag"
    SACK = "sack"
    PIECE = "piece"
    TONNE = "tonne"
    TRIP = "trip"
    OTHER = "other"


class Currency(StrEnum):
    """Currencies quoted at the border: kyat and yuan."""

    MMK = "MMK"
    CNY = "CNY"


class HowKnown(StrEnum):
    """How the correspondent knows what the report says."""

    WITNESSED = "witnessed"
    SOURCE_ACCOUNT = "source_account"
    DOCUMENT_OR_PHOTO = "document_or_photo"
    SOCIAL_MEDIA = "social_media"


class SourceCategory(StrEnum):
    """Who the source is, as a category only: never a name."""

    RESIDENT = "resident"
    TRADER = "trader"
    DRIVER = "driver"
    MINE_WORKER = "mine_worker"
    ARMED_GROUP_AFFILIATE = "armed_group_affiliate"
    OFFICIAL = "official"
    AID_WORKER = "aid_worker"
    OTHER = "other"


class Reliability(StrEnum):
    """Source reliability, A (reliable) to F (cannot be judged), as editors grade it."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Commodity(StrEnum):
    """Goods whose prices the form offers by name. A price's `commodity` stays text in the
    JSON form: one of these codes, or the correspondent's own words for anything else."""

    DIESEL = "diesel"
    PETROL = "petrol"
    RICE = "rice"
    COOKING_OIL = "cooking_oil"
    SUGAR = "sugar"
    SALT = "salt"
    COOKING_GAS = "cooking_gas"
    CEMENT = "cement"
    MEDICINE = "medicine"


def commodity_code(text: str) -> Commodity | None:
    """The vocabulary code a price's commodity text is, if it is one (any case, any spaces)."""
    key = text.strip().casefold().replace(" ", "_")
    return next((c for c in Commodity if c.value == key), None)
