"""HTTP transport to the central store (httpx): maps failures to clear Dutch sync errors."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from app.sync.errors import ClockOff, LoginRequired, RemoteWipe, ServerUnreachable, SyncError

log = logging.getLogger(__name__)

UNREACHABLE = (
    "De centrale server is niet bereikbaar. Uw wijzigingen blijven bewaard op deze laptop "
    "en gaan mee bij de volgende synchronisatie."
)


def _refusal(response: httpx.Response) -> dict[str, Any]:
    """The central store's error body ({"code", "detail", ...}), or nothing."""
    if response.status_code < 400:
        return {}
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


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
        refusal = _refusal(response)
        if response.status_code == 401:
            if refusal.get("code") == "token_expired":
                raise LoginRequired(
                    "Uw aanmelding bij de centrale server is verlopen (te lang niet "
                    "gesynchroniseerd). Meld u opnieuw aan; uw wijzigingen blijven bewaard."
                )
            raise LoginRequired("Meld u opnieuw aan bij de centrale server.")
        if response.status_code == 409 and refusal.get("code") == "clock_skew":
            offset = float(refusal.get("offset_s") or 0)
            minutes = max(1, round(abs(offset) / 60))
            direction = "voor" if offset > 0 else "achter"
            raise ClockOff(
                f"De klok van deze laptop loopt {minutes} minuten {direction} op de centrale "
                "server. Zet de datum en tijd van de laptop goed; uw wijzigingen blijven "
                "bewaard en gaan mee bij de volgende synchronisatie.",
                offset,
            )
        if response.status_code == 409 and refusal.get("code") == "too_many_conflicts":
            raise SyncError(
                "Er staan te veel conflicten open om nog wijzigingen te verzenden. Los eerst "
                "conflicten op (Bestand → Conflicten oplossen); er gaat niets verloren."
            )
        if response.status_code == 413:
            raise SyncError(
                "De wijzigingen zijn te groot om in één keer te verzenden. Er is niets "
                "verloren; meld dit de beheerder."
            )
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
        if response.status_code == 429:
            wait = int(_refusal(response).get("retry_after") or 60)
            raise LoginRequired(
                "Te vaak een verkeerd wachtwoord. Probeer het over "
                f"{max(1, round(wait / 60))} minuut/minuten opnieuw."
            )
        if response.status_code >= 400:
            raise SyncError(f"Aanmelden lukte niet (fout {response.status_code}).")
        data: dict[str, Any] = response.json()
        return data
