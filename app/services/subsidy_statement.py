"""What a municipality pays in loonkostensubsidie per calendar month (seed 001 ch. 10.7: from
the BUIG budget): per placement, pro rata per day, and summed per caseworker, team and
municipality, per month and per quarter."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.domain.dates import month_end, month_start, months_between
from app.domain.names import person_forms
from app.domain.placements import SUBSIDISED_TYPES
from app.models import CaseAssignment, Caseworker, Client, Employer, Placement, Team
from app.services.caseload import Scope
from app.services.context import Actor
from app.services.errors import AccessDenied, ValidationFailed
from app.services.placement_subsidy import month_amounts
from app.services.subsidy_decisions import decision_rows_of
from app.services.wage_value import measurement_rows_of

Progress = Callable[[int, int], None]
MAX_MONTHS = 60  # five years in one statement


@dataclass(frozen=True)
class StatementLine:
    """One placement in one month."""

    month: dt.date  # the first day
    client_id: str
    client_name: str  # achternaam, voornamen
    municipality: str
    caseworker_name: str
    team_name: str
    placement_id: str
    employer_name: str
    placement_type: str
    amount: Decimal  # rounded to cents, as paid
    days_paid: int
    days_in_month: int


def quarter_of(month: dt.date) -> str:
    """'2026-K3': the quarter a month falls in."""
    return f"{month.year}-K{(month.month - 1) // 3 + 1}"


def _everything(_line: StatementLine) -> str:
    """One group of all lines."""
    return ""


@dataclass(frozen=True)
class Statement:
    first_month: dt.date
    last_month: dt.date
    lines: tuple[StatementLine, ...]

    @property
    def months(self) -> list[dt.date]:
        return months_between(self.first_month, self.last_month)

    @property
    def quarters(self) -> list[str]:
        return list(dict.fromkeys(quarter_of(month) for month in self.months))

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    def per_month(self, group: Callable[[StatementLine], str]) -> dict[str, dict[dt.date, Decimal]]:
        """Per group (a municipality, a caseworker, a team), the amount of each month."""
        sums: dict[str, dict[dt.date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for line in self.lines:
            sums[group(line)][line.month] += line.amount
        return {name: dict(months) for name, months in sorted(sums.items())}

    def sums(self, group: Callable[[StatementLine], str]) -> list[tuple[str, list[Decimal]]]:
        """Per group, the amount of each month, of each quarter and the total: the rows of
        the sums table, in `months` + `quarters` order."""
        per_quarter = self.per_quarter(group)
        return [
            (name, self._row(by_month, per_quarter[name]))
            for name, by_month in self.per_month(group).items()
        ]

    def totals(self) -> list[Decimal]:
        """The same row for all placements together."""
        everything = self.per_month(_everything).get("", {})
        return self._row(everything, self.per_quarter(_everything).get("", {}))

    def _row(
        self, by_month: dict[dt.date, Decimal], by_quarter: dict[str, Decimal]
    ) -> list[Decimal]:
        return [
            *(by_month.get(month, Decimal(0)) for month in self.months),
            *(by_quarter.get(quarter, Decimal(0)) for quarter in self.quarters),
            sum(by_month.values(), Decimal(0)),
        ]

    def per_quarter(self, group: Callable[[StatementLine], str]) -> dict[str, dict[str, Decimal]]:
        """Per group, the amount of each quarter: the sum of its months as paid."""
        sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
        for line in self.lines:
            sums[group(line)][quarter_of(line.month)] += line.amount
        return {name: dict(quarters) for name, quarters in sorted(sums.items())}


def statement_period_problem(first: dt.date, last: dt.date) -> str | None:
    if last < first:
        return "De laatste maand ligt voor de eerste."
    if len(months_between(first, last)) > MAX_MONTHS:
        return f"Kies ten hoogste {MAX_MONTHS} maanden."
    return None


def subsidy_statement(
    session: Session,
    actor: Actor,
    *,
    first: dt.date,
    last: dt.date,
    scope: Scope = Scope.OWN,
    progress: Progress | None = None,
) -> Statement:
    """The payable subsidy of every subsidised placement of the actor's clients (a team
    lead: of the team) in the months from `first`'s to `last`'s."""
    first, last = month_start(first), month_end(last)
    problem = statement_period_problem(first, last)
    if problem:
        raise ValidationFailed({"period": problem})
    if scope is Scope.TEAM and not actor.is_team_lead:
        raise AccessDenied("Alleen een teamleider ziet de subsidie van het hele team.")
    query = (
        select(
            Placement,
            Employer.name,
            Client.birth_date,
            Client.municipality,
            Client.voornamen,
            Client.tussenvoegsel,
            Client.achternaam,
            Caseworker.display_name,
            Team.name,
        )
        .join(Employer, Employer.id == Placement.employer_id)
        .join(Client, Client.id == Placement.client_id)
        .join(
            CaseAssignment,
            and_(
                CaseAssignment.client_id == Client.id,
                CaseAssignment.ended_on.is_(None),
                CaseAssignment.deleted_at.is_(None),
            ),
        )
        .join(Caseworker, Caseworker.id == CaseAssignment.caseworker_id)
        .outerjoin(Team, Team.id == Caseworker.team_id)
        .where(
            Placement.deleted_at.is_(None),
            Client.deleted_at.is_(None),
            Placement.placement_type.in_([kind.value for kind in SUBSIDISED_TYPES]),
            Placement.started_on <= last,
            or_(Placement.ended_on.is_(None), Placement.ended_on >= first),
        )
    )
    if scope is Scope.OWN:
        query = query.where(CaseAssignment.caseworker_id == actor.caseworker_id)
    else:
        query = query.where(Caseworker.team_id == actor.team_id)
    found = session.execute(query).all()
    client_ids = list({row[0].client_id for row in found})
    measurements = measurement_rows_of(session, client_ids)
    decisions = decision_rows_of(session, client_ids)
    lines: list[StatementLine] = []
    for index, row in enumerate(found):
        placement, employer, birth, town, first_names, middle, surname, worker, team = row
        listing = person_forms(first_names, middle, surname)[1]
        for amount in month_amounts(
            placement,
            birth,
            decisions.get(placement.client_id, []),
            measurements.get(placement.client_id, []),
            first,
            last,
        ):
            if amount.days_paid:
                lines.append(
                    StatementLine(
                        amount.month,
                        placement.client_id,
                        listing,
                        town,
                        worker,
                        team or "",
                        placement.id,
                        employer,
                        placement.placement_type,
                        amount.amount,
                        amount.days_paid,
                        amount.days_in_month,
                    )
                )
        if progress is not None:
            progress(index + 1, len(found))
    lines.sort(key=lambda line: (line.month, line.municipality, line.client_name.casefold()))
    return Statement(first, month_start(last), tuple(lines))


def clients_of(lines: Iterable[StatementLine]) -> list[str]:
    """The clients a statement names, once each (for the audit of an export)."""
    return list(dict.fromkeys(line.client_id for line in lines))
