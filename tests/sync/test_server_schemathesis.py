"""Schemathesis against the server's own OpenAPI document: no input ever gets a 5xx.

Schemathesis generates requests from /openapi.json (its hypothesis strategies, driven
here directly: its pytest plugin does not load under this pytest). CI runs a short form;
GATEWATCH_SCHEMATHESIS_CASES raises the number of cases per operation.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.sync.conftest import Srv

CASES = int(os.environ.get("GATEWATCH_SCHEMATHESIS_CASES", "15"))


def test_no_generated_request_gets_a_server_error(srv: Srv) -> None:
    desk = srv.desk()
    schema = schemathesis.openapi.from_url(f"{srv.url}/openapi.json", headers=desk)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8  # every route of docs/server.md is in the document
    tokens = {"device": srv.enroll("fuzz").auth, "desk": desk, "none": {}}
    tried: list[str] = []
    calls = [0]

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=CASES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def no_5xx(case: Any) -> None:
            # Each generated request goes out with a device token, a desk token and none.
            for who, auth in tokens.items():
                headers = {**(case.headers or {}), **auth}
                response = case.call(base_url=srv.url, headers=headers, session=srv.http)
                calls[0] += 1
                assert response.status_code < 500, (
                    f"{who}: {case.method} {case.formatted_path} → "
                    f"{response.status_code}: {response.text[:300]}"
                )

        no_5xx()
        tried.append(f"{operation.method.upper()} {operation.path}")
    assert len(tried) == len(operations)
    assert calls[0] >= 3 * len(operations)  # the generator really sent requests
    print(f"schemathesis: {calls[0]} requests over {len(operations)} operations")
