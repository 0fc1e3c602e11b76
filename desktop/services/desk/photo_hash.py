"""A perceptual hash of a photo: the same picture re-encoded, resized or slightly
recoloured hashes to within a few bits (difference hash, "dHash": 9×8 grey, one bit per
neighbouring pair, brighter or not)."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from desktop.services.photos import PhotoError

HASH_BITS = 64


def dhash(data: bytes) -> int:
    """The 64-bit difference hash of an image file's bytes; `PhotoError` if it does not
    decode."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.draft("L", (64, 64))  # JPEG: decode at a fraction of the size
            small = image.convert("L").resize((9, 8), Image.Resampling.LANCZOS)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise PhotoError("broken", "the photo does not decode") from None
    pixels = small.tobytes()  # one byte per pixel ("L")
    value = 0
    for row in range(8):
        for column in range(8):
            left, right = pixels[row * 9 + column], pixels[row * 9 + column + 1]
            value = (value << 1) | int(left > right)
    return value
