"""Real image files built in memory for the photo tests (and the photo benchmark).

Each builder returns the bytes of a file a phone or an editing app could have produced,
carrying the metadata that must not survive import: EXIF with GPS and an embedded
thumbnail, XMP, IPTC (Photoshop APP13), a JPEG comment, an ICC profile, PNG text chunks.
Every piece carries its own canary string so a test can prove it is gone. The walkers at
the bottom read JPEG segments and PNG chunks by hand, independent of Pillow.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator

from PIL import ExifTags, Image, ImageCms, PngImagePlugin
from PIL.TiffImagePlugin import IFDRational

CANARIES = {
    "exif_description": b"CANARY-EXIF-DESCRIPTION-Laiza-source",
    "exif_artist": b"CANARY-EXIF-ARTIST-Ko-Aung",
    "exif_thumbnail": b"CANARY-EXIF-THUMBNAIL-COMMENT",
    "xmp": b"CANARY-XMP-CREATOR",
    "iptc": b"CANARY-IPTC-BYLINE",
    "comment": b"CANARY-JPEG-COMMENT",
    "png_text": b"CANARY-PNG-TEXT",
    "png_ztxt": b"CANARY-PNG-ZTXT",
    "png_itxt": b"CANARY-PNG-ITXT",
}

RED = (230, 20, 20)
BLUE = (20, 20, 230)

# Laiza, roughly: 24°46'30" N, 97°33'0" E.
GPS_LATITUDE = (IFDRational(24), IFDRational(46), IFDRational(30))
GPS_LONGITUDE = (IFDRational(97), IFDRational(33), IFDRational(0))


def srgb_icc() -> bytes:
    """A real ICC profile (lcms's sRGB), as a camera or editor would embed it."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def xmp_packet() -> bytes:
    return (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        b' xmlns:exif="http://ns.adobe.com/exif/1.0/">'
        b"<dc:creator><rdf:Seq><rdf:li>" + CANARIES["xmp"] + b"</rdf:li></rdf:Seq></dc:creator>"
        b"<exif:GPSLatitude>24,46.5N</exif:GPSLatitude>"
        b"<exif:GPSLongitude>97,33.0E</exif:GPSLongitude>"
        b"</rdf:Description></rdf:RDF></x:xmpmeta>"
        b'<?xpacket end="w"?>'
    )


def photoshop_iptc_segment() -> bytes:
    """An APP13 'Photoshop 3.0' segment holding an IPTC By-line (2:80) and caption (2:120)."""

    def dataset(number: int, value: bytes) -> bytes:
        return b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value

    iptc = dataset(80, CANARIES["iptc"]) + dataset(120, b"Gate photo, " + CANARIES["iptc"])
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    payload = b"Photoshop 3.0\x00" + resource + iptc
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def insert_after_soi(jpeg: bytes, segment: bytes) -> bytes:
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


def exif_bytes(*, orientation: int | None = None, thumbnail: bytes | None = None) -> bytes:
    """An 'Exif\\0\\0' block: camera, canaries, GPS IFD, and optionally an IFD1 thumbnail.

    Pillow writes IFD0 and its sub-IFDs but not IFD1, so the thumbnail IFD is appended by
    hand the way cameras lay it out: IFD0's next-IFD pointer leads to IFD1, whose
    JPEGInterchangeFormat/Length tags point at a complete JPEG.
    """
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "CanaryPhone"
    exif[ExifTags.Base.Model] = "CP-2024 serial 0042"
    exif[ExifTags.Base.ImageDescription] = CANARIES["exif_description"].decode()
    exif[ExifTags.Base.Artist] = CANARIES["exif_artist"].decode()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    block = exif.tobytes()
    if thumbnail is None:
        return block
    header, tiff = block[:6], bytearray(block[6:])
    endian = ">" if tiff[:2] == b"MM" else "<"
    (ifd0,) = struct.unpack_from(endian + "I", tiff, 4)
    (count,) = struct.unpack_from(endian + "H", tiff, ifd0)
    next_pointer = ifd0 + 2 + 12 * count
    assert struct.unpack_from(endian + "I", tiff, next_pointer) == (0,)
    if len(tiff) % 2:
        tiff += b"\x00"
    ifd1 = len(tiff)
    entries = 3
    thumb_at = ifd1 + 2 + 12 * entries + 4
    struct.pack_into(endian + "I", tiff, next_pointer, ifd1)
    tiff += struct.pack(endian + "H", entries)
    tiff += struct.pack(endian + "HHI", 0x0103, 3, 1) + struct.pack(endian + "HH", 6, 0)
    tiff += struct.pack(endian + "HHII", 0x0201, 4, 1, thumb_at)
    tiff += struct.pack(endian + "HHII", 0x0202, 4, 1, len(thumbnail))
    tiff += struct.pack(endian + "I", 0)
    tiff += thumbnail
    return header + bytes(tiff)


def gradient(size: tuple[int, int]) -> Image.Image:
    width, height = size
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90).resize(size)
    blue = Image.new("L", size, 128)
    return Image.merge("RGB", (red, green, blue)).resize((width, height))


def left_red_right_blue(size: tuple[int, int]) -> Image.Image:
    image = Image.new("RGB", size, RED)
    image.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return image


def exif_thumbnail_jpeg() -> bytes:
    out = io.BytesIO()
    gradient((160, 120)).save(out, "JPEG", quality=80, comment=CANARIES["exif_thumbnail"])
    return out.getvalue()


def jpeg_with_metadata(
    image: Image.Image | None = None, *, orientation: int | None = None, quality: int = 92
) -> bytes:
    """A JPEG as a phone or editor leaves it: every kind of metadata, each with a canary.

    Segments: APP13 (IPTC), APP0 JFIF, APP1 Exif (GPS, canaries, IFD1 thumbnail that has
    its own COM canary), APP1 XMP, APP2 ICC_PROFILE, COM, then the image.
    """
    image = image if image is not None else gradient((640, 480))
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        quality=quality,
        exif=exif_bytes(orientation=orientation, thumbnail=exif_thumbnail_jpeg()),
        xmp=xmp_packet(),
        icc_profile=srgb_icc(),
        comment=CANARIES["comment"],
    )
    return insert_after_soi(out.getvalue(), photoshop_iptc_segment())


def oriented_jpeg(orientation: int) -> bytes:
    """Stored pixels 200x100, left half red, right half blue, with that EXIF orientation."""
    return jpeg_with_metadata(left_red_right_blue((200, 100)), orientation=orientation)


def twelve_megapixel_jpeg() -> bytes:
    """A 4000x3000 JPEG with photo-like entropy (about 5 MB) and full metadata."""
    size = (4000, 3000)
    coarse = Image.effect_noise((1000, 750), 60).resize(size, Image.Resampling.BICUBIC)
    ramp = Image.linear_gradient("L").resize(size)
    fine = Image.effect_noise(size, 30)
    return jpeg_with_metadata(Image.merge("RGB", (coarse, ramp, fine)), orientation=1)


def png_with_metadata(mode: str = "RGBA") -> bytes:
    """A PNG with tEXt, zTXt and iTXt canaries, XMP, eXIf (GPS), iCCP and tIME chunks."""
    image = gradient((320, 240))
    if mode == "RGBA":
        image.putalpha(Image.linear_gradient("L").resize((320, 240)))
    elif mode == "P":
        image = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
        image.info["transparency"] = 0
    else:
        image = image.convert(mode)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", CANARIES["png_text"].decode())
    info.add_text("Comment", CANARIES["png_ztxt"].decode(), zip=True)
    info.add_itxt("Description", CANARIES["png_itxt"].decode(), lang="my", tkey="ဖော်ပြချက်")
    info.add_itxt("XML:com.adobe.xmp", xmp_packet().decode())
    info.add(b"tIME", struct.pack(">HBBBBB", 2024, 11, 12, 9, 30, 0))
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif_bytes(), icc_profile=srgb_icc())
    return out.getvalue()


def sixteen_bit_png() -> bytes:
    """A 16-bit greyscale PNG (mode I;16), dark to bright."""
    image = Image.linear_gradient("L").resize((128, 64)).convert("I")
    image = image.point(lambda value: value * 256).convert("I;16")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def cmyk_jpeg() -> bytes:
    out = io.BytesIO()
    gradient((120, 80)).convert("CMYK").save(out, "JPEG", quality=90)
    return out.getvalue()


def gif_image() -> bytes:
    out = io.BytesIO()
    gradient((40, 30)).convert("P").save(out, "GIF")
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that announces `width` x `height` and holds almost no data: a bomb's header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024, 9))
        + png_chunk(b"IEND", b"")
    )


def jpeg_claiming_size(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header (SOF0) is rewritten to claim a huge size."""
    out = io.BytesIO()
    gradient((64, 48)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    for offset, marker, _payload in jpeg_segments(bytes(data)):
        if marker == 0xC0:
            struct.pack_into(">HH", data, offset + 5, height, width)
            return bytes(data)
    raise AssertionError("no SOF0 segment")


def jpeg_segments(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """Yield (offset, marker, payload) for each segment from SOI up to and including SOS.

    Walks the length fields by hand; fails on anything that is not a well-formed segment.
    """
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    yield 0, 0xD8, b""
    pos = 2
    while True:
        assert data[pos] == 0xFF, f"expected a marker at {pos}"
        while data[pos] == 0xFF:  # fill bytes
            pos += 1
        marker = data[pos]
        start = pos - 1
        pos += 1
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:
            yield start, marker, b""
            continue
        (length,) = struct.unpack_from(">H", data, pos)
        payload = data[pos + 2 : pos + length]
        assert len(payload) == length - 2, "segment runs past the end"
        yield start, marker, payload
        pos += length
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            return


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, data) of every chunk, in order, checking each CRC and the end."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks: list[tuple[bytes, bytes]] = []
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack_from(">I", data, pos + 8 + length)
        assert crc == zlib.crc32(kind + body), f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        pos += 12 + length
    assert chunks[-1][0] == b"IEND"
    assert pos == len(data), "bytes after IEND"
    return chunks


def webp_with_metadata(
    image: Image.Image | None = None, *, orientation: int | None = None, lossless: bool = False
) -> bytes:
    """A WebP as a phone shares it: EXIF (camera, GPS, canaries), XMP and an ICC profile."""
    image = image if image is not None else gradient((640, 480))
    out = io.BytesIO()
    image.save(
        out,
        "WEBP",
        quality=90,
        lossless=lossless,
        exif=exif_bytes(orientation=orientation),
        xmp=xmp_packet(),
        icc_profile=srgb_icc(),
    )
    return out.getvalue()


def heic_with_metadata(
    image: Image.Image | None = None, *, orientation: int | None = None
) -> bytes:
    """A HEIC as an iPhone takes it: HEVC pictures in a HEIF container, with EXIF (camera,
    GPS, canaries), XMP and an ICC profile. pillow-heif stores the EXIF orientation as the
    container's rotation (irot/imir), as phones do."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    image = image if image is not None else gradient((640, 480))
    out = io.BytesIO()
    image.save(
        out,
        "HEIF",
        quality=90,
        exif=exif_bytes(orientation=orientation),
        xmp=xmp_packet(),
        icc_profile=srgb_icc(),
    )
    return out.getvalue()
