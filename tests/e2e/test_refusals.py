"""Attacks and bad input, each refused with its status and reason, and nothing stored
where it would count: the server refuses what it can check without a key, the desk refuses
what only the newsroom key and the device keys reveal."""

from __future__ import annotations

import http.client
import json
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from desktop.domain.report import Report
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent.demo import demo_reports
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from desktop.store.identity import IdentityRepository
from desktop.store.reports import ReportRepository
from sync import protocol
from sync.client import ClientConfig, SyncClient
from sync.envelope import DeviceSigningKey, NewsroomKeyPair, NewsroomPublicKey, seal
from sync.payloads import report as report_format
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client, queue_with_photos


def device_client(world: World, store: Store) -> SyncClient:
    identity = IdentityRepository(store).get()
    assert identity is not None
    return fast_client(ClientConfig(base_url=world.url, token=identity.token))


def sealed_by(
    store: Store,
    payload: bytes,
    *,
    key: DeviceSigningKey | None = None,
    device_id: str | None = None,
    recipient: NewsroomPublicKey | None = None,
    envelope_id: str | None = None,
) -> tuple[str, bytes]:
    identity = IdentityRepository(store).get()
    assert identity is not None
    eid = envelope_id or str(uuid.uuid4())
    data = seal(
        payload,
        kind="report",
        envelope_id=eid,
        device_id=device_id or identity.device_id,
        device_key=key or DeviceSigningKey.from_private_bytes(identity.signing_key),
        recipient=recipient or NewsroomPublicKey.from_text(identity.newsroom_key),
    )
    return eid, data


def raw_post(
    url: str, token: str, body: bytes, headers: dict[str, str]
) -> tuple[int, dict[str, str]]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.putrequest("POST", "/v1/envelopes")
        connection.putheader("Authorization", f"Bearer {token}")
        connection.putheader("Content-Type", "application/json")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        if body:
            connection.send(body)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.fixture
def world(world_factory: Callable[..., World]) -> World:
    return world_factory("x25519")


@pytest.fixture
def alice(world: World) -> Store:
    """A correspondent with one report delivered the normal way."""
    store = world.correspondent("alice", label="laptop a")
    (report, _) = demo_reports("en")[0]
    queue_with_photos(store, report, [])
    assert sync.sync_once(store, client_factory=fast_client).done
    return store


def report_payload(store: Store) -> bytes:
    """A valid report payload (another revision id, so it is not a duplicate)."""
    (report, _) = demo_reports("en")[1]
    return report_format.report_payload(Report.new(report.content).to_json(), [])


def test_server_side_refusals(world: World, alice: Store) -> None:
    bob = world.correspondent("bob", label="laptop b")
    before = world.stats()["envelopes"]
    alice_envelope = sealed_by(alice, report_payload(alice))
    other_newsroom = NewsroomKeyPair.generate("x25519").public_key
    with device_client(world, bob) as client:
        # Replayed under another device: bob's token, alice's envelope.
        [replayed] = client.upload([alice_envelope])
        assert (replayed.ok, replayed.status, replayed.error) == (False, 403, "wrong_device")
        # Sealed to another newsroom key.
        [wrong_key] = client.upload([sealed_by(bob, b"{}", recipient=other_newsroom)])
        assert (wrong_key.ok, wrong_key.status, wrong_key.error) == (False, 422, "wrong_recipient")
        assert other_newsroom.fingerprint in str(wrong_key.message)
        # The id field and the header disagree.
        _eid, data = sealed_by(bob, b"{}")
        [mismatch] = client.upload([(str(uuid.uuid4()), data)])
        assert (mismatch.status, mismatch.error) == (422, "envelope_id_mismatch")
        # Another body under an id already stored.
        stored_id = alice_envelope[0]
    with device_client(world, alice) as client:
        assert client.upload([alice_envelope])[0].ok
        [conflict] = client.upload([sealed_by(alice, b"{}", envelope_id=stored_id)])
        assert (conflict.status, conflict.error) == (409, "conflict")
    assert world.stats()["envelopes"] == before + 1  # only alice's own envelope


def test_oversized_and_malformed_requests(world: World, alice: Store) -> None:
    identity = IdentityRepository(alice).get()
    assert identity is not None
    before = world.stats()["envelopes"]
    too_long = str(protocol.MAX_UPLOAD_REQUEST_BYTES + 1)
    status, body = raw_post(world.url, identity.token, b"", {"Content-Length": too_long})
    assert (status, body["error"]) == (413, "too_large")
    status, body = raw_post(world.url, identity.token, b'{"envelopes": [', {"Content-Length": "15"})
    assert (status, body["error"]) == (400, "invalid_request")  # not JSON
    assert "JSON" in body["message"]
    status, body = raw_post(
        world.url, identity.token, b'{"envelopes": []}', {"Content-Length": "17"}
    )
    assert (status, body["error"], body["field"]) == (422, "invalid_request", "body.envelopes")
    assert world.stats()["envelopes"] == before


def test_desk_side_refusals(world: World, alice: Store) -> None:
    identity = IdentityRepository(alice).get()
    assert identity is not None
    payload = report_payload(alice)
    forged = sealed_by(alice, payload, key=DeviceSigningKey.generate())
    # A swapped header: the header of one sealed envelope on the body of another.
    _first_id, first = sealed_by(alice, payload)
    second_id, second = sealed_by(alice, payload)
    header_length = 7 + int.from_bytes(first[5:7], "big")
    swapped = (second_id, second[:header_length] + first[header_length:])
    # Re-headed for another device id (the server takes it from that device's token).
    bob = world.correspondent("bob", label="laptop b")
    bob_id = IdentityRepository(bob).get().device_id  # type: ignore[union-attr]
    rehead_id, rehead = sealed_by(alice, payload)
    header = bytearray(rehead[:header_length])
    # Same length ids ("gw-" + 20 hex): replace the device id bytes in place.
    header[-len(bob_id) :] = bob_id.encode()
    reheaded = (rehead_id, bytes(header) + rehead[header_length:])
    with device_client(world, alice) as client:
        results = client.upload([forged, swapped])
    assert [r.ok for r in results] == [True, True]  # the server cannot tell without a key
    with device_client(world, bob) as client:
        assert client.upload([reheaded])[0].ok

    world.connect_desk()
    pulled = world.pull()
    assert (pulled.reports, pulled.refused) == (1, 3)  # alice's real report only
    reasons = {r.envelope_id: r.reason for r in DeskRepository(world.desk_store).refusals()}
    assert reasons == {
        forged[0]: "bad_signature",
        swapped[0]: "decryption_failed",
        reheaded[0]: "decryption_failed",
    }
    [kept] = DeskRepository(world.desk_store).reports()
    assert json.loads(payload)["report"]["id"] != kept.id


def test_a_revoked_device_is_told_so(world: World, alice: Store) -> None:
    identity = IdentityRepository(alice).get()
    assert identity is not None
    with ServerStore.open(world.server_dir) as admin:
        admin.tokens.revoke_device(identity.device_id)
    before = world.stats()["envelopes"]
    (report, _) = demo_reports("en")[2]
    queued = queue_with_photos(alice, report, [])
    outcome = sync.sync_once(alice, client_factory=fast_client)
    assert outcome.error is sync.SyncErrorKind.REVOKED
    assert "revoked" in str(outcome.message)
    assert outcome.remaining == 1
    assert ReportRepository(alice).get(queued.id).row.state is ReportState.QUEUED
    assert world.stats()["envelopes"] == before


def test_a_device_told_a_wrong_newsroom_key_is_refused_by_the_server(
    world: World, alice: Store
) -> None:
    # A store whose newsroom key was swapped after enrolment (tampering, a stale copy):
    # everything it seals is refused as wrong_recipient and stays queued.
    other = NewsroomKeyPair.generate("x25519").public_key
    alice.execute(
        "UPDATE device_identity SET newsroom_key = ?, newsroom_fingerprint = ?",
        (other.to_text(), other.fingerprint),
    )
    before = world.stats()["envelopes"]
    (report, _) = demo_reports("en")[3]
    queue_with_photos(alice, report, [])
    outcome = sync.sync_once(alice, client_factory=fast_client)
    assert outcome.error is sync.SyncErrorKind.REFUSED
    assert [reason for _, reason in outcome.refused] == ["wrong_recipient"]
    assert world.stats()["envelopes"] == before
