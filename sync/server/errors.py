"""API errors: every refusal is JSON ``{"error": code, "message": plain words}``."""

from __future__ import annotations

import json
from collections.abc import Mapping


class ApiError(Exception):
    """A refusal with an HTTP status, a stable code and a message that says what to do.

    Messages never contain submitted content, tokens or keys.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = dict(headers or {})

    def body(self) -> dict[str, str]:
        out = {"error": self.code, "message": self.message}
        if self.field is not None:
            out["field"] = self.field
        return out

    def body_bytes(self) -> bytes:
        return json.dumps(self.body(), ensure_ascii=False).encode("utf-8")
