"""What the server sees of photos: chunks all of one size, a chunk count padded to a power
of two per report, sent in batches of their own with the pass's chunks mixed — and the
desk still gets every photo byte for byte."""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence

from PIL import Image

from desktop.services import sync
from desktop.services.correspondent.demo import demo_reports
from desktop.services.photo_chunks import CHUNK_SIZE, padded_count
from desktop.services.photos import import_photo
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository
from sync.client import ClientConfig, SyncClient
from sync.envelope import parse_header
from sync.protocol import UploadResult
from sync.server.store import ServerStore
from tests.e2e.conftest import World, fast_client, queue_with_photos

PhotoList = list[tuple[str, bytes, int, int]]


def noisy_photo(side: int, seed: int) -> tuple[str, bytes, int, int]:
    """A PNG of random pixels (it does not compress), as the import leaves it."""
    rng = random.Random(seed)  # noqa: S311 - test data
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, format="PNG")
    clean = import_photo(out.getvalue())
    return clean.media_type, clean.data, clean.width, clean.height


class RecordingClient(SyncClient):
    """The real client, recording the kinds in every upload batch."""

    batches: list[list[str]]

    def upload(
        self, envelopes: Sequence[tuple[str, bytes]], **kwargs: object
    ) -> list[UploadResult]:
        self.batches.append([str(parse_header(data).kind) for _, data in envelopes])
        return super().upload(envelopes, **kwargs)  # type: ignore[arg-type]


def recording(batches: list[list[str]]) -> Callable[[ClientConfig], SyncClient]:
    def make(config: ClientConfig) -> SyncClient:
        client = RecordingClient(fast_client(config).config)
        client.batches = batches
        return client

    return make


def _sync(world: World, corr: Store, batches: list[list[str]]) -> None:
    for _ in range(10):
        if sync.sync_once(corr, client_factory=recording(batches)).done:
            return
    raise AssertionError("the outbox never emptied")


def test_batches_do_not_tell_a_reports_photos(
    world_factory: Callable[..., World], clean_photos: PhotoList
) -> None:
    world = world_factory(kem="x25519")
    world.connect_desk()
    corr = world.correspondent()
    large = noisy_photo(460, seed=7)  # about 630 KB: three chunks
    small = clean_photos[0]  # one chunk
    real = [-(-len(large[1]) // CHUNK_SIZE), 1]
    assert real[0] == 3
    (one, _), (two, _) = demo_reports("en")[:2]
    queue_with_photos(corr, one, [large])
    queue_with_photos(corr, two, [small])
    batches: list[list[str]] = []
    _sync(world, corr, batches)

    with ServerStore.open(world.server_dir) as admin, admin.db.reading() as conn:
        sizes = conn.execute(
            "SELECT size FROM envelopes WHERE kind = 'attachment_chunk'"
        ).fetchall()
    # Every chunk the same size, the last of a photo and the fillers too ...
    assert len({size for (size,) in sizes}) == 1
    # ... and as many as the padded counts: four for three, one for one.
    assert len(sizes) == padded_count(3) + padded_count(1) == 5
    # No batch carries a report envelope beside chunks.
    assert batches
    for kinds in batches:
        assert len(set(kinds)) == 1, kinds

    world.pull()
    desk = DeskRepository(world.desk_store)
    assert desk.attachment_data(one.id, 1) == large[1]
    assert desk.attachment_data(two.id, 1) == small[1]
