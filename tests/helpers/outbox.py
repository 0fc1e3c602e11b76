"""A correspondent's enrolment and outbox: a device identity, and reports queued to send."""

from datetime import UTC, datetime

from desktop.domain.report import Report, ReportContent
from desktop.domain.report_state import ReportState
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store
from desktop.store.identity import DeviceIdentity
from desktop.store.reports import ReportRepository
from tests.helpers.reports import example

NOW = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
CANARY = "CANARY-narrative-Lweje-4417"  # what `queued` reports say unless told


def identity(**changes: object) -> DeviceIdentity:
    values: dict[str, object] = {
        "device_id": "gw-0123456789abcdef0123",
        "signing_key": b"k" * 32,
        "server_url": "http://127.0.0.1:8443",
        "token": "t" * 43,
        "newsroom_key": "gatewatch-newsroom-key:v1:x25519:AAAA",
        "newsroom_fingerprint": "ab" * 16,
        "tls_fingerprint": None,
        "proxy": None,
        "label": "laptop 3",
        "enrolled_at": NOW,
    }
    values.update(changes)
    return DeviceIdentity(**values)  # type: ignore[arg-type]


def queued(store: Store, narrative: str = CANARY, photos: int = 0) -> Report:
    reports = ReportRepository(store)
    report = Report.new(ReportContent.from_json(example(narrative=narrative)))
    reports.add(report, state=ReportState.DRAFT)
    for i in range(photos):
        AttachmentRepository(store).add(report.id, "image/jpeg", b"\xff\xd8\xff" + bytes([i]) * 99)
    return reports.queue(report.id)
