"""The newsroom server: FastAPI on uvicorn, SQLite in ``--data-dir`` (or PostgreSQL),
ciphertext only.

It stores sealed envelopes with their cleartext header fields, device signing keys, token
hashes and an audit log without contents; it never holds a key that opens a report.
docs/server.md describes the API, the storage and the admin command.
"""

from sync.server.app import create_app
from sync.server.config import ServerConfig
from sync.server.store import ServerStore

__all__ = ["ServerConfig", "ServerStore", "create_app"]
