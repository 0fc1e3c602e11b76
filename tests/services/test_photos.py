"""Photo import strips every piece of metadata, keeps the picture upright, never touches disk.

Invariant 6 of docs/architecture.md (and 1 for the disk). Every input is a real file built in
memory by tests/helpers/photos.py, checked first to really carry what must be removed.
"""

from __future__ import annotations

import builtins
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PIL import ExifTags, Image, ImageFile, IptcImagePlugin

from desktop.services.photos import (
    CleanPhoto,
    PhotoError,
    import_photo,
    make_thumbnail,
    read_photo_file,
    sniff_media_type,
)
from tests.helpers import photos
from tests.helpers.photos import BLUE, CANARIES, RED, jpeg_segments, png_chunks

APP0, APP1, APP2, APP13, APP15 = 0xE0, 0xE1, 0xE2, 0xED, 0xEF
COM, SOF0, SOF2, SOS = 0xFE, 0xC0, 0xC2, 0xDA
# Everything a clean JPEG may have before its scan: SOI, JFIF APP0, tables, baseline frame.
ALLOWED_JPEG_MARKERS = {0xD8, APP0, 0xDB, 0xC4, 0xDD, SOF0, SOS}
ALLOWED_PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
METADATA_MARKS = (
    b"Exif\x00\x00",
    b"http://ns.adobe.com/xap/1.0/",
    b"adobe:ns:meta",
    b"ICC_PROFILE",
    b"Photoshop 3.0",
    b"8BIM",
    b"CanaryPhone",
)


@pytest.fixture(scope="module")
def metadata_jpeg() -> bytes:
    return photos.jpeg_with_metadata()


@pytest.fixture(scope="module")
def twelve_mp_jpeg() -> bytes:
    return photos.twelve_megapixel_jpeg()


def reopen(data: bytes) -> ImageFile.ImageFile:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_no_canary(data: bytes) -> None:
    for name, canary in CANARIES.items():
        assert canary not in data, f"the {name} canary survived"
    for mark in METADATA_MARKS:
        assert mark not in data, f"{mark!r} survived"


def assert_clean_jpeg(data: bytes) -> None:
    segments = list(jpeg_segments(data))
    markers = [marker for _, marker, _ in segments]
    assert set(markers) <= ALLOWED_JPEG_MARKERS, [hex(m) for m in markers]
    app_segments = [payload for _, marker, payload in segments if 0xE0 <= marker <= 0xEF]
    assert len(app_segments) == 1
    assert app_segments[0].startswith(b"JFIF\x00")
    assert len(app_segments[0]) == 14, "a JFIF APP0 with an embedded thumbnail"
    assert markers.count(SOS) == 1, "not a single scan"
    assert SOF2 not in markers, "progressive"
    assert data.count(b"\xff\xd8") == 1, "a second JPEG (a thumbnail) is embedded"
    assert data.endswith(b"\xff\xd9")
    image = reopen(data)
    assert image.format == "JPEG"
    assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"}
    assert not image.getexif()
    assert IptcImagePlugin.getiptcinfo(image) is None
    assert [name for name, _ in image.applist] == ["APP0"]  # type: ignore[attr-defined]


def assert_clean_png(data: bytes) -> None:
    kinds = [kind for kind, _ in png_chunks(data)]
    assert set(kinds) <= ALLOWED_PNG_CHUNKS, kinds
    image = reopen(data)
    assert image.format == "PNG"
    assert not image.text  # type: ignore[attr-defined]
    for key in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp", "Author", "Comment"):
        assert key not in image.info
    assert not image.getexif()


@contextmanager
def no_disk_access(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail on any attempt to open a file or make a temporary one; check the temp dir after."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"photo import touched the disk: {args!r}")

    before = sorted(os.listdir(tempfile.gettempdir()))
    with monkeypatch.context() as patch:
        for name in (
            "mkstemp",
            "mkdtemp",
            "NamedTemporaryFile",
            "TemporaryFile",
            "SpooledTemporaryFile",
            "TemporaryDirectory",
        ):
            patch.setattr(tempfile, name, refuse)
        patch.setattr(builtins, "open", refuse)
        patch.setattr(io, "open", refuse)
        patch.setattr(os, "open", refuse)
        yield
    assert sorted(os.listdir(tempfile.gettempdir())) == before


# --- the inputs really carry what must go --------------------------------------------------


def test_the_jpeg_fixture_carries_every_kind_of_metadata(metadata_jpeg: bytes) -> None:
    for canary in CANARIES.values():
        if b"PNG" not in canary:
            assert canary in metadata_jpeg
    markers = [marker for _, marker, _ in jpeg_segments(metadata_jpeg)]
    assert {APP1, APP2, APP13, COM} <= set(markers)
    image = reopen(metadata_jpeg)
    assert {"exif", "xmp", "icc_profile", "comment", "photoshop"} <= set(image.info)
    exif = image.getexif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert gps[ExifTags.GPS.GPSLatitude] == (24.0, 46.0, 30.0)
    thumbnail = exif.get_ifd(ExifTags.IFD.IFD1)
    offset, length = thumbnail[0x0201], thumbnail[0x0202]
    tiff = image.info["exif"][6:]
    assert tiff[offset : offset + 2] == b"\xff\xd8"
    assert length > 100
    assert IptcImagePlugin.getiptcinfo(image) == {
        (2, 80): CANARIES["iptc"],
        (2, 120): b"Gate photo, " + CANARIES["iptc"],
    }


def test_the_png_fixture_carries_text_chunks() -> None:
    kinds = {kind for kind, _ in png_chunks(photos.png_with_metadata())}
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP", b"tIME"} <= kinds
    assert CANARIES["png_text"] in photos.png_with_metadata()


# --- metadata is gone ---------------------------------------------------------------------


def test_jpeg_loses_exif_gps_thumbnail_xmp_iptc_icc_and_comment(metadata_jpeg: bytes) -> None:
    photo = import_photo(metadata_jpeg)
    assert photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (640, 480)
    assert_no_canary(photo.data)
    assert photos.srgb_icc()[:128] not in photo.data
    assert_clean_jpeg(photo.data)


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "P", "L", "LA"])
def test_png_loses_text_ztxt_itxt_exif_icc_and_time(mode: str) -> None:
    photo = import_photo(photos.png_with_metadata(mode))
    assert photo.media_type == "image/png"
    assert_no_canary(photo.data)
    assert_clean_png(photo.data)
    image = reopen(photo.data)
    has_alpha = mode in ("RGBA", "P", "LA")
    assert image.mode in (("RGBA", "LA") if has_alpha else ("RGB", "L"))


def test_the_result_is_a_frozen_record(metadata_jpeg: bytes) -> None:
    photo = import_photo(metadata_jpeg)
    assert isinstance(photo, CleanPhoto)
    with pytest.raises(AttributeError):
        photo.width = 1  # type: ignore[misc]


# --- orientation --------------------------------------------------------------------------

# Stored pixels are 200x100, left half red, right half blue. Where a viewer shows the red.
ORIENTATIONS = {
    1: ((200, 100), "left"),
    3: ((200, 100), "right"),  # rotated 180°
    6: ((100, 200), "top"),  # rotate 90° clockwise to view
    8: ((100, 200), "bottom"),  # rotate 90° counter-clockwise to view
}


def colour_at(image: Image.Image, where: str) -> tuple[int, ...]:
    width, height = image.size
    x, y = {
        "left": (width // 4, height // 2),
        "right": (3 * width // 4, height // 2),
        "top": (width // 2, height // 4),
        "bottom": (width // 2, 3 * height // 4),
    }[where]
    pixel = image.convert("RGB").getpixel((x, y))
    assert isinstance(pixel, tuple)
    return pixel


def near(actual: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - e) < 40 for a, e in zip(actual, expected, strict=True))


@pytest.mark.parametrize("orientation", sorted(ORIENTATIONS))
def test_orientation_is_applied_to_the_pixels(orientation: int) -> None:
    size, red_side = ORIENTATIONS[orientation]
    blue_side = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[red_side]
    photo = import_photo(photos.oriented_jpeg(orientation))
    image = reopen(photo.data)
    assert image.size == size == (photo.width, photo.height)
    assert near(colour_at(image, red_side), RED)
    assert near(colour_at(image, blue_side), BLUE)
    assert ExifTags.Base.Orientation not in image.getexif()
    assert_clean_jpeg(photo.data)


# --- size ---------------------------------------------------------------------------------


def test_a_twelve_megapixel_jpeg_is_scaled_to_the_maximum_edge(twelve_mp_jpeg: bytes) -> None:
    assert reopen(twelve_mp_jpeg).size == (4000, 3000)
    photo = import_photo(twelve_mp_jpeg)
    assert (photo.width, photo.height) == (2560, 1920)
    assert reopen(photo.data).size == (2560, 1920)
    assert_no_canary(photo.data)
    assert_clean_jpeg(photo.data)


def test_the_maximum_edge_is_configurable_and_small_photos_are_not_enlarged(
    metadata_jpeg: bytes,
) -> None:
    assert (import_photo(metadata_jpeg, max_edge=320).width, 320) == (320, 320)
    assert import_photo(metadata_jpeg, max_edge=320).height == 240
    assert import_photo(metadata_jpeg, max_edge=5000).width == 640


def test_thumbnails_are_small_upright_clean_and_made_in_memory(
    twelve_mp_jpeg: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with no_disk_access(monkeypatch):
        thumbnail = make_thumbnail(twelve_mp_jpeg)
        rotated = make_thumbnail(photos.oriented_jpeg(6), edge=64)
    assert reopen(thumbnail).size == (256, 192)
    assert_no_canary(thumbnail)
    assert_clean_jpeg(thumbnail)
    image = reopen(rotated)
    assert image.size == (32, 64)
    assert near(colour_at(image, "top"), RED)


def test_sixteen_bit_greyscale_is_scaled_not_clipped() -> None:
    photo = import_photo(photos.sixteen_bit_png())
    image = reopen(photo.data)
    assert image.mode == "L"
    histogram = image.histogram()
    assert sum(histogram[:20]) > 0, "no dark pixels left"
    assert sum(histogram[231:]) > 0, "no bright pixels left"
    assert sum(histogram[100:156]) > 0, "clipped to black and white"


def test_cmyk_jpeg_becomes_rgb() -> None:
    photo = import_photo(photos.cmyk_jpeg())
    assert reopen(photo.data).mode == "RGB"
    assert_clean_jpeg(photo.data)


# --- nothing on disk ----------------------------------------------------------------------


def test_import_never_touches_the_disk(
    metadata_jpeg: bytes, twelve_mp_jpeg: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    png = photos.png_with_metadata()
    with no_disk_access(monkeypatch):
        import_photo(metadata_jpeg)
        import_photo(twelve_mp_jpeg)
        import_photo(png)
        with pytest.raises(PhotoError):
            import_photo(metadata_jpeg[:2000])


def test_the_disk_guard_itself_catches_a_temp_file(monkeypatch: pytest.MonkeyPatch) -> None:
    with no_disk_access(monkeypatch), pytest.raises(AssertionError, match="touched the disk"):
        tempfile.NamedTemporaryFile()  # noqa: SIM115 - it must fail before there is a file


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("gif", photos.gif_image(), "unsupported"),
        ("text", b"Laiza gate closed at 09:30\n", "unsupported"),
        ("empty", b"", "unsupported"),
        ("truncated jpeg", photos.jpeg_with_metadata()[:-3000], "broken"),
        ("jpeg header only", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "broken"),
        ("truncated png", photos.png_with_metadata("RGB")[:-200], "broken"),
        ("png past our limit", photos.png_header_only(9000, 9000), "too_many_pixels"),
        ("png past Pillow's warning", photos.png_header_only(10_000, 10_000), "too_many_pixels"),
        ("png bomb", photos.png_header_only(100_000, 100_000), "too_many_pixels"),
        ("jpeg bomb", photos.jpeg_claiming_size(60_000, 60_000), "too_many_pixels"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else "",
)
def test_what_is_not_a_sound_jpeg_or_png_is_refused(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(PhotoError) as caught:
        import_photo(data)
    assert caught.value.reason == reason, name
    assert isinstance(caught.value, ValueError)
    assert len(str(caught.value)) > 40


def test_messages_say_what_to_do() -> None:
    with pytest.raises(PhotoError, match="JPEG, PNG, WebP and HEIC") as caught:
        import_photo(photos.gif_image())
    assert "save or export it as JPEG" in str(caught.value)
    with pytest.raises(PhotoError, match="damaged or incomplete"):
        import_photo(photos.jpeg_with_metadata()[:-3000])


def test_input_larger_than_the_limit_is_refused_before_decoding(metadata_jpeg: bytes) -> None:
    with pytest.raises(PhotoError, match="larger than") as caught:
        import_photo(metadata_jpeg, max_input_bytes=len(metadata_jpeg) - 1)
    assert caught.value.reason == "too_large"
    assert import_photo(metadata_jpeg, max_input_bytes=len(metadata_jpeg)).width == 640


def test_the_pixel_limit_is_configurable(metadata_jpeg: bytes) -> None:
    with pytest.raises(PhotoError) as caught:
        import_photo(metadata_jpeg, max_pixels=640 * 480 - 1)
    assert caught.value.reason == "too_many_pixels"


def test_the_type_comes_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    disguised = tmp_path / "gate.jpg"
    disguised.write_bytes(photos.png_with_metadata())
    assert import_photo(read_photo_file(disguised)).media_type == "image/png"
    gif = tmp_path / "gate2.jpg"
    gif.write_bytes(photos.gif_image())
    with pytest.raises(PhotoError, match="Only JPEG, PNG, WebP and HEIC"):
        import_photo(read_photo_file(gif))
    assert sniff_media_type(b"\xff\xd8\xff\xe1") == "image/jpeg"
    assert sniff_media_type(b"GIF89a") is None


# --- reading files ------------------------------------------------------------------------


def test_read_photo_file_reads_bounded_bytes(tmp_path: Path, metadata_jpeg: bytes) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(metadata_jpeg)
    assert read_photo_file(path) == metadata_jpeg
    with pytest.raises(PhotoError, match="larger than 10 KB") as caught:
        read_photo_file(path, max_input_bytes=10 * 1024)
    assert caught.value.reason == "too_large"
    assert read_photo_file(path, max_input_bytes=len(metadata_jpeg)) == metadata_jpeg


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_read_photo_file_explains_what_cannot_be_read(tmp_path: Path, what: str) -> None:
    path = tmp_path / "source-Ko-Aung.jpg"
    if what == "folder":
        path.mkdir()
    with pytest.raises(PhotoError) as caught:
        read_photo_file(path)
    assert caught.value.reason == "unreadable"
    assert "Ko-Aung" not in str(caught.value), "a file name can describe a source"


@pytest.mark.parametrize(
    ("error", "words"),
    [(PermissionError, "no permission"), (OSError, "could not be read")],
)
def test_read_photo_file_explains_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[OSError], words: str
) -> None:
    # Simulated: the tests run as root, who can read a chmod 000 file.
    path = tmp_path / "locked.jpg"
    path.write_bytes(b"\xff\xd8\xff")

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise error("simulated")

    monkeypatch.setattr(Path, "open", fail)
    with pytest.raises(PhotoError, match=words) as caught:
        read_photo_file(path)
    assert caught.value.reason == "unreadable"


# --- WebP, as phones share photos ----------------------------------------------------------


def test_the_webp_fixture_carries_gps_and_canaries() -> None:
    data = photos.webp_with_metadata()
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WEBP"
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "WEBP"
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert gps[ExifTags.GPS.GPSLatitude] == photos.GPS_LATITUDE
    for name in ("exif_description", "exif_artist", "xmp"):
        assert CANARIES[name] in data, name


def test_a_webp_photo_becomes_a_clean_jpeg() -> None:
    photo = import_photo(photos.webp_with_metadata())
    assert photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (640, 480)
    assert_no_canary(photo.data)
    assert_clean_jpeg(photo.data)


def test_a_webp_with_transparency_becomes_a_clean_png() -> None:
    image = photos.gradient((120, 80)).convert("RGBA")
    image.putalpha(128)
    photo = import_photo(photos.webp_with_metadata(image, lossless=True))
    assert photo.media_type == "image/png"
    assert_no_canary(photo.data)
    assert_clean_png(photo.data)
    assert reopen(photo.data).mode == "RGBA"


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_a_webp_is_turned_upright(orientation: int) -> None:
    size, red_side = ORIENTATIONS[orientation]
    blue_side = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[red_side]
    data = photos.webp_with_metadata(
        photos.left_red_right_blue((200, 100)), orientation=orientation
    )
    image = reopen(import_photo(data).data)
    assert image.size == size
    assert near(colour_at(image, red_side), RED)
    assert near(colour_at(image, blue_side), BLUE)


# --- HEIC/HEIF, the iPhone's own format ---------------------------------------------------


def test_the_heic_fixture_is_a_real_heic_that_carries_gps_and_canaries() -> None:
    data = photos.heic_with_metadata()
    assert data[4:12] == b"ftypheic"
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "HEIF"
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert gps[ExifTags.GPS.GPSLatitude] == photos.GPS_LATITUDE
    for name in ("exif_description", "exif_artist", "xmp"):
        assert CANARIES[name] in data, name


def test_a_heic_photo_becomes_a_clean_jpeg_without_its_gps() -> None:
    photo = import_photo(photos.heic_with_metadata())
    assert photo.media_type == "image/jpeg"
    assert (photo.width, photo.height) == (640, 480)
    assert_no_canary(photo.data)
    assert_clean_jpeg(photo.data)
    image = reopen(photo.data)
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "exif" not in image.info


def test_the_app_decodes_heic_with_pi_heif_whatever_registered_first() -> None:
    # The fixture registers pillow-heif (the tests' writer); the bundle carries only pi-heif.
    photos.heic_with_metadata()
    assert Image.OPEN["HEIF"][0].__module__.startswith("pillow_heif")
    import_photo(photos.heic_with_metadata())
    assert Image.OPEN["HEIF"][0].__module__.startswith("pi_heif")


def test_a_heic_with_transparency_becomes_a_clean_png() -> None:
    image = photos.gradient((120, 80)).convert("RGBA")
    image.putalpha(128)
    photo = import_photo(photos.heic_with_metadata(image))
    assert photo.media_type == "image/png"
    assert_no_canary(photo.data)
    assert_clean_png(photo.data)
    assert reopen(photo.data).mode == "RGBA"


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_a_heic_is_turned_upright(orientation: int) -> None:
    size, red_side = ORIENTATIONS[orientation]
    blue_side = {"left": "right", "right": "left", "top": "bottom", "bottom": "top"}[red_side]
    data = photos.heic_with_metadata(
        photos.left_red_right_blue((200, 100)), orientation=orientation
    )
    image = reopen(import_photo(data).data)
    assert image.size == size
    assert near(colour_at(image, red_side), RED)
    assert near(colour_at(image, blue_side), BLUE)


def test_a_heif_that_is_not_heic_branded_is_read_too() -> None:
    data = bytearray(photos.heic_with_metadata())
    data[8:12] = b"mif1"  # the generic HEIF brand some cameras write
    photo = import_photo(bytes(data))
    assert photo.media_type == "image/jpeg"
    assert_no_canary(photo.data)


def test_an_avif_or_a_broken_heic_is_refused_in_plain_words() -> None:
    avif = bytearray(photos.heic_with_metadata())
    avif[8:12] = b"avif"
    with pytest.raises(PhotoError, match="Only JPEG, PNG, WebP and HEIC") as caught:
        import_photo(bytes(avif))
    assert caught.value.reason == "unsupported"
    broken = photos.heic_with_metadata()[:600]
    with pytest.raises(PhotoError, match="damaged") as caught:
        import_photo(broken)
    assert caught.value.reason == "broken"


def test_a_heic_is_converted_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    data = photos.heic_with_metadata()
    with no_disk_access(monkeypatch):
        photo = import_photo(data)
    assert_no_canary(photo.data)
