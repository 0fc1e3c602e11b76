"""The newsroom server in memory, with faults to inject per call, and a correspondent's
store enrolled with it: for the sync and desk services' tests, where each failure is placed
exactly (the real server and client are exercised end to end in tests/e2e)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report
from desktop.services import sync
from desktop.services.correspondent import capture
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, create_store
from sync import protocol
from sync.client import ClientConfig, OfflineError, ServerRefusedError
from sync.envelope import NewsroomKeyPair, parse_header
from sync.messages import (
    DeviceInfo,
    EnrollResponse,
    EnvelopePage,
    Receipt,
    StoredEnvelope,
    UploadResult,
)
from sync.wire import Invite, encode_invite
from tests.helpers.reports import example
from tests.helpers.stores import PASSPHRASE

NOW = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
TOKEN = "A" * 43
URL = "http://127.0.0.1:9"


@dataclass
class FakeServer:
    """What the newsroom server does, in memory, with faults to inject per call."""

    newsroom: NewsroomKeyPair
    envelopes: dict[str, tuple[int, str, bytes, str]] = field(default_factory=dict)
    devices: dict[str, bytes | None] = field(default_factory=dict)
    labels: dict[str, str | None] = field(default_factory=dict)
    invites: dict[str, str] = field(default_factory=dict)
    faults: list[Callable[[], None] | str] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)
    uploads: list[list[str]] = field(default_factory=list)
    configs: list[ClientConfig] = field(default_factory=list)
    handed_key: str | None = None
    desk_signing_key: bytes | None = None
    seq: int = 0
    acknowledged: int = 0
    opened: list[tuple[str, bytes]] = field(default_factory=list)  # (device id, list)

    def invite(self, device_id: str = "gw-00000000000000000001", token: str = TOKEN) -> str:
        self.invites[token] = device_id
        self.devices.setdefault(device_id, None)
        return encode_invite(Invite(token, self.newsroom.fingerprint))

    def client(self, config: ClientConfig) -> FakeClient:
        self.configs.append(config)
        return FakeClient(self, config)


@dataclass
class FakeClient:
    server: FakeServer
    config: ClientConfig
    closed: bool = False

    def _fault(self, when: str) -> None:
        faults = self.server.faults
        if faults and faults[0] == when:
            faults.pop(0)
            raise OfflineError("The connection to the server was cut.", "connection_cut")
        if faults and callable(faults[0]) and when == "before":
            fault = faults.pop(0)
            assert callable(fault)
            fault()

    def enroll(self, device_public_key: bytes, label: str | None = None) -> EnrollResponse:
        self._fault("before")
        device_id = self.server.invites.pop(str(self.config.token))
        self.server.devices[device_id] = device_public_key
        self.server.labels[device_id] = label
        key = self.server.handed_key or self.server.newsroom.public_key.to_text()
        from sync.envelope import NewsroomPublicKey

        return EnrollResponse(
            device_id=device_id,
            newsroom_public_key=key,
            newsroom_fingerprint=NewsroomPublicKey.from_text(key).fingerprint,
        )

    def upload(
        self,
        envelopes: Sequence[tuple[str, bytes]],
        *,
        on_batch: Callable[[list[UploadResult]], None] | None = None,
        route: str = "/v1/envelopes",
    ) -> list[UploadResult]:
        self._fault("before")
        self.server.uploads.append([eid for eid, _ in envelopes])
        results = []
        for eid, data in envelopes:
            header = parse_header(data)
            code = self.server.refuse.get(eid)
            if header.recipient_key_id != self.server.newsroom.fingerprint:
                code = "wrong_recipient"
            if code is not None:
                results.append(
                    UploadResult(envelope_id=eid, ok=False, error=code, status=422, message="no")
                )
                continue
            digest = hashlib.sha256(data).hexdigest()
            if eid not in self.server.envelopes:
                self.server.seq += 1
                stamp = f"2025-03-01T06:00:{self.server.seq:02d}.000Z"
                self.server.envelopes[eid] = (self.server.seq, header.device_id, data, stamp)
            seq, _, stored, stamp = self.server.envelopes[eid]
            assert stored == data, "a different body under one id: the client resealed"
            receipt = Receipt(envelope_id=eid, seq=seq, received_at=stamp, sha256=digest)
            results.append(UploadResult(envelope_id=eid, ok=True, receipt=receipt))
        self._fault("after")  # the server committed; the reply is lost
        return results

    def missing(self, envelope_ids: Sequence[str]) -> list[str]:
        self._fault("before")
        return [i for i in envelope_ids if i not in self.server.envelopes]

    def pull(self, after: int, limit: int = 100) -> EnvelopePage:
        self._fault("before")
        items = sorted(
            (seq, eid, device, data, stamp)
            for eid, (seq, device, data, stamp) in self.server.envelopes.items()
            if seq > after
        )
        page = items[:limit]
        return EnvelopePage(
            envelopes=[
                StoredEnvelope(
                    seq=seq,
                    envelope_id=eid,
                    device_id=device,
                    kind=str(parse_header(data).kind),
                    recipient_key_id=parse_header(data).recipient_key_id,
                    kem=parse_header(data).kem,
                    size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    received_at=stamp,
                    data=protocol.encode_base64(data),
                )
                for seq, eid, device, data, stamp in page
            ],
            next_after=page[-1][0] if page else after,
            more=len(items) > limit,
        )

    def acknowledge(self, through: int) -> int:
        self.server.acknowledged = max(self.server.acknowledged, min(through, self.server.seq))
        return self.server.acknowledged

    def post_opened(self, device_id: str, data: bytes) -> int:
        self._fault("before")
        self.server.opened.append((device_id, data))
        return len(self.server.opened)

    def register_desk_signing_key(self, public_key: bytes) -> None:
        self._fault("before")
        if self.server.desk_signing_key not in (None, public_key):
            raise ServerRefusedError("another key is registered", status=409, error="key_conflict")
        self.server.desk_signing_key = public_key

    def devices(self) -> list[DeviceInfo]:
        self._fault("before")
        return [
            DeviceInfo(
                device_id=device_id,
                label=self.server.labels.get(device_id),
                public_key=None if key is None else protocol.encode_base64(key),
                enrolled=key is not None,
                revoked=False,
                created_at="2025-03-01T06:00:00.000Z",
                enrolled_at=None,
            )
            for device_id, key in self.server.devices.items()
        ]

    def health(self) -> dict[str, object]:
        return {"status": "ok", "version": "test", "api": 1}

    def close(self) -> None:
        self.closed = True


@pytest.fixture(scope="module")
def newsroom() -> NewsroomKeyPair:
    """The newsroom's key pair the server seals to (module-wide)."""
    return NewsroomKeyPair.generate("x25519")


@pytest.fixture
def server(newsroom: NewsroomKeyPair) -> FakeServer:
    return FakeServer(newsroom)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A correspondent's new store."""
    with create_store(tmp_path / "store", PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def enrolled(store: Store, server: FakeServer) -> Store:
    """`store`, enrolled with `server`."""
    sync.enroll(store, URL, server.invite(), "laptop 3", client_factory=server.client, now=NOW)
    return store


def queue_report(
    store: Store, narrative: str = "gate shut at dawn", photos: Sequence[bytes] = ()
) -> Report:
    gazetteer = default_gazetteer()
    draft_id = capture.save_draft(store, gazetteer, example(narrative=narrative), None, None)
    for photo in photos:
        AttachmentRepository(store).add(draft_id, "image/jpeg", photo)
    return capture.queue_draft(store, gazetteer, draft_id)
