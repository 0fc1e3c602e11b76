"""A client without a token learns nothing about the software: the schema, the docs and
every refusal look the same and name nothing; the schema is there for a desk token."""

from __future__ import annotations

from sync.server.app import server_version
from tests.sync.conftest import Srv

TELLTALES = ("gatewatch", "fastapi", "uvicorn", "starlette", "newsroom", "desk", "invite")


def test_an_unauthenticated_client_gets_one_anonymous_refusal(srv: Srv) -> None:
    tries = [
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/redoc"),
        ("GET", "/v1/health"),
        ("GET", "/v1/nothing"),
        ("POST", "/v1/envelopes"),
        ("DELETE", "/"),
    ]
    bodies = set()
    for method, path in tries:
        for headers in ({}, {"Authorization": "Bearer " + "A" * 43}):
            response = srv.http.request(method, f"{srv.url}{path}", headers=headers)
            assert response.status_code == 401, (method, path)
            seen = (response.text + repr(sorted(response.headers.items()))).lower()
            for telltale in (*TELLTALES, server_version().lower()):
                assert telltale not in seen, (method, path, telltale)
            assert "server" not in {name.lower() for name in response.headers}
            bodies.add(response.content)
    assert len(bodies) == 1


def test_the_schema_is_for_a_desk_token(srv: Srv) -> None:
    device = srv.enroll()
    assert srv.http.get(f"{srv.url}/openapi.json", headers=device.auth).status_code == 403
    spec = srv.http.get(f"{srv.url}/openapi.json", headers=srv.desk()).json()
    assert spec["info"]["title"] == "Gatewatch newsroom server"
    assert "/v1/envelopes/ack" in spec["paths"]
