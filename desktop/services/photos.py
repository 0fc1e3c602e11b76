"""Photo import: refuse what is not a photo, strip every piece of metadata, keep the pixels.

A photo can expose a source more surely than any sentence: GPS coordinates in EXIF, the
camera's serial number, an embedded thumbnail of the uncropped original, an editor's XMP
history, IPTC captions, JPEG comments, PNG text chunks, even an ICC profile naming the
phone model. `import_photo` therefore never copies metadata across: it decodes the
pixels, applies the EXIF orientation to them, downsizes, and encodes a brand-new file
from the pixels alone (docs/architecture.md, invariant 6).

Everything happens in memory: no path is ever handed to Pillow and no temporary file is
created, so nothing of the photo is left on disk outside the encrypted store
(invariant 1). JPEG, PNG, WebP and HEIC/HEIF (what phones take and share; HEIF decoded
by pi-heif) are accepted, recognised by their first bytes, never by a file name. What
is kept is JPEG or PNG: a WebP or HEIF becomes a PNG when it has transparency, a JPEG
otherwise.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from PIL import Image, ImageCms, ImageOps

from desktop.services.photo_errors import PhotoError

__all__ = [
    "DEFAULT_MAX_EDGE",
    "DEFAULT_MAX_INPUT_BYTES",
    "DEFAULT_MAX_PIXELS",
    "CleanPhoto",
    "MediaType",
    "PhotoError",
    "import_photo",
    "make_thumbnail",
    "read_photo_file",
    "sniff_media_type",
]

MediaType = Literal["image/jpeg", "image/png"]

DEFAULT_MAX_EDGE: Final = 2560
DEFAULT_MAX_INPUT_BYTES: Final = 40 * 1024 * 1024
DEFAULT_MAX_PIXELS: Final = 80_000_000
JPEG_QUALITY: Final = 90

_JPEG_MAGIC: Final = b"\xff\xd8\xff"
_PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_FORMATS: Final[dict[MediaType, str]] = {"image/jpeg": "JPEG", "image/png": "PNG"}
_ALPHA_MODES: Final = ("RGBA", "LA")
# ISO base media file brands of HEIF still images with HEVC pictures (iPhone: heic, mif1).
# AVIF shares the container (mif1 + avif) and is refused: no AVIF decoder is bundled.
_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
)
_CONVERTED: Final = ("WEBP", "HEIF")  # formats that become PNG or JPEG by their alpha


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded photo with no metadata: what the store keeps and what leaves the device."""

    data: bytes
    media_type: MediaType
    width: int
    height: int


def sniff_media_type(data: bytes) -> MediaType | None:
    """Return the media type the first bytes announce (JPEG or PNG), or None for anything else."""
    if data.startswith(_JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(_PNG_MAGIC):
        return "image/png"
    return None


def _input_format(data: bytes) -> str | None:
    """The Pillow format the first bytes announce: JPEG, PNG, WEBP or HEIF; None for others."""
    media_type = sniff_media_type(data)
    if media_type is not None:
        return _FORMATS[media_type]
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if _is_heif(data):
        _register_heif()
        return "HEIF"
    return None


def _is_heif(data: bytes) -> bool:
    """An ISO base media `ftyp` box naming a HEVC still-image brand, and not AVIF."""
    if data[4:8] != b"ftyp":
        return False
    size = int.from_bytes(data[:4], "big")
    if not 16 <= size <= min(len(data), 256):
        return False
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, size - 3, 4)}
    return bool(brands & _HEIF_BRANDS) and b"avif" not in brands and b"avis" not in brands


def _register_heif() -> None:
    """Teach Pillow HEIF on first use (importing libheif costs start-up time), with pi-heif's
    decoder even where another HEIF plugin registered itself first."""
    import pi_heif

    opener = Image.OPEN.get("HEIF")
    if opener is None or not opener[0].__module__.startswith("pi_heif"):
        pi_heif.register_heif_opener()


def read_photo_file(path: Path, max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> bytes:
    """Read at most `max_input_bytes` of the file at `path` and return its bytes.

    Raises PhotoError("unreadable") when the file is missing, is a folder or cannot be read,
    and PhotoError("too_large") when it holds more than `max_input_bytes` (without reading
    the rest). Does not check the content: `import_photo` does.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(max_input_bytes + 1)
    except FileNotFoundError:
        raise PhotoError(
            "unreadable", "The photo file was not found. It may have been moved: choose it again."
        ) from None
    except IsADirectoryError:
        raise PhotoError(
            "unreadable", "That is a folder, not a photo: choose a photo file."
        ) from None
    except PermissionError:
        raise PhotoError(
            "unreadable",
            "The photo file cannot be opened: you have no permission to read it. "
            "Copy it somewhere you can read it, or choose another photo.",
        ) from None
    except OSError:
        raise PhotoError(
            "unreadable",
            "The photo file could not be read. If it is on a memory card or a phone, "
            "copy it to the computer first and try again.",
        ) from None
    if len(data) > max_input_bytes:
        raise _too_large(max_input_bytes)
    return data


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} bytes"


def _too_large(max_input_bytes: int) -> PhotoError:
    return PhotoError(
        "too_large",
        f"The photo is larger than {_human_size(max_input_bytes)}. "
        "Make a smaller copy (for example by sharing it from the phone at a smaller size) "
        "and add that one.",
    )


def _refuse_unsupported() -> PhotoError:
    return PhotoError(
        "unsupported",
        "Only JPEG, PNG, WebP and HEIC photos can be added. Open the picture in a photo app, "
        "save or export it as JPEG, and add that copy.",
    )


def _refuse_broken() -> PhotoError:
    return PhotoError(
        "broken",
        "The photo is damaged or incomplete and cannot be opened. Copy it again from the "
        "phone or camera, and add the new copy.",
    )


def _refuse_pixels(max_pixels: int) -> PhotoError:
    return PhotoError(
        "too_many_pixels",
        f"The picture has more than {max_pixels / 1_000_000:.0f} million pixels, more than any "
        "camera photo: it may be a damaged or hostile file. Add a normal photo instead.",
    )


# What Pillow raises for a file it cannot read, however it is damaged.
_DECODE_ERRORS: Final = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError)


def import_photo(
    data: bytes,
    *,
    max_edge: int = DEFAULT_MAX_EDGE,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> CleanPhoto:
    """Return a clean copy of the JPEG, PNG, WebP or HEIC/HEIF photo in `data`.

    What happens, in order: the input size is checked (`max_input_bytes`); the type is
    sniffed from the first bytes (JPEG, PNG, WebP or HEIF, nothing else); the header's pixel
    count is checked against `max_pixels` before any pixel is decoded (decompression bombs); the
    image is decoded, rotated/flipped as its EXIF orientation says, converted to sRGB if it
    carries an ICC profile, scaled down so its longest edge is at most `max_edge`, and
    encoded anew. A JPEG comes back as a baseline JPEG (quality 90, RGB or greyscale) whose
    only APPn segment is the JFIF APP0; a PNG comes back as a PNG (RGB, RGBA, L or LA) with
    only IHDR, IDAT and IEND chunks. No EXIF, GPS, thumbnail, XMP, IPTC, ICC profile,
    comment, text chunk or timestamp is ever copied. Animated PNGs keep their first frame.
    A WebP or HEIF comes back as a PNG when it has transparency, else as a JPEG (its first
    frame; a HEIF's primary image, turned as its container says).

    Raises PhotoError ("too_large", "unsupported", "too_many_pixels", "broken") with a
    message that says what to do. Never writes to disk and never reads from it.
    """
    if max_edge < 1:
        raise ValueError("max_edge must be at least 1")
    if len(data) > max_input_bytes:
        raise _too_large(max_input_bytes)
    input_format = _input_format(data)
    if input_format is None:
        raise _refuse_unsupported()
    try:
        with warnings.catch_warnings():
            # Pillow warns (then refuses) past its own pixel limit; a warning here is a refusal.
            # (catch_warnings is process-wide: at worst a concurrent import also sees this filter.)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[input_format]) as opened:
                width, height = opened.size
                if width < 1 or height < 1:
                    raise _refuse_broken()
                if width * height > max_pixels:
                    raise _refuse_pixels(max_pixels)
                pixels = _decode(opened, max_edge)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse_pixels(max_pixels) from None
    except PhotoError:
        raise
    except _DECODE_ERRORS:
        raise _refuse_broken() from None
    if input_format == "JPEG" or (input_format in _CONVERTED and pixels.mode not in _ALPHA_MODES):
        return _encode(pixels, "image/jpeg")
    return _encode(pixels, "image/png")


def _decode(opened: Image.Image, max_edge: int) -> Image.Image:
    """Decode `opened` into an upright, sRGB, at most `max_edge` image with empty `info`."""
    icc = opened.info.get("icc_profile")
    scale = max_edge / max(opened.size)
    if scale < 1:
        # Lets libjpeg decode at 1/2, 1/4 or 1/8 scale when that is still at least the target
        # size: much faster for thumbnails. PNG ignores it.
        opened.draft(None, (math.ceil(opened.width * scale), math.ceil(opened.height * scale)))
    opened.load()
    image = ImageOps.exif_transpose(opened)
    image = _to_output_mode(image, opened.format in ("PNG", *_CONVERTED))
    if image.width > max_edge or image.height > max_edge:
        image.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    if isinstance(icc, bytes) and icc and image.mode in ("RGB", "RGBA"):
        image = _to_srgb(image, icc)
    # Nothing of the original's metadata may reach the encoder: Pillow's JPEG and PNG
    # writers fall back to `info` for the comment, the ICC profile and transparency.
    image.info.clear()
    return image


def _to_output_mode(image: Image.Image, png: bool) -> Image.Image:
    """Convert to a mode the encoder writes plainly: L or RGB, and LA or RGBA for a PNG."""
    mode = image.mode
    has_alpha = mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
    if mode.startswith("I;16") or mode in ("I", "F"):
        # 16-bit and deeper greyscale: scale to 8 bits instead of clipping to white.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        return image
    if mode == "1":
        return image.convert("L")
    if png and has_alpha:
        return image.convert("LA" if mode in ("L", "LA") else "RGBA")
    if mode == "L":
        return image
    return image.convert("RGB")


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert the pixels from the embedded profile to sRGB; keep them as they are on failure."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        converted = ImageCms.profileToProfile(image, source, target, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def _encode(image: Image.Image, media_type: MediaType) -> CleanPhoto:
    out = io.BytesIO()
    if media_type == "image/jpeg":
        image.save(
            out,
            "JPEG",
            quality=JPEG_QUALITY,
            optimize=True,
            progressive=False,
            exif=b"",
            comment=b"",
        )
    else:
        image.save(out, "PNG", compress_level=6)
    return CleanPhoto(out.getvalue(), media_type, image.width, image.height)


def make_thumbnail(data: bytes, edge: int = 256) -> bytes:
    """Return a JPEG or PNG (as the input) at most `edge` pixels on its longest side.

    Goes through `import_photo`, so it is upright, carries no metadata, is made in memory
    (no thumbnail cache on disk) and raises PhotoError for what `import_photo` refuses.
    """
    return import_photo(data, max_edge=edge).data
