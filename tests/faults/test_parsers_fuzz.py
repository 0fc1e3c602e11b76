"""Hypothesis on the parsers that take outside input: the report validator (a report from
a file, the CLI or a pulled envelope), the keyfile parser, the invite and the newsroom
key text. Each may only refuse with its own typed error, never crash with anything else.

GATEWATCH_FUZZ_EXAMPLES sets the examples per test (200 here; ``make soak``: 5,000).
The envelope parser's own properties are in tests/sync/test_envelope.py; atheris drives
both parsers for longer in fuzz/ (``make soak``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import ReportValidationError
from desktop.domain.report import Report, ReportContent
from desktop.store.errors import KeyfileCorruptError
from desktop.store.keyfile import parse_keyfile
from sync.envelope import NewsroomPublicKey
from sync.protocol import InviteError, decode_invite
from tests.faults.common import report_with_canary

EXAMPLES = int(os.environ.get("GATEWATCH_FUZZ_EXAMPLES") or 200)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["open", "closed", "laiza", "2024-11-12T09:30:00+06:30", "kia", "A", ""])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=25,
)


def valid_report() -> dict[str, Any]:
    import random

    report = report_with_canary(random.Random(1), 1, "x")  # noqa: S311 - test data
    return report.to_json()


def mutate(document: dict[str, Any], path: list[str], value: object) -> dict[str, Any]:
    """``document`` with the value at ``path`` (keys, descending) replaced or removed."""
    copy = json.loads(json.dumps(document))
    target = copy
    for key in path[:-1]:
        if not isinstance(target.get(key), dict):
            return copy
        target = target[key]
    if value is _REMOVE:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return copy


def refusal(parse: Any, value: object) -> ReportValidationError | None:
    """The validation error ``parse(value)`` raises, or None when it accepts the value.
    Any other exception propagates: that is a finding."""
    try:
        parse(value)
    except ReportValidationError as error:
        return error
    return None


_REMOVE = object()
REPORT = valid_report()
IDENTITY_KEYS = {"id", "lineage_id", "revision", "replaces", "created_at"}
CONTENT_KEYS = set(REPORT) - IDENTITY_KEYS
PATHS = [[k] for k in REPORT] + [["source", k] for k in REPORT["source"]] + [["traffic", "x"]]


@FUZZ
@given(json_values)
def test_report_validator_refuses_any_json_with_its_own_error(value: object) -> None:
    for parse in (ReportContent.from_json, Report.from_json):
        error = refusal(parse, value)
        assert error is None or error.errors


@FUZZ
@given(st.sampled_from(PATHS), json_values | st.just(_REMOVE), st.booleans())
def test_report_validator_refuses_any_one_bad_field(
    path: list[str], value: object, as_record: bool
) -> None:
    document = mutate(REPORT, path, value)
    if as_record:
        error = refusal(Report.from_json, document)
    else:
        content = {k: v for k, v in document.items() if k in CONTENT_KEYS}
        error = refusal(ReportContent.from_json, content)
    if error is not None:
        assert error.errors
        assert all(e.message for e in error.errors)


KEYFILE = {
    "format": "gatewatch-keyfile",
    "version": 1,
    "kdf": {
        "name": "argon2id",
        "memory_cost": 65536,
        "iterations": 3,
        "lanes": 4,
        "salt": base64.b64encode(bytes(16)).decode(),
    },
    "aead": "chacha20poly1305",
    "nonce": base64.b64encode(bytes(12)).decode(),
    "wrapped_key": base64.b64encode(bytes(48)).decode(),
}
KEYFILE_PATHS = [[k] for k in KEYFILE] + [["kdf", k] for k in KEYFILE["kdf"]]


@FUZZ
@given(st.binary(max_size=600))
def test_keyfile_parser_refuses_any_bytes_with_its_own_error(data: bytes) -> None:
    with contextlib.suppress(KeyfileCorruptError):
        parse_keyfile(data)


@FUZZ
@given(st.sampled_from(KEYFILE_PATHS), json_values | st.just(_REMOVE))
def test_keyfile_parser_refuses_any_one_bad_field(path: list[str], value: object) -> None:
    raw = json.dumps(mutate(KEYFILE, path, value)).encode()
    try:
        wrapped = parse_keyfile(raw)
    except KeyfileCorruptError:
        return
    assert 65536 <= wrapped.kdf.memory_cost <= 1024 * 1024  # never a hostile cost


@FUZZ
@given(st.text(max_size=300) | st.from_regex(r"gwinvite1:[A-Za-z0-9_\-=:.]{0,200}"))
def test_invite_and_key_texts_refuse_with_their_own_errors(text: str) -> None:
    with contextlib.suppress(InviteError):
        decode_invite(text)
    with contextlib.suppress(ValueError):
        NewsroomPublicKey.from_text(text)
