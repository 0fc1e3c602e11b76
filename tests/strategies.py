"""Hypothesis strategies for valid reports, shared by the domain and store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType

from hypothesis import strategies as st

from desktop.domain.pseudonym import ADJECTIVES, NOUNS
from desktop.domain.report import (
    MAX_AMOUNT,
    NewCrossing,
    Price,
    ReportContent,
    Source,
)
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

GATES = ("laiza", "mai_ja_yang", "lweje", "pang_war", "kanpaiti", "hpimaw")

# Any encodable character but controls (refused, except newline and tab) and surrogates,
# everything NFC so a round trip through the validator is the identity.
_text_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs"),
    include_characters="\n\t",
)


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)


texts = st.text(_text_chars, max_size=200).map(_nfc)
names = st.text(_text_chars, min_size=1, max_size=60).map(_nfc).filter(lambda s: s.strip() != "")

zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=6, minutes=30)), timezone(timedelta(hours=8))]
)
# Observations are refused more than 24 hours ahead of the clock: stay in the past.
moments = st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2025, 12, 31), timezones=zones
).map(lambda d: d.astimezone(UTC))

amounts = st.one_of(
    st.integers(min_value=0, max_value=MAX_AMOUNT),
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
)
prices = st.builds(
    Price,
    commodity=names,
    unit=st.sampled_from(PriceUnit),
    amount=amounts,
    currency=st.sampled_from(Currency),
)
sources = st.builds(
    Source,
    category=st.sampled_from(SourceCategory),
    reliability=st.sampled_from(Reliability),
    credibility=st.integers(1, 6),
    pseudonym=st.none()
    | st.builds(
        "{}-{}-{:02d}".format,
        st.sampled_from(ADJECTIVES),
        st.sampled_from(NOUNS),
        st.integers(0, 99),
    ),
)
crossings = st.builds(
    NewCrossing,
    name=names,
    lat=st.none(),
    lon=st.none(),
    description=st.none() | texts.filter(bool),
) | st.builds(
    NewCrossing,
    name=names,
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    description=st.none(),
)


def _unique(items: list[object]) -> tuple[object, ...]:
    return tuple(dict.fromkeys(items))


@st.composite
def report_contents(draw: st.DrawFn) -> ReportContent:
    on_gazetteer = draw(st.booleans())
    how_known = draw(st.sampled_from(HowKnown))
    source = draw(sources) if how_known is HowKnown.SOURCE_ACCOUNT else draw(st.none() | sources)
    return ReportContent(
        observed_at=draw(moments),
        china_side=draw(st.sampled_from(SideStatus)),
        myanmar_side=draw(st.sampled_from(SideStatus)),
        how_known=how_known,
        gate=draw(st.sampled_from(GATES)) if on_gazetteer else None,
        new_crossing=None if on_gazetteer else draw(crossings),
        traffic=MappingProxyType(
            {kind: draw(st.sampled_from(TrafficStatus)) for kind in TrafficKind}
        ),
        civilian_passage=draw(st.sampled_from(CivilianPassage)),
        controlled_by=draw(st.sampled_from(Controller)),
        barrier=_unique(draw(st.lists(st.sampled_from(Barrier), max_size=4))),  # type: ignore[arg-type]
        shortages=_unique(draw(st.lists(st.sampled_from(Shortage), max_size=4))),  # type: ignore[arg-type]
        prices=tuple(draw(st.lists(prices, max_size=4))),
        people_stranded=draw(st.none() | st.integers(0, 10**7)),
        source=source,
        narrative=draw(texts),
    )
