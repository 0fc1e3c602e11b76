"""A bundle proves nothing about who sealed it: a forged copy under a genuine envelope's id
is refused and reported, and never shadows the genuine envelope, whichever comes first —
in the same bundle or in an earlier one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services import followup_sync
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import handcarry as desk_handcarry
from desktop.store.desk.core import DeskRepository
from desktop.store.handcarry import HandcarryRepository
from sync.envelope import DeviceSigningKey, EnvelopeKind, NewsroomKeyPair, seal
from sync.payloads.bundle import seal_bundle
from tests.e2e.conftest import World, fast_client, queue_with_photos


@pytest.mark.parametrize("part", [desk_handcarry.IMPORT_PART, 1])
def test_a_forged_copy_never_shadows_the_genuine_envelope(
    world_factory: Callable[..., World],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    part: int,
) -> None:
    monkeypatch.setattr(desk_handcarry, "IMPORT_PART", part)  # 1: every id its own part
    world = world_factory("x25519")
    world.connect_desk()
    corr = world.correspondent()
    assert followup_sync.sync_followups(corr, client_factory=fast_client).error is None
    world.pull()  # the desk knows the laptop and its signing key
    for report, draft in demo_reports("en")[:4]:
        if not draft:
            queue_with_photos(corr, report, [])
    waiting = HandcarryRepository(corr).unreceipted().reports
    assert len(waiting) >= 2
    (first_id, first_env, first), (second_id, second_env, second) = waiting[:2]
    [key] = DeskRepository(world.desk_store).keys()
    pair = NewsroomKeyPair.from_private_bytes(key.private_key, key.kem)
    device_id = DeskRepository(world.desk_store).devices()[0].device_id

    def forged(envelope_id: str) -> bytes:
        return seal(
            b'{"not": "the report"}',
            kind=EnvelopeKind.REPORT,
            envelope_id=envelope_id,
            device_id=device_id,
            device_key=DeviceSigningKey.generate(),
            recipient=pair.public_key,
        )

    def carried(name: str, envelopes: list[bytes]) -> Path:
        path = tmp_path / name
        path.write_bytes(seal_bundle(envelopes, pair.public_key))
        return path

    # A forgery alone comes first: refused and reported, recorded nowhere.
    alone = desk_handcarry.import_bundle(
        world.desk_store, carried("a.dat", [forged(first_env)]), client_factory=fast_client
    )
    assert (alone.reports, alone.refusals) == (0, ("bad_signature",))
    # Then a bundle with a forgery before one genuine envelope and after the other.
    done = desk_handcarry.import_bundle(
        world.desk_store,
        carried("b.dat", [forged(first_env), first, second, forged(second_env)]),
        client_factory=fast_client,
    )
    assert done.reports == 2
    assert sorted(done.refusals) == ["bad_signature", "bad_signature"]
    held = {r.id: r.envelope_id for r in DeskRepository(world.desk_store).reports()}
    assert held == {first_id: first_env, second_id: second_env}
    assert DeskRepository(world.desk_store).refusals() == []
    # Only the genuine envelopes went on to the server.
    assert done.relayed == 2
