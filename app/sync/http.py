"""HTTP transport to the central store (httpx): maps failures to clear Dutch sync errors."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from app.sync.client import LoginRequired, RemoteWipe, ServerUnreachable, SyncError

log = logging.getLogger(__name__)

UNREACHABLE = (
    "De centrale server is niet bereikbaar. Uw wijzigingen blijven bewaard op deze laptop "
    "en gaan mee bij de volgende synchronisatie."
)


class HttpTransport:
    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 30) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout)

    def close(self) -> None:
        self.client.close()

    def _send(self, path: str, body: dict[str, Any]) -> httpx.Response:
        try:
            return self.client.post(path, json=body)
        except httpx.HTTPError as exc:
            log.info("central store unreachable: %s", type(exc).__name__)
            raise ServerUnreachable(UNREACHABLE) from exc

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self._send(path, body)
        if response.status_code == 410:
            raise RemoteWipe(
                "Deze laptop is bij de centrale server ingetrokken. De gegevens op deze laptop "
                "zijn gewist; neem contact op met de beheerder."
            )
        if response.status_code == 401:
            raise LoginRequired("Meld u opnieuw aan bij de centrale server.")
        if response.status_code >= 400:
            log.warning("central store refused %s: HTTP %d", path, response.status_code)
            raise SyncError(
                f"De centrale server weigerde de synchronisatie (fout {response.status_code}). "
                "Er is niets verloren; meld dit de beheerder als het blijft gebeuren."
            )
        data: dict[str, Any] = response.json()
        return data

    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        response = self._send(
            "/v1/login",
            {"username": username, "password": password, "device_name": device_name},
        )
        if response.status_code == 401:
            raise LoginRequired("Gebruikersnaam of wachtwoord klopt niet.")
        if response.status_code >= 400:
            raise SyncError(f"Aanmelden lukte niet (fout {response.status_code}).")
        data: dict[str, Any] = response.json()
        return data
