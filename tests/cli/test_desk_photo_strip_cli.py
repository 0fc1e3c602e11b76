"""A modified client sends a photo with GPS, a camera serial and a comment: the desk never
hands those bytes out."""

import io
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from desktop.cli import EXIT_OK
from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.photos import import_photo
from desktop.services.unlock import unlock
from desktop.store.attachments import AttachmentRepository
from desktop.store.reports import ReportRepository
from tests.helpers.cli import env, gw
from tests.helpers.desk_cli import desk_dir, server
from tests.helpers.reports import example
from tests.helpers.servers import desk_token, invite
from tests.helpers.stores import PASSPHRASE

__all__ = ["desk_dir", "env", "server"]  # fixtures

SERIAL = "CANARY-SERIAL-4417"
COMMENT = b"CANARY-COMMENT-taken-at-the-Laiza-gate"


def camera_jpeg() -> bytes:
    """A real camera-style JPEG: GPS, the body's serial number, and a COM segment."""
    image = Image.new("RGB", (64, 48), (200, 40, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "CANARY-MAKE"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (24.0, 46.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (97.0, 33.0, 0.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=COMMENT)
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as check:  # the fixture really carries all three
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert check.getexif().get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber]
        assert check.info["comment"] == COMMENT
    return data


def send_unstripped(corr: Path, raw: bytes) -> str:
    """What a modified client does: attach the bytes as they are, skipping import_photo."""
    gazetteer = default_gazetteer()
    with unlock(corr, PASSPHRASE) as store:
        report = Report.new(ReportContent.from_json(example(), known_gate=gazetteer.__contains__))
        reports = ReportRepository(store, gazetteer)
        reports.add(report, state=ReportState.DRAFT)
        AttachmentRepository(store).add(report.id, "image/jpeg", raw, width=64, height=48)
        reports.queue(report.id)
        sync.seal_pending(store)
    return report.id


def test_the_desk_strips_a_photo_the_device_did_not(
    tmp_path: Path,
    server: tuple[str, Path],
    desk_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, server_dir = server
    corr = tmp_path / "corr"
    raw = camera_jpeg()
    assert gw(corr, "init") == EXIT_OK
    monkeypatch.setenv("GATEWATCH_INVITE", invite(server_dir))
    assert gw(corr, "enroll", "--server", url) == EXIT_OK
    report_id = send_unstripped(corr, raw)
    assert gw(corr, "sync") == EXIT_OK
    monkeypatch.setenv("GATEWATCH_DESK_TOKEN", desk_token(server_dir))
    assert gw(desk_dir, "desk", "connect", "--server", url) == EXIT_OK
    assert gw(desk_dir, "desk", "pull") == EXIT_OK

    out = tmp_path / "photo.jpg"
    assert gw(desk_dir, "desk", "photo", report_id, "1", "--out", str(out)) == EXIT_OK
    written = out.read_bytes()
    assert written != raw
    for canary in (SERIAL.encode(), COMMENT, b"CANARY-MAKE"):
        assert canary in raw
        assert canary not in written
    with Image.open(io.BytesIO(written)) as photo:
        assert photo.size == (64, 48)
        assert not photo.getexif()
        assert "comment" not in photo.info
    assert written == import_photo(raw, max_edge=8000).data  # the capture's own cleaning
