"""Photo import benchmark: the time to clean a 12-megapixel JPEG, and its thumbnail.

Run with `.venv/bin/python -m bench.photo_bench`. The photo is a 4000x3000 JPEG with
photo-like entropy (about 5 MB) carrying EXIF with GPS and a thumbnail, XMP, IPTC, an ICC
profile and a comment, built by the tests' own fixture. It prints the median time of
`import_photo` (decode, orient, scale to 2560 px, re-encode) and of `make_thumbnail`
against the limit a correspondent can wait per photo; it asserts nothing and writes nothing.
"""

from __future__ import annotations

import argparse

from bench.common import median_seconds, result
from desktop.services.photos import import_photo, make_thumbnail
from tests.helpers.photos import twelve_megapixel_jpeg

IMPORT_LIMIT_SECONDS = 1.0
THUMBNAIL_LIMIT_SECONDS = 0.25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = twelve_megapixel_jpeg()
    photo = import_photo(data)  # warm-up: plugin loading is not what is measured
    print(
        f"input {len(data) / 1e6:.1f} MB 4000x3000 -> output {len(photo.data) / 1e6:.2f} MB "
        f"{photo.width}x{photo.height}"
    )
    for figure in (
        result(
            "photo import, 12 MP JPEG",
            median_seconds(lambda: import_photo(data), args.repeat),
            "s",
            IMPORT_LIMIT_SECONDS,
        ),
        result(
            "photo thumbnail 256 px, 12 MP JPEG",
            median_seconds(lambda: make_thumbnail(data), args.repeat),
            "s",
            THUMBNAIL_LIMIT_SECONDS,
        ),
    ):
        print(figure.show())


if __name__ == "__main__":
    main()
