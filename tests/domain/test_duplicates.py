"""Duplicates: reports telling of one observation are grouped (measured on a generated set
with known duplicates), their independent sources counted as the board counts them, and
photos that are the same picture found by their difference hash."""

from __future__ import annotations

import io
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image, ImageDraw

from desktop.domain.desk.board_report import BoardReport
from desktop.domain.desk.duplicates import (
    PHOTO_DISTANCE,
    facts_agree,
    group_duplicates,
    hamming,
    pair_scores,
    same_photos,
)
from desktop.domain.desk.review import ReviewState
from desktop.services.desk.photo_hash import dhash
from desktop.services.photos import PhotoError, import_photo

T0 = datetime(2024, 11, 1, tzinfo=UTC)
SIDES = ("open", "closed", "restricted")
TRAFFIC = ("civilians", "cargo_trucks", "fuel_chemical_imports")


def report(
    gate: str, at: datetime, values: dict[str, str], device: str, pseudonym: str | None = None
) -> BoardReport:
    return BoardReport(
        report_id=str(uuid.uuid4()),
        gate=gate,
        observed_at=at,
        state=ReviewState.NEW,
        device_id=device,
        values=values,
        pseudonym=pseudonym,
    )


def generated(seed: int, observations: int = 300) -> tuple[list[BoardReport], list[list[str]]]:
    """Observations at eight crossings over 30 days, each told by one to four reports
    from different devices within four hours, each report leaving some facts unknown;
    returns the reports and the known groups."""
    rng = random.Random(seed)  # noqa: S311 (test data, not a secret)
    reports: list[BoardReport] = []
    truth: list[list[str]] = []
    for number in range(observations):
        gate = f"gate-{rng.randrange(8)}"
        at = T0 + timedelta(minutes=rng.randrange(30 * 24 * 60))
        facts = {
            "china_side": rng.choice(SIDES),
            "myanmar_side": rng.choice(SIDES),
            **{f"traffic.{k}": rng.choice(("allowed", "blocked")) for k in TRAFFIC},
        }
        told = []
        for copy in range(rng.choice((1, 1, 2, 2, 3, 4))):
            kept = {k: v for k, v in facts.items() if rng.random() < 0.6}
            side = rng.choice(("china_side", "myanmar_side"))
            kept[side] = facts[side]  # every report says something about a side
            offset = timedelta(minutes=rng.randrange(4 * 60))
            told.append(report(gate, at + offset, kept, f"gw-{number:04d}{copy}"))
        reports += told
        if len(told) >= 2:
            truth.append([r.report_id for r in told])
    rng.shuffle(reports)
    return reports, truth


def test_facts_agree_where_both_speak() -> None:
    assert facts_agree({"china_side": "open"}, {"china_side": "open", "myanmar_side": "closed"})
    assert not facts_agree({"china_side": "open"}, {"china_side": "closed"})
    assert not facts_agree({"china_side": "open"}, {"myanmar_side": "open"})  # nothing shared


def test_groups_respect_the_crossing_the_window_and_disagreement() -> None:
    same = {"china_side": "closed", "myanmar_side": "open"}
    first = report("laiza", T0, same, "gw-1", "trader")
    again = report("laiza", T0 + timedelta(hours=1), same, "gw-1", "trader")  # one source
    second = report("laiza", T0 + timedelta(hours=2), {"china_side": "closed"}, "gw-2")
    disagrees = report("laiza", T0 + timedelta(hours=2), {"china_side": "open"}, "gw-3")
    elsewhere = report("muse", T0, same, "gw-4")
    too_late = report("laiza", T0 + timedelta(hours=7), same, "gw-5")
    groups = group_duplicates([too_late, elsewhere, disagrees, second, again, first])
    assert [(g.gate, g.report_ids, g.sources) for g in groups] == [
        ("laiza", (first.report_id, again.report_id, second.report_id), 2)
    ]
    assert groups[0].lead == first.report_id


def test_precision_and_recall_on_a_generated_set_with_known_duplicates() -> None:
    scores = []
    for seed in (1, 2, 3):
        reports, truth = generated(seed)
        groups = group_duplicates(reports)
        scores.append(pair_scores([g.report_ids for g in groups], truth))
    precision = min(p for p, _ in scores)
    recall = min(r for _, r in scores)
    print(f"duplicates: precision {precision:.3f}, recall {recall:.3f} (worst of 3 sets)")
    assert precision >= 0.9
    assert recall >= 0.9


def picture(seed: int) -> Image.Image:
    rng = random.Random(seed)  # noqa: S311
    image = Image.new("RGB", (640, 480), (rng.randrange(256), 90, 160))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(600), rng.randrange(440)
        size = rng.randrange(40, 200)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + size, y + size // 2), fill=colour)
    return image


def encoded(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def test_the_same_picture_is_found_after_stripping_and_re_encoding() -> None:
    photos = {}
    for seed in range(20):
        image = picture(seed)
        photos[f"r{seed}"] = dhash(import_photo(encoded(image, quality=92)).data)
        # The same picture sent by another device: smaller, re-compressed, a PNG.
        smaller = image.resize((320, 240))
        photos[f"copy{seed}"] = dhash(import_photo(encoded(smaller, "JPEG", quality=40)).data)
        photos[f"png{seed}"] = dhash(import_photo(encoded(image, "PNG")).data)
    triples = [(name, 0, value) for name, value in photos.items()]
    found = {frozenset({a[0], b[0]}) for a, b in same_photos(triples)}
    expected = set()
    for seed in range(20):
        trio = [f"r{seed}", f"copy{seed}", f"png{seed}"]
        expected |= {frozenset({a, b}) for a in trio for b in trio if a < b}
    assert found == expected
    assert hamming(photos["r0"], photos["r1"]) > PHOTO_DISTANCE
    with pytest.raises(PhotoError):
        dhash(b"not a picture")
