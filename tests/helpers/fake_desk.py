"""A desk connected to the in-memory server of tests/helpers/fake_server.py."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.desk import connection as desk_connection
from desktop.store.database import Store, create_store
from desktop.store.desk.core import DeskKey, DeskRepository
from sync.envelope import NewsroomKeyPair
from tests.helpers.fake_server import NOW, URL, FakeServer
from tests.helpers.stores import PASSPHRASE

DESK_TOKEN = "D" * 43


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewsroomKeyPair]:
    """The desk's key pair, made inside a desk store (module-wide: Argon2id is slow)."""
    with create_store(tmp_path_factory.mktemp("keystore") / "desk", PASSPHRASE) as store:
        desk_connection.init_desk(store, "x25519")
        key = DeskRepository(store).key()
        assert key is not None
        yield NewsroomKeyPair.from_private_bytes(key.private_key)


@pytest.fixture
def desk_store(tmp_path: Path, newsroom: NewsroomKeyPair, server: FakeServer) -> Iterator[Store]:
    """A desk with `newsroom`'s key, connected to `server`."""
    with create_store(tmp_path / "desk", PASSPHRASE) as opened:
        DeskRepository(opened).save_key(
            DeskKey(
                newsroom.fingerprint,
                newsroom.kem,
                newsroom.private_bytes(),
                newsroom.public_key.to_text(),
                NOW,
            )
        )
        desk_connection.connect(opened, URL, DESK_TOKEN, client_factory=server.client, now=NOW)
        yield opened
