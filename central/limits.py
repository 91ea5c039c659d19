"""Request bodies larger than the limit are refused with 413 before they are read whole
(a 20 MiB journal text never reaches the JSON parser)."""

from __future__ import annotations

import json
from typing import Any

# Laptops send pushes of at most 8 MiB (app.sync.push.MAX_BYTES); everything else is small.
PUSH_LIMIT = 16 * 1024 * 1024
OTHER_LIMIT = 1024 * 1024

Scope = dict[str, Any]


class _TooLarge(Exception):
    pass


def _limit_for(path: str) -> int:
    return PUSH_LIMIT if path == "/v1/push" else OTHER_LIMIT


class BodyLimit:
    """Pure ASGI middleware: counts the body as it arrives (Content-Length or chunked)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = _limit_for(scope.get("path", ""))
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counted_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLarge
            return message

        async def tracked_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await _refuse(send, limit)


async def _refuse(send: Any, limit: int) -> None:
    body = json.dumps(
        {"code": "too_large", "detail": f"the request body is larger than {limit} bytes"}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
