"""Generated clients with their history as plain rows: master data, assignment, treden over
the years, journal, plan (issued when a plan freezer is given) and now and then a job."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from typing import Any

from app.demo import words
from app.demo.people import generated_name, postcode, unique_bsn, weighted
from app.demo.placements import add_placement
from app.demo.rows import DemoRows, Row
from app.demo.team import Cast
from app.domain.dates import add_months
from app.domain.ladder import answers_for_trede, derive_trede
from app.domain.vocab import (
    RECORDED_PRIORITY_GROUPS,
    AuditAction,
    Benefit,
    EducationLevel,
    JournalKind,
    Obstacle,
    WorkObligation,
)
from app.models import (
    AuditEvent,
    CaseAssignment,
    Client,
    JournalEntry,
    LadderAssessment,
    Plan,
    PlanGoal,
    PlanInstrument,
    PlanVersion,
)

# The start distribution over treden 1..6 measured in Hengelo (seed 001, bijlage 1).
TREDE_WEIGHTS = (9.2, 48.3, 20.9, 9.1, 11.1, 1.4)
BATCH = 2000

# Version 1 of a plan as issuing would freeze it, from the client's rows, its assessments,
# the plan, its goals and instruments, the caseworker (name, role code) and the issue date.
FreezePlan = Callable[
    [Row, Sequence[Row], Row, Sequence[Row], Sequence[Row], tuple[str, str], dt.date],
    dict[str, Any],
]


def client_batches(
    rng: random.Random,
    rows: DemoRows,
    clients: int,
    *,
    today: dt.date,
    cast: Cast,
    used_bsn: set[str],
    freeze_plan: FreezePlan | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Iterator[int]:
    """Adds `clients` generated clients to `rows` a batch at a time; after each batch it yields
    how many are done, and the caller writes `rows.take()` before asking for the next."""
    done = 0
    while done < clients:
        if should_cancel and should_cancel():
            return
        size = min(BATCH, clients - done)
        for _ in range(size):
            add_client(rng, rows, unique_bsn(rng, used_bsn), today, cast, freeze_plan)
        done += size
        yield done


def _add_assessment(
    rows: DemoRows,
    rng: random.Random,
    client_id: str,
    assessor: str,
    assessed: dt.date,
    trede: int,
    corrects_id: str | None,
) -> str:
    answers = answers_for_trede(trede)
    return rows.add(
        LadderAssessment,
        client_id=client_id,
        assessed_on=assessed,
        assessor_id=assessor,
        **{f.name: getattr(answers, f.name) for f in fields(answers)},
        derived_trede=derive_trede(answers),
        final_trede=trede,
        override_reason=None,
        expected_trede=min(6, trede + rng.choice([0, 1, 1, 2])),
        expected_by=add_months(assessed, 24),
        review_on=add_months(assessed, 12),
        notes="Correctie: trede bijgesteld na overleg." if corrects_id else None,
        corrects_id=corrects_id,
        created_at=rows.now + dt.timedelta(seconds=1) if corrects_id else rows.now,
    )


def add_client(
    rng: random.Random,
    rows: DemoRows,
    bsn: str,
    today: dt.date,
    cast: Cast,
    freeze_plan: FreezePlan | None = None,
) -> str:
    """One generated client with their history; returns the client's id."""
    marks = {model: rows.count(model) for model in (LadderAssessment, PlanGoal, PlanInstrument)}
    name = generated_name(rng)
    age = rng.choices(
        [rng.randint(18, 26), rng.randint(27, 49), rng.randint(50, 66)], weights=[18, 50, 32]
    )[0]
    birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    municipality = weighted(rng, words.MUNICIPALITY_WEIGHTS)
    intake = today - dt.timedelta(days=rng.randint(30, 5 * 365))
    obligation = rng.choices(list(WorkObligation), weights=[60, 15, 25])[0]
    exempt = obligation is not WorkObligation.IMPOSED
    groups = [g.value for g in RECORDED_PRIORITY_GROUPS if rng.random() < 0.12]
    obstacles = rng.sample([o.value for o in Obstacle], k=rng.randint(0, 3))
    trede_start = rng.choices(range(1, 7), weights=TREDE_WEIGHTS)[0]
    closed = rng.random() < 0.08
    client_id = rows.add(
        Client,
        bsn=bsn,
        voornamen=name.voornamen,
        tussenvoegsel=name.tussenvoegsel or None,
        achternaam=name.achternaam,
        birth_date=birth,
        street=rng.choice(words.STREETS),
        house_number=str(rng.randint(1, 250)),
        postcode=postcode(rng, municipality),
        city=words.CITY[municipality],
        municipality=municipality,
        phone=f"06{rng.randint(10_000_000, 99_999_999)}",
        email=f"klant{rng.randint(1000, 999_999)}@post.example",
        benefit=rng.choices(list(Benefit), weights=[85, 6, 2, 7])[0].value,
        benefit_start=intake - dt.timedelta(days=rng.randint(0, 400)),
        work_obligation=obligation.value,
        exemption_reason="Individueel besluit na medisch advies" if exempt else None,
        exemption_end=(
            add_months(today, rng.randint(-2, 24)) if exempt and rng.random() < 0.85 else None
        ),
        priority_groups=groups,
        obstacles=sorted(obstacles),
        education_level=rng.choice(list(EducationLevel)).value,
        startkwalificatie=rng.random() < 0.35,
        driving_licence=rng.random() < 0.45,
        certificates=["VCA"] if rng.random() < 0.15 else [],
        work_experience=None,
        status="closed" if closed else "active",
        intake_date=intake,
        outflow_date=today - dt.timedelta(days=rng.randint(1, 200)) if closed else None,
        outflow_reason="paid_employment" if closed else None,
        outflow_partial=False,
        outflow_note=None,
    )
    caseworker = rng.choice(cast.workers)
    rows.add(
        CaseAssignment,
        client_id=client_id,
        caseworker_id=caseworker,
        started_on=intake,
        ended_on=None,
        reason="Intake",
    )
    _audit(rows, cast, "client", client_id, client_id, {"source": "demo"})

    # Ladder history: intake, then yearly reviews; steps up more often than down.
    # A few assessments were corrected afterwards (a new record replaces them).
    trede = trede_start
    assessed = intake
    while assessed <= today:
        last_id = _add_assessment(rows, rng, client_id, caseworker, assessed, trede, None)
        if rng.random() < 0.03:
            corrected = max(1, min(6, trede + rng.choice([-1, 1])))
            _add_assessment(rows, rng, client_id, caseworker, assessed, corrected, last_id)
            trede = corrected
        assessed = add_months(assessed, 12 + rng.randint(-1, 3))
        trede = max(1, min(6, trede + rng.choices([-1, 0, 1, 2], weights=[8, 50, 32, 10])[0]))

    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(list(JournalKind))
        rows.add(
            JournalEntry,
            client_id=client_id,
            occurred_on=intake + dt.timedelta(days=rng.randint(0, max(0, (today - intake).days))),
            kind=kind.value,
            subject=rng.choice(words.JOURNAL_SUBJECTS[kind.value]),
            body=rng.choice(words.JOURNAL_BODIES),
            author_id=caseworker,
            corrects_id=None,
        )

    if trede_start >= 3 and rng.random() < 0.45:
        add_placement(rng, rows, client_id, today, cast)

    if rng.random() < 0.85:
        plan_start = max(intake, today - dt.timedelta(days=rng.randint(0, 330)))
        _add_plan(rng, rows, client_id, caseworker, plan_start, closed, cast, marks, freeze_plan)
    return client_id


def _add_plan(
    rng: random.Random,
    rows: DemoRows,
    client_id: str,
    caseworker: str,
    plan_start: dt.date,
    closed: bool,
    cast: Cast,
    marks: dict[type[Any], int],
    freeze_plan: FreezePlan | None,
) -> None:
    """A plan with goals and instruments; most are issued (version 1) when a freezer is
    given: without one the plan stays a draft, which uses the generator just the same."""
    plan_id = rows.add(
        Plan,
        client_id=client_id,
        title="Plan van aanpak",
        status="draft",
        situation="Klant wil graag aan het werk en heeft ondersteuning nodig bij de taal.",
        support_offered="Begeleiding door de werkcoach en een passende cursus.",
        obligations="Klant komt afspraken na en solliciteert actief.",
        consequences="Bij het niet nakomen van afspraken kan de uitkering worden verlaagd.",
        valid_from=plan_start,
        valid_until=add_months(plan_start, rng.choice([12, 18, 24])),
    )
    issued = not closed and rng.random() < 0.9
    for position, goal in enumerate(rng.sample(words.GOALS, k=2)):
        rows.add(
            PlanGoal,
            plan_id=plan_id,
            position=position,
            description=goal,
            target_date=add_months(plan_start, 12 + position * 6),
            achieved_on=None,
        )
    for position, instrument in enumerate(rng.sample(words.INSTRUMENTS, k=rng.randint(1, 3))):
        rows.add(
            PlanInstrument,
            plan_id=plan_id,
            position=position,
            instrument=instrument,
            description=None,
            starts_on=plan_start,
            ends_on=add_months(plan_start, 6),
        )
    if not issued or freeze_plan is None:
        return
    content = freeze_plan(
        rows.added_since(Client, rows.count(Client) - 1)[0],
        rows.added_since(LadderAssessment, marks[LadderAssessment]),
        rows.added_since(Plan, rows.count(Plan) - 1)[0],
        rows.added_since(PlanGoal, marks[PlanGoal]),
        rows.added_since(PlanInstrument, marks[PlanInstrument]),
        rows.staff[caseworker],
        plan_start,
    )
    version_id = rows.add(
        PlanVersion,
        plan_id=plan_id,
        client_id=client_id,
        number=1,
        issued_on=plan_start,
        content=content,
        signed_by_client_on=None,
        signed_by_caseworker_on=None,
    )
    _audit(rows, cast, "plan_version", version_id, client_id, {"source": "demo", "number": 1})


def _audit(
    rows: DemoRows,
    cast: Cast,
    entity_type: str,
    entity_id: str,
    client_id: str,
    details: dict[str, Any],
) -> None:
    rows.add(
        AuditEvent,
        occurred_at=rows.now,
        actor_id=cast.owner_id,
        action=AuditAction.CREATE.value,
        entity_type=entity_type,
        entity_id=entity_id,
        client_id=client_id,
        details=details,
    )
