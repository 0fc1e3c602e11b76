"""Which server the release check asks: the one given, else the store's own (a device's
enrolment or a desk's connection, desktop/services/newsroom_server.py)."""

from pathlib import Path

from desktop.services import updates
from desktop.services.newsroom_server import server_config
from desktop.store.database import create_store
from sync.client import ClientConfig
from sync.messages import Release

PASSPHRASE = "a long test passphrase"
PINNED = "ab" * 32


class NothingPublished:
    def release(self) -> Release:
        return Release(public_key=None, manifest=None, signature=None)

    def close(self) -> None:
        pass


def test_the_check_asks_the_server_it_is_given(tmp_path: Path) -> None:
    given = ClientConfig(base_url="https://news.example", token="t" * 43)
    asked: list[ClientConfig] = []

    def client(config: ClientConfig) -> NothingPublished:
        asked.append(config)
        return NothingPublished()

    with create_store(tmp_path / "store", PASSPHRASE) as store:
        updates.pin_release_key(store, PINNED)
        assert server_config(store) is None  # neither enrolled nor connected
        status = updates.check_for_update(store, client_factory=client)
        assert asked == []  # no server: nothing asked
        assert status.checked_at is None
        status = updates.check_for_update(store, server=given, client_factory=client)
    assert asked == [given]
    assert status.checked_at is not None
    assert status.error is None
