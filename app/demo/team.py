"""The generated demo team (a team lead who sees everything and seven colleagues) and the
employers its clients work for."""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.demo import words
from app.demo.people import postcode
from app.demo.rows import DemoRows
from app.domain.vocab import Role
from app.models import Caseworker, Employer

TEAM_NAME = "Werkbedrijf Hengelo, Borne en Haaksbergen"
TEAM_MUNICIPALITY = "hengelo"


@dataclass(frozen=True)
class Member:
    username: str
    display_name: str
    role: Role


# The demo store's owner (a laptop) or the account to log in with (the central store).
OWNER = Member("demo.teamleider", "Marloes Demo (teamleider)", Role.TEAM_LEAD)
STAFF = (
    Member("demo.werkcoach1", "Jeroen Demo (werkcoach)", Role.WORK_COACH),
    Member("demo.werkcoach2", "Sanne Demo (werkcoach)", Role.WORK_COACH),
    Member("demo.klantmanager1", "Wendy Demo (klantmanager)", Role.CASE_MANAGER),
    Member("demo.klantmanager2", "Daan Demo (klantmanager)", Role.CASE_MANAGER),
    Member("demo.participatiecoach", "Ilse Demo (participatiecoach)", Role.PARTICIPATION_COACH),
    Member("demo.jobcoach", "Lars Demo (jobcoach)", Role.JOB_COACH),
    Member("demo.arbeidsdeskundige", "Femke Demo (arbeidsdeskundige)", Role.LABOUR_EXPERT),
)


@dataclass(frozen=True)
class Cast:
    """Who the generated clients meet: the owner, the caseworkers they are assigned to (the
    owner first) and the employers they work for."""

    owner_id: str
    workers: list[str]
    employers: list[str]

    @property
    def coaches(self) -> list[str]:
        return self.workers[1:] or self.workers


def add_member(rows: DemoRows, member: Member, team_id: str | None, **values: str) -> str:
    """One caseworker of the team (`values` may fix its id)."""
    worker_id = rows.add(
        Caseworker,
        **values,
        username=member.username,
        display_name=member.display_name,
        role=member.role.value,
        team_id=team_id,
        email=None,
        active=True,
    )
    rows.staff[worker_id] = (member.display_name, member.role.value)
    return worker_id


def add_staff(rows: DemoRows, team_id: str | None) -> list[str]:
    """The owner's seven colleagues; returns their ids."""
    return [add_member(rows, member, team_id) for member in STAFF]


def add_employers(rng: random.Random, rows: DemoRows) -> list[str]:
    ids = []
    for index, name in enumerate(words.EMPLOYER_NAMES):
        municipality = rng.choice(list(words.POSTCODES))
        ids.append(
            rows.add(
                Employer,
                name=name,
                kvk_number=f"{rng.randint(10_000_000, 99_999_999)}",
                street=rng.choice(words.STREETS),
                house_number=str(rng.randint(1, 200)),
                postcode=postcode(rng, municipality),
                city=words.CITY[municipality],
                contact_person=f"Contactpersoon {index + 1}",
                contact_phone=f"074{rng.randint(1_000_000, 9_999_999)}",
                contact_email=f"contact{index + 1}@werkgever.example",
                sector=rng.choice(words.SECTORS),
            )
        )
    return ids
