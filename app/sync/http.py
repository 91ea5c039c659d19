"""HTTP transport to the central store (httpx): maps failures to clear Dutch sync errors."""

from __future__ import annotations

import logging
import ssl
from typing import Any

import httpx

from app.sync import errors as e
from app.sync.errors import ClockOff, LoginRequired, RemoteWipe, ServerUnreachable, SyncError

log = logging.getLogger(__name__)


def _refusal(response: httpx.Response) -> dict[str, Any]:
    """The central store's error body ({"code", "detail", ...}), or nothing."""
    if response.status_code < 400:
        return {}
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _trusted_context() -> ssl.SSLContext:
    """TLS that trusts what the operating system trusts (the organisation's own CA too)."""
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _untrusted_certificate(error: BaseException) -> bool:
    while error is not None:
        if isinstance(error, ssl.SSLCertVerificationError):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


class HttpTransport:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 30) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10)),
            verify=_trusted_context(),
        )

    def close(self) -> None:
        self.client.close()

    def _send(self, path: str, body: dict[str, Any]) -> httpx.Response:
        try:
            return self.client.post(path, json=body)
        except httpx.HTTPError as exc:
            if _untrusted_certificate(exc):
                log.warning("the central store's certificate is not trusted by this computer")
                raise ServerUnreachable(e.UNTRUSTED_CERTIFICATE) from exc
            log.info("central store unreachable: %s", type(exc).__name__)
            raise ServerUnreachable(e.UNREACHABLE) from exc

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self._send(path, body)
        if response.status_code == 410:
            raise RemoteWipe(e.REVOKED)
        refusal = _refusal(response)
        if response.status_code == 401:
            if refusal.get("code") == "token_expired":
                raise LoginRequired(e.LOGIN_EXPIRED)
            raise LoginRequired(e.LOG_IN_AGAIN)
        if response.status_code == 409 and refusal.get("code") == "clock_skew":
            raise ClockOff(float(refusal.get("offset_s") or 0))
        if response.status_code == 409 and refusal.get("code") == "too_many_conflicts":
            raise SyncError(e.TOO_MANY_CONFLICTS)
        if response.status_code == 413:
            raise SyncError(e.TOO_LARGE)
        if response.status_code >= 400:
            log.warning("central store refused %s: HTTP %d", path, response.status_code)
            raise SyncError(e.REFUSED, response.status_code)
        data: dict[str, Any] = response.json()
        return data

    def login(
        self, username: str, password: str, device_name: str, previous_token: str | None = None
    ) -> dict[str, Any]:
        body = {"username": username, "password": password, "device_name": device_name}
        if previous_token:
            body["previous_token"] = previous_token
        try:
            response = self._send("/v1/login", body)
        except ServerUnreachable as exc:
            if str(exc) == e.UNTRUSTED_CERTIFICATE:
                raise
            # nothing of this laptop waits to be sent yet: say what to check instead
            raise ServerUnreachable(e.LOGIN_UNREACHABLE) from exc
        if response.status_code == 401:
            raise LoginRequired(e.WRONG_PASSWORD)
        if response.status_code == 429:
            wait = int(_refusal(response).get("retry_after") or 60)
            raise LoginRequired(e.TOO_MANY_LOGINS, max(1, round(wait / 60)))
        if response.status_code >= 400:
            raise SyncError(e.LOGIN_FAILED, response.status_code)
        data: dict[str, Any] = response.json()
        return data
