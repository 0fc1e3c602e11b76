"""The server's replies as the client reads them: frozen dataclasses and a strict reader.

The server describes each ``/v1`` reply with a pydantic model (:mod:`sync.protocol`); the
desktop app reads the same JSON with the classes below and :func:`parse`, so it carries no
validation library. Same names, same fields, same JSON: tests/sync/test_messages.py holds
every server response model to its class here, both ways.

The reader is strict where the server is exact: a string must be a JSON string, an
integer a JSON integer (never ``true``, ``1.0`` or ``"1"``), ``null`` only where a field
may be null, and a field without a default must be there. Unknown fields are ignored, as
the server's models ignore them, so a newer server can add fields.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

__all__ = [
    "AckResponse",
    "BundlePage",
    "BundleReceipt",
    "CheckedEnvelope",
    "DeskSigningKey",
    "DeviceInfo",
    "DeviceList",
    "EncryptionKeyResponse",
    "EnrollResponse",
    "EnvelopePage",
    "ErrorBody",
    "Health",
    "MessageError",
    "MessagePage",
    "MessageReceipt",
    "MissingResponse",
    "OpenedPage",
    "OpenedReceipt",
    "Receipt",
    "RelayedBundle",
    "Release",
    "StoredEnvelope",
    "StoredMessage",
    "StoredOpened",
    "UploadResponse",
    "UploadResult",
    "parse",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class AckResponse:
    """The desk's acknowledgement cursor now (``through``, capped at the newest seq)."""

    acknowledged: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorBody:
    """Every error: a stable code, plain words saying what to do, and the field if any."""

    error: str
    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EnrollResponse:
    device_id: str
    newsroom_public_key: str
    newsroom_fingerprint: str
    device_token: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Receipt:
    """Proof that the server stored an envelope; the same for every resend of it."""

    envelope_id: str
    seq: int
    received_at: str
    sha256: str

    def to_json(self) -> str:
        """Compact JSON, as the store keeps a receipt (the server's own serialisation)."""
        return json.dumps(dataclasses.asdict(self), separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadResult:
    """One envelope's outcome: ``ok`` with a receipt, or an error code, status and message."""

    envelope_id: str
    ok: bool
    receipt: Receipt | None = None
    error: str | None = None
    status: int | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadResponse:
    results: list[UploadResult]


@dataclass(frozen=True, slots=True, kw_only=True)
class MissingResponse:
    missing: list[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEnvelope:
    seq: int
    envelope_id: str
    device_id: str
    kind: str
    recipient_key_id: str
    kem: str
    size: int
    sha256: str
    received_at: str
    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckedEnvelope(StoredEnvelope):
    """A `StoredEnvelope` as the client hands it on: ``raw`` is ``data`` decoded, already
    checked against ``size`` and ``sha256`` (never read from a reply)."""

    raw: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvelopePage:
    """A page of ``GET /v1/envelopes``: ask again with ``after=next_after`` while ``more``."""

    envelopes: list[StoredEnvelope]
    next_after: int
    more: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceInfo:
    device_id: str
    label: str | None
    public_key: str | None
    enrolled: bool
    revoked: bool
    created_at: str
    enrolled_at: str | None
    encryption_key: str | None = None
    encryption_key_signature: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceList:
    devices: list[DeviceInfo]


@dataclass(frozen=True, slots=True, kw_only=True)
class BundleReceipt:
    """``POST /v1/bundles``: the number the server keeps a relayed bundle under."""

    seq: int
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RelayedBundle:
    seq: int
    data: str
    received_at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BundlePage:
    """``GET /v1/bundles``: at most one bundle; ask again with ``after=next_after``."""

    bundles: list[RelayedBundle]
    next_after: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageReceipt:
    message_id: str
    device_id: str
    seq: int
    created_at: str
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredMessage:
    seq: int
    message_id: str
    size: int
    sha256: str
    created_at: str
    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MessagePage:
    messages: list[StoredMessage]
    next_after: int
    more: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenedReceipt:
    seq: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredOpened:
    seq: int
    data: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenedPage:
    lists: list[StoredOpened]
    next_after: int
    more: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class EncryptionKeyResponse:
    device_id: str
    encryption_key: str
    fingerprint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DeskSigningKey:
    """``GET`` / ``PUT /v1/desk-signing-key``: null until a desk registered one."""

    public_key: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """``GET /v1/release``: the latest signed release manifest (base64 fields), or nulls."""

    public_key: str | None
    manifest: str | None
    signature: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Health:
    status: Literal["ok"]
    version: str
    api: int


# --- The reader ----------------------------------------------------------------------------


class MessageError(ValueError):
    """A reply is not the message it should be. Says where, never what the value was."""

    def __init__(self, expected: str, path: tuple[str, ...] = ()) -> None:
        self.expected = expected
        self.path = path
        where = ".".join(path) or "the reply"
        super().__init__(f"{where}: expected {expected}")

    def within(self, name: str) -> MessageError:
        return MessageError(self.expected, (name, *self.path))


M = TypeVar("M")
_Read = Callable[[Any], Any]
_READERS: dict[object, _Read] = {}
_NO_DEFAULT = object()


def parse(message: type[M], data: bytes | str) -> M:
    """``data`` (a JSON document) read as ``message``; raises :class:`MessageError`."""
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise MessageError("a JSON document") from None
    try:
        result: M = _reader(message)(value)
    except MessageError as error:
        raise error.within(message.__name__) from None
    return result


def _reader(kind: object) -> _Read:
    """The reader of a field type, made once per type."""
    read = _READERS.get(kind)
    if read is None:
        read = _READERS[kind] = _make_reader(kind)
    return read


def _make_reader(kind: object) -> _Read:
    if kind is str or kind is int or kind is bool:
        exact = kind
        expected = {str: "a string", int: "an integer", bool: "true or false"}[exact]

        def read_exact(value: Any) -> Any:
            if type(value) is not exact:  # bool is an int and 1.0 a number: neither is taken
                raise MessageError(expected)
            return value

        return read_exact
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union) and type(None) in arguments:
        others = [argument for argument in arguments if argument is not type(None)]
        if len(others) != 1:
            raise TypeError(f"unsupported field type {kind!r}")
        inner = _reader(others[0])

        def read_optional(value: Any) -> Any:
            return None if value is None else inner(value)

        return read_optional
    if origin is list:
        item = _reader(arguments[0])

        def read_list(value: Any) -> Any:
            if type(value) is not list:
                raise MessageError("a list")
            result = []
            for index, element in enumerate(value):
                try:
                    result.append(item(element))
                except MessageError as error:
                    raise error.within(str(index)) from None
            return result

        return read_list
    if origin is Literal:
        allowed = frozenset(arguments)
        described = " or ".join(json.dumps(argument) for argument in arguments)

        def read_literal(value: Any) -> Any:
            if type(value) is not str or value not in allowed:
                raise MessageError(described)
            return value

        return read_literal
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _message_reader(kind)
    raise TypeError(f"unsupported field type {kind!r}")


def _message_reader(message: type[Any]) -> _Read:
    hints = typing.get_type_hints(message)
    # (name, exact type or None, reader, required): plain str/int/bool fields are checked
    # inline, the hot path of a page of 500 envelopes.
    plan: list[tuple[str, type | None, _Read, bool]] = []
    for field in dataclasses.fields(message):
        if field.default is not dataclasses.MISSING and field.default is not None:
            raise TypeError(f"{message.__name__}: only None defaults are supported")
        kind = hints[field.name]
        exact = kind if kind in (str, int, bool) else None
        required = field.default is dataclasses.MISSING
        plan.append((field.name, exact, _reader(kind), required))

    def read_message(value: Any) -> Any:
        if type(value) is not dict:
            raise MessageError("an object")
        arguments = {}
        for name, exact, read, required in plan:
            if name not in value:
                if required:
                    raise MessageError("a value (it is missing)", (name,))
                continue
            field = value[name]
            if type(field) is exact:
                arguments[name] = field
                continue
            try:
                arguments[name] = read(field)
            except MessageError as error:
                raise error.within(name) from None
        return message(**arguments)

    return read_message
