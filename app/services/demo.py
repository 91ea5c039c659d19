"""Generated demo data: N clients over the treden, priority groups and three municipalities,
with journals, assessments, placements, measurements, hours and plans. Never real people."""

from __future__ import annotations

import datetime as dt
import logging
import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.domain.dates import add_months
from app.domain.ladder import answers_for_trede, derive_trede
from app.domain.placements import forfait_ends_on
from app.domain.vocab import (
    RECORDED_PRIORITY_GROUPS,
    AbsenceReason,
    AuditAction,
    Benefit,
    CoachingActivity,
    EducationLevel,
    JournalKind,
    Obstacle,
    PlacementType,
    Role,
    SubsidyBasis,
    TargetGroupBasis,
    WorkObligation,
)
from app.models import (
    AuditEvent,
    CaseAssignment,
    Caseworker,
    Client,
    Employer,
    JobCoachingHours,
    JournalEntry,
    LadderAssessment,
    Placement,
    PlacementAbsence,
    Plan,
    PlanGoal,
    PlanInstrument,
    PlanVersion,
    SubsidyDecision,
    WageValueMeasurement,
    WageValueTask,
)
from app.paths import DEMO_PASSPHRASE
from app.services import demo_people as words
from app.services.context import DEMO_SETTING, Actor, initialise_owner, set_setting
from app.services.demo_plans import frozen_plan
from app.services.errors import AccessDenied

log = logging.getLogger(__name__)

TEAM_NAME = "Werkbedrijf Hengelo, Borne en Haaksbergen"
# The start distribution over treden 1..6 measured in Hengelo (seed 001, bijlage 1).
TREDE_WEIGHTS = (9.2, 48.3, 20.9, 9.1, 11.1, 1.4)
BATCH = 2000

Progress = Callable[[int, int], None]


def generated_bsn(rng: random.Random) -> str:
    """A random number that passes the elfproef (RULES.md); not an issued BSN."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10 and any(digits):
            return "".join(map(str, digits)) + str(check)


class _Rows:
    """Collects plain dicts per table and writes them with Core (ORM is 9x slower here)."""

    def __init__(self, actor_id: str, now: dt.datetime) -> None:
        self.actor_id = actor_id
        self.now = now
        self.tables: dict[type, list[dict[str, Any]]] = {}
        self.staff: dict[str, tuple[str, str]] = {}  # caseworker id: (name, role code)

    def add(self, model: type, **values: Any) -> str:
        row_id = values.setdefault("id", str(uuid.uuid4()))
        values.setdefault("created_at", self.now)
        values.setdefault("updated_at", self.now)
        values.setdefault("created_by", self.actor_id)
        values.setdefault("updated_by", self.actor_id)
        values.setdefault("version", 1)
        values.setdefault("deleted_at", None)
        self.tables.setdefault(model, []).append(values)
        return str(row_id)

    def count(self, model: type) -> int:
        return len(self.tables.get(model, ()))

    def added_since(self, model: type, count: int) -> list[dict[str, Any]]:
        """The rows of `model` added after there were `count` of them."""
        return self.tables.get(model, [])[count:]

    def flush(self, session: Session) -> None:
        for model, rows in self.tables.items():
            if rows:
                session.execute(insert(model), rows)
        self.tables.clear()


def _add_assessment(
    rows: _Rows,
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


def ensure_demo_owner(session: Session) -> Actor:
    """The demo store's owner: a team lead who sees the whole generated team."""
    return initialise_owner(
        session,
        username="demo.teamleider",
        display_name="Marloes Demo (teamleider)",
        role=Role.TEAM_LEAD,
        team_name=TEAM_NAME,
        municipality="hengelo",
    )


def ensure_demo_store(
    data_dir: Path,
    clients: int,
    passphrase: str = DEMO_PASSPHRASE,
    progress: Progress | None = None,
    *,
    seed: int = 2026,
) -> None:
    """Create the demo store (or open it) and add `clients` generated clients."""
    from app.storage.store import Store, StorePaths, create_store, unlock_store

    def fill(store: Store) -> None:
        with store.session() as session:
            set_setting(session, DEMO_SETTING, "1")  # no real client may be read into it
            generate_demo(session, clients, seed=seed, progress=progress)

    if not StorePaths(data_dir).exists():
        create_store(data_dir, passphrase, demo=True, setup=fill).close()
        return
    store = unlock_store(data_dir, passphrase)
    try:
        if not _is_demo(store):
            raise AccessDenied(
                "Dit is geen demodatabase: gegenereerde klanten gaan alleen in een demodatabase. "
                "Kies met --data-dir een lege map, of gebruik --demo."
            )
        fill(store)
    finally:
        store.close()


def _is_demo(store: Any) -> bool:
    from app.services.context import get_setting
    from app.storage.unlocking import is_demo_store

    if is_demo_store(store.paths, store.header):
        return True
    with store.session() as session:
        return get_setting(session, DEMO_SETTING) is not None


def _ensure_team(session: Session, owner: Actor, rows: _Rows) -> list[str]:
    existing = session.execute(
        select(Caseworker.id, Caseworker.display_name, Caseworker.role).where(
            Caseworker.team_id == owner.team_id
        )
    ).all()
    rows.staff.update({worker_id: (name, role) for worker_id, name, role in existing})
    rows.staff[owner.caseworker_id] = (owner.display_name, owner.role.value)
    if len(existing) > 1:
        return [worker_id for worker_id, _name, _role in existing]
    staff = [
        ("demo.werkcoach1", "Jeroen Demo (werkcoach)", Role.WORK_COACH),
        ("demo.werkcoach2", "Sanne Demo (werkcoach)", Role.WORK_COACH),
        ("demo.klantmanager1", "Wendy Demo (klantmanager)", Role.CASE_MANAGER),
        ("demo.klantmanager2", "Daan Demo (klantmanager)", Role.CASE_MANAGER),
        ("demo.participatiecoach", "Ilse Demo (participatiecoach)", Role.PARTICIPATION_COACH),
        ("demo.jobcoach", "Lars Demo (jobcoach)", Role.JOB_COACH),
        ("demo.arbeidsdeskundige", "Femke Demo (arbeidsdeskundige)", Role.LABOUR_EXPERT),
    ]
    ids = [owner.caseworker_id]
    for username, name, role in staff:
        worker_id = rows.add(
            Caseworker,
            username=username,
            display_name=name,
            role=role.value,
            team_id=owner.team_id,
            email=None,
            active=True,
        )
        rows.staff[worker_id] = (name, role.value)
        ids.append(worker_id)
    return ids


def _ensure_employers(session: Session, rng: random.Random, rows: _Rows) -> list[str]:
    existing = list(session.scalars(select(Employer.id)))
    if existing:
        return existing
    ids = []
    for index, name in enumerate(words.EMPLOYER_NAMES):
        municipality = rng.choice(list(words.POSTCODES))
        low, high = words.POSTCODES[municipality]
        ids.append(
            rows.add(
                Employer,
                name=name,
                kvk_number=f"{rng.randint(10_000_000, 99_999_999)}",
                street=rng.choice(words.STREETS),
                house_number=str(rng.randint(1, 200)),
                postcode=f"{rng.randint(low, high)} {_letters(rng)}",
                city=words.CITY[municipality],
                contact_person=f"Contactpersoon {index + 1}",
                contact_phone=f"074{rng.randint(1_000_000, 9_999_999)}",
                contact_email=f"contact{index + 1}@werkgever.example",
                sector=rng.choice(words.SECTORS),
            )
        )
    return ids


def _letters(rng: random.Random) -> str:
    while True:
        pair = "".join(rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2))
        if pair not in {"SA", "SD", "SS"}:
            return pair


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate_demo(
    session: Session,
    clients: int,
    *,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Add `clients` generated clients with their history; commits per batch. Returns count."""
    today = today or dt.date.today()
    rng = random.Random(seed + (session.scalar(select(func.count(Client.id))) or 0))
    owner = ensure_demo_owner(session)
    now = dt.datetime.now(dt.UTC)
    rows = _Rows(owner.caseworker_id, now)
    workers = _ensure_team(session, owner, rows)
    employers = _ensure_employers(session, rng, rows)
    rows.flush(session)
    session.commit()
    coaches = workers[1:] or workers
    used_bsn = set(session.scalars(select(Client.bsn)))
    done = 0
    while done < clients:
        if should_cancel and should_cancel():
            break
        for _ in range(min(BATCH, clients - done)):
            bsn = generated_bsn(rng)
            while bsn in used_bsn:
                bsn = generated_bsn(rng)
            used_bsn.add(bsn)
            _generate_client(rng, rows, bsn, today, workers, coaches, employers, owner)
        rows.flush(session)
        session.commit()
        done += min(BATCH, clients - done)
        if progress:
            progress(done, clients)
    log.info("generated %d demo clients", done)
    return done


def _generate_client(
    rng: random.Random,
    rows: _Rows,
    bsn: str,
    today: dt.date,
    workers: list[str],
    coaches: list[str],
    employers: list[str],
    owner: Actor,
) -> None:
    marks = {model: rows.count(model) for model in (LadderAssessment, PlanGoal, PlanInstrument)}
    background = _weighted(rng, words.BACKGROUND_WEIGHTS)
    first = rng.choice(words.FIRST_NAMES[background])
    if rng.random() < 0.2:
        first += " " + rng.choice(words.FIRST_NAMES[background])
    tussen, last = rng.choice(words.SURNAMES[background])
    if rng.random() < 0.04:  # double-barrelled names
        last += "-" + rng.choice(words.SURNAMES[_weighted(rng, words.BACKGROUND_WEIGHTS)])[1]
    age = rng.choices(
        [rng.randint(18, 26), rng.randint(27, 49), rng.randint(50, 66)], weights=[18, 50, 32]
    )[0]
    birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    municipality = _weighted(rng, words.MUNICIPALITY_WEIGHTS)
    low, high = words.POSTCODES[municipality]
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
        voornamen=first,
        tussenvoegsel=tussen or None,
        achternaam=last,
        birth_date=birth,
        street=rng.choice(words.STREETS),
        house_number=str(rng.randint(1, 250)),
        postcode=f"{rng.randint(low, high)} {_letters(rng)}",
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
    caseworker = rng.choice(workers)
    rows.add(
        CaseAssignment,
        client_id=client_id,
        caseworker_id=caseworker,
        started_on=intake,
        ended_on=None,
        reason="Intake",
    )
    rows.add(
        AuditEvent,
        occurred_at=rows.now,
        actor_id=owner.caseworker_id,
        action=AuditAction.CREATE.value,
        entity_type="client",
        entity_id=client_id,
        client_id=client_id,
        details={"source": "demo"},
    )

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
        _generate_placement(rng, rows, client_id, today, coaches, employers)

    if rng.random() < 0.85:
        plan_start = max(intake, today - dt.timedelta(days=rng.randint(0, 330)))
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
        if issued:
            plans = rows.added_since(Plan, rows.count(Plan) - 1)
            content = frozen_plan(
                rows.added_since(Client, rows.count(Client) - 1)[0],
                rows.added_since(LadderAssessment, marks[LadderAssessment]),
                plans[0],
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
            rows.add(
                AuditEvent,
                occurred_at=rows.now,
                actor_id=owner.caseworker_id,
                action=AuditAction.CREATE.value,
                entity_type="plan_version",
                entity_id=version_id,
                client_id=client_id,
                details={"source": "demo", "number": 1},
            )


def _generate_placement(
    rng: random.Random,
    rows: _Rows,
    client_id: str,
    today: dt.date,
    coaches: list[str],
    employers: list[str],
) -> None:
    kind = rng.choice(
        [
            PlacementType.REGULAR_JOB,
            PlacementType.PROEFPLAATSING,
            PlacementType.GARANTIEBAAN,
            PlacementType.WORK_EXPERIENCE,
            PlacementType.LEARNING_WORKING,
            PlacementType.VOLUNTEER,
        ]
    )
    start = today - dt.timedelta(days=rng.randint(10, 700))
    hours = Decimal(rng.choice([16, 20, 24, 28, 32, 36]))
    wage = Decimal(rng.choice(["14.71", "15.20", "16.00", "17.35"]))
    employer = rng.choice(employers)
    placement_id = rows.add(
        Placement,
        client_id=client_id,
        employer_id=employer,
        placement_type=kind.value,
        function_title=rng.choice(words.FUNCTIONS),
        started_on=start,
        planned_end=add_months(start, 3 if kind is PlacementType.PROEFPLAATSING else 12),
        ended_on=None,
        hours_per_week=hours,
        wage_hour=None if kind is PlacementType.VOLUNTEER else wage,
        fulltime_hours=Decimal(38),
        course_months=None,
        learning_part=(
            rng.choice(words.LEARNING_PARTS) if kind is PlacementType.LEARNING_WORKING else None
        ),
        continuation_reason=None,
        notes=None,
    )
    if kind not in (PlacementType.REGULAR_JOB, PlacementType.GARANTIEBAAN):
        return
    loonwaarde = Decimal(rng.randint(35, 85))
    visit = start + dt.timedelta(days=rng.randint(20, 60))
    expert = coaches[-1]
    measurement_id = rows.add(
        WageValueMeasurement,
        client_id=client_id,
        placement_id=placement_id,
        method="ULM",
        report_date=visit + dt.timedelta(days=7),
        visit_date=visit,
        expert_name="Femke Demo (arbeidsdeskundige)",
        expert_id=expert,
        employer_id=employer,
        employer_contact="Leidinggevende",
        norm_function=rng.choice(words.FUNCTIONS),
        performed_function=rng.choice(words.FUNCTIONS),
        contract_hours=hours,
        fulltime_hours=Decimal(38),
        workdays_per_week=Decimal(4),
        loonwaarde_pct=loonwaarde,
        explanation="Werknemer werkt nauwkeurig maar in een lager tempo.",
        jobcoach_hours_per_month=Decimal(rng.choice([4, 6, 8])),
        next_measurement_on=add_months(visit, 12),
        corrects_id=None,
    )
    shares = [Decimal(50), Decimal(30), Decimal(20)]
    for position, (task, share) in enumerate(zip(rng.sample(words.TASKS, 3), shares, strict=True)):
        rows.add(
            WageValueTask,
            measurement_id=measurement_id,
            position=position + 1,
            name=task,
            share_pct=share,
            tempo_pct=loonwaarde,
            quality_pct=Decimal(100),
            net_worktime_pct=Decimal(100),
            result_pct=loonwaarde,
            explanation=None,
        )
    _demo_decisions(rng, rows, client_id, placement_id, start, visit, measurement_id, today)
    if rng.random() < 0.2:  # some sick leave, now and then longer than four weeks
        absent = start + dt.timedelta(days=rng.randint(30, 200))
        if absent < today:
            ends = absent + dt.timedelta(days=rng.choice([5, 12, 40, 60]))
            rows.add(
                PlacementAbsence,
                client_id=client_id,
                placement_id=placement_id,
                starts_on=absent,
                ends_on=ends if ends < today else None,
                reason=AbsenceReason.SICKNESS.value,
            )
    coach = coaches[-2] if len(coaches) > 1 else coaches[0]
    day = visit
    for _ in range(rng.randint(3, 10)):
        day += dt.timedelta(days=rng.randint(3, 14))
        if day > today:
            break
        rows.add(
            JobCoachingHours,
            client_id=client_id,
            placement_id=placement_id,
            coach_id=coach,
            worked_on=day,
            minutes=rng.choice([30, 45, 60, 90, 120]),
            activity=rng.choice(list(CoachingActivity)).value,
            note=None,
            corrects_id=None,
        )


def _demo_decisions(
    rng: random.Random,
    rows: _Rows,
    client_id: str,
    placement_id: str,
    start: dt.date,
    visit: dt.date,
    measurement_id: str,
    today: dt.date,
) -> None:
    """Subsidy decisions for most demo jobs: the forfait until the measurement, then one on
    the measurement for its validity; some jobs have none, so the demo shows what is missing."""
    if rng.random() < 0.15:
        return
    report = visit + dt.timedelta(days=7)
    number = rng.randint(1000, 9999)
    rows.add(
        SubsidyDecision,
        client_id=client_id,
        placement_id=placement_id,
        basis=SubsidyBasis.FORFAIT.value,
        measurement_id=None,
        target_group_basis=TargetGroupBasis.DOELGROEPREGISTER.value,
        target_group_note=None,
        starts_on=start,
        ends_on=min(report - dt.timedelta(days=1), forfait_ends_on(start)),
        decided_on=start - dt.timedelta(days=rng.randint(3, 20)),
        reference=f"LKS-{start.year}-{number}",
        corrects_id=None,
    )
    decided = report + dt.timedelta(days=rng.randint(2, 10))
    if decided > today:
        return
    rows.add(
        SubsidyDecision,
        client_id=client_id,
        placement_id=placement_id,
        basis=SubsidyBasis.MEASUREMENT.value,
        measurement_id=measurement_id,
        target_group_basis=TargetGroupBasis.MEASUREMENT.value,
        target_group_note=None,
        starts_on=report,
        ends_on=add_months(visit, 12) - dt.timedelta(days=1),
        decided_on=decided,
        reference=f"LKS-{report.year}-{number + 1}",
        corrects_id=None,
    )
