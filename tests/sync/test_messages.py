"""The client's reader (sync/messages.py) and the server's models (sync/protocol.py) agree.

Every response model the server has has a class of the same name in sync.messages with
the same fields, types, order and defaults; every reply the server's models can write
reads back through the client's reader to the same values; and the reader refuses what
is not its message, naming where, without echoing the value.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from sync import messages, protocol

RESPONSE_MODELS = sorted(
    (
        value
        for value in vars(protocol).values()
        if isinstance(value, type)
        and issubclass(value, protocol._Response)
        and value is not protocol._Response
    ),
    key=lambda model: model.__name__,
)


def shape(kind: Any) -> Any:
    """A field type with message classes replaced by their names (both sides comparable)."""
    if isinstance(kind, type) and (issubclass(kind, BaseModel) or dataclasses.is_dataclass(kind)):
        return kind.__name__
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return shape(typing.get_args(kind)[0])
    if origin in (types.UnionType, typing.Union):
        return ("union", frozenset(shape(argument) for argument in typing.get_args(kind)))
    if origin is not None:
        return (origin, tuple(shape(argument) for argument in typing.get_args(kind)))
    return kind


def test_every_server_reply_has_its_client_class() -> None:
    assert len(RESPONSE_MODELS) >= 17  # with Release (GET /v1/release)
    missing = [m.__name__ for m in RESPONSE_MODELS if not hasattr(messages, m.__name__)]
    assert missing == [], "add these replies to sync/messages.py"


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda model: model.__name__)
def test_the_client_class_has_the_server_model_fields(model: type[BaseModel]) -> None:
    client = getattr(messages, model.__name__)
    hints = typing.get_type_hints(client)
    server_fields = [
        (name, shape(field.annotation), field.is_required(), field.default)
        for name, field in model.model_fields.items()
    ]
    client_fields = [
        (
            field.name,
            shape(hints[field.name]),
            field.default is dataclasses.MISSING,
            None if field.default is dataclasses.MISSING else field.default,
        )
        for field in dataclasses.fields(client)
    ]
    server_fields = [
        (name, kind, required, None if required else default)
        for name, kind, required, default in server_fields
    ]
    assert client_fields == server_fields


def values_of(kind: Any) -> st.SearchStrategy[Any]:
    """Values a server model field of type `kind` can hold."""
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return st.builds(
            kind,
            **{
                name: values_of(typing.Annotated[(f.annotation, *f.metadata)])
                if f.metadata
                else values_of(f.annotation)
                for name, f in kind.model_fields.items()
            },
        )
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Annotated:
        patterns = [getattr(a, "pattern", None) for a in arguments[1:]]
        pattern = next((p for p in patterns if p is not None), None)
        if arguments[0] is str and pattern is not None:  # e.g. a device id, a token
            return st.from_regex(pattern, fullmatch=True)
        return values_of(arguments[0])
    if origin in (types.UnionType, typing.Union):
        return st.one_of(*(values_of(argument) for argument in arguments))
    if origin is list:
        return st.lists(values_of(arguments[0]), max_size=3)
    if origin is Literal:
        return st.sampled_from(arguments)
    strategies: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(),
        int: st.integers(min_value=-(2**63), max_value=2**63 - 1),
        bool: st.booleans(),
        type(None): st.none(),
    }
    return strategies[kind]


def as_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [as_plain(item) for item in value]
    return value


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda model: model.__name__)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_server_reply_reads_back_the_same(
    model: type[BaseModel], data: st.DataObject
) -> None:
    sent = data.draw(values_of(model))
    for wire_text in (sent.model_dump_json(), sent.model_dump_json(exclude_defaults=True)):
        read = messages.parse(getattr(messages, model.__name__), wire_text)
        assert as_plain(read) == sent.model_dump()


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_receipt_is_stored_as_the_server_writes_it(data: st.DataObject) -> None:
    sent = data.draw(values_of(protocol.Receipt))
    read = messages.parse(messages.Receipt, sent.model_dump_json())
    assert read.to_json() == sent.model_dump_json()


RECEIPT = {"envelope_id": "e", "seq": 7, "received_at": "t", "sha256": "s"}


def test_unknown_fields_are_ignored_as_the_server_models_ignore_them() -> None:
    reply = json.dumps({"results": [{"envelope_id": "e", "ok": True, "receipt": RECEIPT}], "x": 1})
    read = messages.parse(messages.UploadResponse, reply)
    assert read.results[0].receipt == messages.Receipt(**RECEIPT)  # type: ignore[arg-type]
    assert read.results[0].error is None


@pytest.mark.parametrize(
    ("reply", "where", "expected"),
    [
        ({**RECEIPT, "seq": "7"}, "Receipt.seq", "an integer"),
        ({**RECEIPT, "seq": 7.0}, "Receipt.seq", "an integer"),
        ({**RECEIPT, "seq": True}, "Receipt.seq", "an integer"),
        ({**RECEIPT, "seq": None}, "Receipt.seq", "an integer"),
        ({**RECEIPT, "sha256": 5}, "Receipt.sha256", "a string"),
        (
            {k: v for k, v in RECEIPT.items() if k != "received_at"},
            "Receipt.received_at",
            "a value",
        ),
        ([RECEIPT], "Receipt", "an object"),
    ],
)
def test_the_reader_refuses_what_is_not_its_message(reply: Any, where: str, expected: str) -> None:
    with pytest.raises(messages.MessageError) as caught:
        messages.parse(messages.Receipt, json.dumps(reply))
    assert str(caught.value).startswith(f"{where}: expected {expected}")
    assert "7" not in str(caught.value)  # where and what was expected, never the value


@pytest.mark.parametrize(
    ("message", "reply", "where"),
    [
        (messages.UploadResult, {"envelope_id": "e", "ok": 1}, "UploadResult.ok"),
        (
            messages.UploadResult,
            {"envelope_id": "e", "ok": True, "receipt": []},
            "UploadResult.receipt",
        ),
        (messages.MissingResponse, {"missing": ["a", 1]}, "MissingResponse.missing.1"),
        (messages.MissingResponse, {"missing": "a"}, "MissingResponse.missing"),
        (messages.Health, {"status": "bad", "version": "1", "api": 1}, "Health.status"),
        (
            messages.EnvelopePage,
            {"envelopes": [{"seq": 1}], "next_after": 1, "more": False},
            "EnvelopePage.envelopes.0.envelope_id",
        ),
    ],
)
def test_the_reader_names_where_a_nested_reply_breaks(
    message: type[Any], reply: Any, where: str
) -> None:
    with pytest.raises(messages.MessageError, match=f"^{where.replace('.', '[.]')}: "):
        messages.parse(message, json.dumps(reply))


@pytest.mark.parametrize("text", [b"", b"{", b"\xff\xfe\x00", b"NaN"])
def test_a_reply_that_is_not_json_is_refused(text: bytes) -> None:
    with pytest.raises(messages.MessageError):
        messages.parse(messages.Receipt, text)
