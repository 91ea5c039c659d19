"""The participatieladder: deriving the trede from the official criteria (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


@dataclass(frozen=True)
class LadderAnswers:
    """The criteria of the six treden, as yes/no answers about the client's situation now."""

    paid_work: bool = False
    paid_work_supported: bool = False
    unpaid_work: bool = False
    unpaid_work_weekly: bool = False
    organised_activity: bool = False
    organised_activity_weekly: bool = False
    social_contacts_weekly: bool = False

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def derive_trede(answers: LadderAnswers) -> int:
    """The trede that the official definitions give for these answers."""
    if answers.paid_work:
        return 5 if answers.paid_work_supported else 6
    if answers.unpaid_work:
        return 4 if answers.unpaid_work_weekly else 3
    if answers.organised_activity:
        return 3 if answers.organised_activity_weekly else 2
    if answers.social_contacts_weekly:
        return 2
    return 1


class PolicyGroup(StrEnum):
    SOCIAL_PARTICIPATION = "maatschappelijke participatie"
    VULNERABLE_MIDDLE = "kwetsbare middengroep"
    SELF_RELIANT = "zelfredzaam"


def policy_group(trede: int) -> PolicyGroup:
    if trede not in range(1, 7):
        raise ValueError(f"een trede is 1 tot en met 6, niet {trede}")
    if trede <= 2:
        return PolicyGroup.SOCIAL_PARTICIPATION
    if trede <= 4:
        return PolicyGroup.VULNERABLE_MIDDLE
    return PolicyGroup.SELF_RELIANT


TREDE_NAMES = {
    1: "Geïsoleerd",
    2: "Sociale contacten buiten de deur",
    3: "Deelname georganiseerde activiteiten",
    4: "Onbetaald werk",
    5: "Betaald werk met ondersteuning",
    6: "Betaald werk",
}


# The official definitions (seed 001, bijlage 2.3 "Afbakening treden"), shortened for display.
TREDE_DEFINITIONS = {
    1: "Heeft niet of nauwelijks contact met anderen dan huisgenoten; contacten buiten het "
    "huishouden zijn alleen functioneel (winkelpersoneel, hulpverleners).",
    2: "Heeft minstens één keer per week fysiek contact met mensen die geen huisgenoten zijn, "
    "niet in georganiseerd verband, zonder taken met verantwoordelijkheid en niet alleen "
    "functioneel.",
    3: "Neemt deel aan activiteiten in georganiseerd verband (vereniging, cursus, taalles "
    "zonder werkcomponent), zonder taken met verantwoordelijkheid naar anderen; wekelijks "
    "met fysiek contact.",
    4: "Heeft geen arbeidscontract, voert taken uit met verantwoordelijkheid naar anderen en "
    "heeft daarbij minstens één keer per week fysiek contact (vrijwilligerswerk, werken met "
    "behoud van uitkering, stage).",
    5: "Heeft een arbeidscontract of is zelfstandige en krijgt daarbij ondersteuning: "
    "gemeentelijke instrumenten (loonkostensubsidie, jobcoach), een aanvullende uitkering, "
    "werk in Wsw-verband of een opleiding met werkcomponent onder startkwalificatie (bbl).",
    6: "Heeft een arbeidscontract of is zelfstandige, zonder aanvullende uitkering, zonder "
    "begeleiding buiten leidinggevende en collega's en zonder Wsw of gemeentelijke "
    "participatie-instrumenten.",
}


def answers_for_trede(trede: int) -> LadderAnswers:
    """A typical set of answers that derives to `trede` (for generated data)."""
    return {
        1: LadderAnswers(),
        2: LadderAnswers(social_contacts_weekly=True),
        3: LadderAnswers(
            organised_activity=True, organised_activity_weekly=True, social_contacts_weekly=True
        ),
        4: LadderAnswers(unpaid_work=True, unpaid_work_weekly=True, social_contacts_weekly=True),
        5: LadderAnswers(paid_work=True, paid_work_supported=True, social_contacts_weekly=True),
        6: LadderAnswers(paid_work=True, social_contacts_weekly=True),
    }[trede]
