"""Which role an open store serves, as the window's shell asks it after unlock
(`DeskSession.stage`): a correspondent's, a desk's not set up yet, or a desk's."""

from pathlib import Path

from desktop.services.desk import review as desk_review
from desktop.services.desk.connection import init_desk
from desktop.services.desk.session import DeskSession
from desktop.store.database import create_store

PASSPHRASE = "a long test passphrase"


def test_a_store_tells_which_role_it_serves(tmp_path: Path) -> None:
    with create_store(tmp_path / "store", PASSPHRASE) as store:
        assert DeskSession(store).stage() is None  # a correspondent's
        desk_review.desk_identity(store)  # what "Set up an editor desk" marks at first run
        assert DeskSession(store).stage() == "setup"
        init_desk(store, "x25519")
        assert DeskSession(store).stage() == "ready"
