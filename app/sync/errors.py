"""What can stop a sync, as exceptions whose message is Dutch and fit for the caseworker.
Each message is one of the texts below (the GUI shows them translated: `text`, `values`)."""

from __future__ import annotations

UNREACHABLE = (
    "De centrale server is niet bereikbaar. Uw wijzigingen blijven bewaard op deze laptop "
    "en gaan mee bij de volgende synchronisatie."
)
LOGIN_UNREACHABLE = (
    "De centrale server is niet bereikbaar. Controleer het adres en de netwerkverbinding en "
    "probeer het opnieuw; er is niets opgeslagen."
)
LOGIN_CANCELLED = "Het aanmelden is afgebroken; er is niets opgeslagen."
UNTRUSTED_CERTIFICATE = (
    "Het certificaat van de centrale server wordt door deze computer niet vertrouwd, dus "
    "maakt Trede geen verbinding. Vraag de beheerder of het adres klopt en of het certificaat "
    "van de server door uw organisatie is uitgegeven en op deze laptop is geïnstalleerd."
)
NOT_LINKED = "Deze laptop is nog niet gekoppeld aan een centrale server."
LOG_IN_AGAIN = "Meld u opnieuw aan bij de centrale server."
LOGIN_EXPIRED = (
    "Uw aanmelding bij de centrale server is verlopen (te lang niet gesynchroniseerd). Meld u "
    "opnieuw aan; uw wijzigingen blijven bewaard."
)
WRONG_PASSWORD = "Gebruikersnaam of wachtwoord klopt niet."
TOO_MANY_LOGINS = "Te vaak een verkeerd wachtwoord. Probeer het over {0} minuut/minuten opnieuw."
LOGIN_FAILED = "Aanmelden lukte niet (fout {0})."
REVOKED = (
    "Deze laptop is bij de centrale server ingetrokken. De gegevens op deze laptop zijn "
    "gewist; neem contact op met de beheerder."
)
CLOCK_AHEAD = (
    "De klok van deze laptop loopt {0} minuten voor op de centrale server. Zet de datum en "
    "tijd van de laptop goed; uw wijzigingen blijven bewaard en gaan mee bij de volgende "
    "synchronisatie."
)
CLOCK_BEHIND = (
    "De klok van deze laptop loopt {0} minuten achter op de centrale server. Zet de datum en "
    "tijd van de laptop goed; uw wijzigingen blijven bewaard en gaan mee bij de volgende "
    "synchronisatie."
)
TOO_MANY_CONFLICTS = (
    "Er staan te veel conflicten open om nog wijzigingen te verzenden. Los eerst conflicten "
    "op (Bestand → Conflicten oplossen); er gaat niets verloren."
)
TOO_LARGE = (
    "De wijzigingen zijn te groot om in één keer te verzenden. Er is niets verloren; meld "
    "dit de beheerder."
)
REFUSED = (
    "De centrale server weigerde de synchronisatie (fout {0}). Er is niets verloren; meld "
    "dit de beheerder als het blijft gebeuren."
)
CANCELLED = "De synchronisatie is afgebroken; er gaat niets verloren."
CHECK_FAILED = (
    "De controle na de synchronisatie klopt niet. Er is niets verloren; probeer het later "
    "opnieuw of meld het de beheerder."
)
DAMAGED = (
    "Een ontvangen gegeven is onderweg beschadigd; er is niets opgeslagen. Probeer het opnieuw."
)
MESSAGES = (
    UNREACHABLE,
    LOGIN_UNREACHABLE,
    LOGIN_CANCELLED,
    UNTRUSTED_CERTIFICATE,
    NOT_LINKED,
    LOG_IN_AGAIN,
    LOGIN_EXPIRED,
    WRONG_PASSWORD,
    TOO_MANY_LOGINS,
    LOGIN_FAILED,
    REVOKED,
    CLOCK_AHEAD,
    CLOCK_BEHIND,
    TOO_MANY_CONFLICTS,
    TOO_LARGE,
    REFUSED,
    CANCELLED,
    CHECK_FAILED,
    DAMAGED,
)


class SyncError(Exception):
    """A sync could not finish; nothing that was saved is lost."""

    def __init__(self, text: str, *values: object) -> None:
        super().__init__(text.format(*values))
        self.text = text
        self.values = values


class ServerUnreachable(SyncError):
    pass


class LoginRequired(SyncError):
    pass


class RemoteWipe(SyncError):
    """The central store revoked this device or account: the local store must be wiped."""


class SyncCancelled(SyncError):
    pass


class ClockOff(SyncError):
    """The central store refused the push: this laptop's clock is too far off."""

    def __init__(self, offset_s: float) -> None:
        minutes = max(1, round(abs(offset_s) / 60))
        super().__init__(CLOCK_AHEAD if offset_s > 0 else CLOCK_BEHIND, minutes)
        self.offset_s = offset_s
