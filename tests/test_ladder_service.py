"""Assessments as records, corrections, the current trede in the caseload, and the
movement figures of a generated store against a count written out here."""

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from app.domain.clients import priority_groups_for_age
from app.domain.dates import add_months, age_on
from app.domain.ladder import LadderAnswers, answers_for_trede
from app.models import AuditEvent, Client, LadderAssessment, Placement
from app.services.caseload import Scope, caseload_rows
from app.services.clients import create_client, get_client
from app.services.context import owner_actor
from app.services.demo import generate_demo
from app.services.errors import ValidationFailed
from app.services.ladder import (
    AssessmentInput,
    assessment_history,
    correct_assessment,
    record_assessment,
)
from app.services.ladder_figures import ladder_figures
from tests.factories import client_form

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def client_id(session, owner):  # type: ignore[no-untyped-def]
    return create_client(session, owner, client_form(), today=TODAY)


def assessment(trede: int, **changes) -> AssessmentInput:  # type: ignore[no-untyped-def]
    values = {
        "answers": answers_for_trede(trede),
        "assessed_on": "01-10-2026",
        "final_trede": trede,
    }
    values.update(changes)
    return AssessmentInput(**values)  # type: ignore[arg-type]


def test_record_with_defaults_and_audit(session, owner, client_id) -> None:  # type: ignore[no-untyped-def]
    new_id = record_assessment(session, owner, client_id, assessment(3), today=TODAY)
    saved = session.get(LadderAssessment, new_id)
    assert (saved.derived_trede, saved.final_trede, saved.override_reason) == (3, 3, None)
    assert saved.review_on == dt.date(2027, 10, 1)  # 12 months, from the rules table
    assert saved.organised_activity_weekly is True
    details = get_client(session, owner, client_id, today=TODAY)
    assert (details.trede, details.review_on) == (3, dt.date(2027, 10, 1))
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == new_id)).all()
    assert actions == ["create"]


def test_override_needs_a_written_reason(session, owner, client_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        record_assessment(session, owner, client_id, assessment(3, final_trede=4), today=TODAY)
    assert "schrijf op waarom" in refused.value.problems["override_reason"]
    assert session.scalars(select(LadderAssessment)).all() == []
    reason = "Werkt al twee dagen per week als vrijwilliger in de buurtwinkel."
    new_id = record_assessment(
        session, owner, client_id, assessment(3, final_trede=4, override_reason=reason), today=TODAY
    )
    saved = session.get(LadderAssessment, new_id)
    assert (saved.derived_trede, saved.final_trede, saved.override_reason) == (3, 4, reason)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"assessed_on": "31-02-2026"}, "assessed_on", "dd-mm-jjjj"),
        ({"assessed_on": "01-12-2026"}, "assessed_on", "niet na"),
        ({"review_on": "02-10-2027"}, "review_on", "minstens eens per jaar"),
        ({"review_on": "01-09-2026"}, "review_on", "niet vóór"),
        ({"expected_trede": 5}, "expected_by", "Vul"),
        ({"expected_trede": 5, "expected_by": "01-01-2026"}, "expected_by", "niet vóór"),
        ({"expected_by": "01-01-2028"}, "expected_trede", "verwachte trede"),
        ({"final_trede": 7}, "final_trede", "1 tot en met 6"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    session, owner, client_id, changes, field, words
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationFailed) as refused:
        record_assessment(session, owner, client_id, assessment(2, **changes), today=TODAY)
    assert words in refused.value.problems[field]


def test_a_correction_replaces_the_original_which_is_kept(session, owner, client_id) -> None:  # type: ignore[no-untyped-def]
    first = record_assessment(
        session, owner, client_id, assessment(2, assessed_on="01-03-2026"), today=TODAY
    )
    second = record_assessment(
        session, owner, client_id, assessment(4, assessed_on="01-09-2026"), today=TODAY
    )
    # The September assessment was wrong: it was in fact on 1 August, and trede 3.
    fixed = correct_assessment(
        session, owner, second, assessment(3, assessed_on="01-08-2026"), today=TODAY
    )
    history = assessment_history(session, owner, client_id)
    assert [(r.id, r.final_trede, r.is_superseded) for r in history] == [
        (second, 4, True),
        (fixed, 3, False),
        (first, 2, False),
    ]
    assert get_client(session, owner, client_id, today=TODAY).trede == 3
    (row,) = caseload_rows(session, owner, today=TODAY)
    assert (row.trede, row.review_on) == (3, dt.date(2027, 8, 1))
    with pytest.raises(ValidationFailed):
        correct_assessment(session, owner, second, assessment(5), today=TODAY)


def test_history_round_trips_through_the_form(session, owner, client_id) -> None:  # type: ignore[no-untyped-def]
    data = assessment(
        5,
        expected_trede=6,
        expected_by="01-10-2027",
        review_on="01-04-2027",
        notes="Loonkostensubsidie loopt.",
        answers=LadderAnswers(paid_work=True, paid_work_supported=True),
    )
    record_assessment(session, owner, client_id, data, today=TODAY)
    (row,) = assessment_history(session, owner, client_id)
    assert row.as_input() == data


# ------------------------------------------------------------ figures


def independent_figures(session, start: dt.date, end: dt.date):  # type: ignore[no-untyped-def]
    """The movement figures counted straight from the tables, without the service."""
    records = session.scalars(select(LadderAssessment)).all()
    replaced = {r.corrects_id for r in records if r.corrects_id}
    per_client: dict[str, list[LadderAssessment]] = {}
    for r in records:
        if r.id not in replaced:
            per_client.setdefault(r.client_id, []).append(r)

    def trede_on(client_id: str, day: dt.date):  # type: ignore[no-untyped-def]
        found = None
        for r in sorted(per_client.get(client_id, []), key=lambda r: r.assessed_on):
            if r.assessed_on <= day:
                found = r.final_trede
        return found

    def first_in(client_id: str, a: dt.date, b: dt.date):  # type: ignore[no-untyped-def]
        inside = [r for r in per_client.get(client_id, []) if a < r.assessed_on <= b]
        return min(inside, key=lambda r: r.assessed_on).final_trede if inside else None

    regular_jobs: dict[str, list[dt.date]] = {}
    for p in session.scalars(select(Placement)).all():
        if p.placement_type == "regular_job":
            regular_jobs.setdefault(p.client_id, []).append(p.started_on)

    start_counts, end_counts, steps = Counter(), Counter(), Counter()
    low = [0, 0]
    work = [0, 0]
    clients = 0
    low_from, work_from = add_months(end, -24), add_months(end, -12)
    for c in session.scalars(select(Client)).all():

        def present(a: dt.date, b: dt.date, c=c) -> bool:  # type: ignore[no-untyped-def]
            return (c.intake_date is None or c.intake_date <= b) and (
                c.outflow_date is None or c.outflow_date >= a
            )

        if present(start, end):
            clients += 1
            s = trede_on(c.id, start) or first_in(c.id, start, end)
            e = trede_on(c.id, end)
            start_counts[s or 0] += 1
            end_counts[e or 0] += 1
            if s and e:
                moved = e - s
                steps["omlaag" if moved < 0 else "4+" if moved > 3 else str(moved)] += 1
        if present(low_from, end):
            s = trede_on(c.id, low_from) or first_in(c.id, low_from, end)
            if s in (1, 2):
                low[0] += 1
                e = trede_on(c.id, end)
                low[1] += e is not None and e >= s
        if present(work_from, end):
            s = trede_on(c.id, work_from) or first_in(c.id, work_from, end)
            if s in (5, 6):
                work[0] += 1
                days = list(regular_jobs.get(c.id, []))
                if c.outflow_reason == "paid_employment" and c.outflow_date:
                    days.append(c.outflow_date)
                work[1] += any(work_from < d <= end for d in days)
    return clients, start_counts, end_counts, steps, tuple(low), tuple(work)


def test_figures_of_a_generated_store_match_an_independent_count(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 400, today=TODAY)
    start, end = dt.date(2025, 1, 1), dt.date(2026, 10, 31)
    with store.session() as session:
        actor = owner_actor(session)
        figures = ladder_figures(session, actor, start=start, end=end, scope=Scope.TEAM)
        clients, starts, ends, steps, low, work = independent_figures(session, start, end)
        corrected = session.scalars(
            select(LadderAssessment).where(LadderAssessment.corrects_id.is_not(None))
        ).all()
    assert corrected, "the generated store should hold corrections"
    whole = figures[None]
    assert whole.clients == clients > 300
    assert whole.start_distribution == {t: starts[t] for t in range(7)}
    assert whole.end_distribution == {t: ends[t] for t in range(7)}
    assert whole.steps == {b: steps[b] for b in ("omlaag", "0", "1", "2", "3", "4+")}
    assert (whole.lowest_steps.cohort, whole.lowest_steps.met) == low
    assert (whole.regular_work.cohort, whole.regular_work.met) == work
    assert low[0] > 0 and work[0] > 0 and work[1] > 0


def test_figures_per_priority_group_and_municipality(store) -> None:  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 200, today=TODAY)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 10, 31)
    with store.session() as session:
        actor = owner_actor(session)
        figures = ladder_figures(
            session, actor, start=start, end=end, scope=Scope.TEAM, municipality="borne"
        )
        borne = session.scalars(select(Client).where(Client.municipality == "borne")).all()
        older = [
            c
            for c in borne
            if "age_50_plus"
            in {
                g.value
                for g in priority_groups_for_age(c.priority_groups, age_on(c.birth_date, end))
            }
        ]
        present = [
            c
            for c in older
            if (c.intake_date is None or c.intake_date <= end)
            and (c.outflow_date is None or c.outflow_date >= start)
        ]
    assert figures["age_50_plus"].clients == len(present) > 0
    assert figures[None].clients <= len(borne)
