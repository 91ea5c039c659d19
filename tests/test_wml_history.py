"""The rules table from 2015 on: the WML per week before 2024 (the hourly amount from the
employer's full-time week), the adult age 23 -> 22 -> 21, law against municipal policy for
placements while keeping the benefit, consecutive placements, and the ULM's 30 minutes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.placements import (
    PlacementSpan,
    chain_starts,
    displacement_flag,
    displacement_limit,
)
from app.domain.rules import RuleError, minimum_wage_hour, rules
from app.domain.vocab import PlacementType
from app.domain.wage import subsidy_parts, wage_below_minimum
from app.services.placements import PlacementForm, validate_placement
from app.services.wage_value import MeasurementForm, TaskForm, validate_measurement


def measurement_form(**changes: object) -> MeasurementForm:
    values: dict[str, object] = {
        "report_date": "15-11-2026",
        "visit_date": "10-11-2026",
        "expert_name": "A. Deskundige",
        "norm_function": "Orderpicker",
        "performed_function": "Inpakker",
        "contract_hours": "16",
        "fulltime_hours": "38",
        "workdays_per_week": "4",
        "tasks": (TaskForm("Inpakken", "100", "63", "100", "100", "63"),),
        "loonwaarde_pct": "63",
    }
    values.update(changes)
    return MeasurementForm(**values)  # type: ignore[arg-type]


PROEF, WEP, LEARN = (
    PlacementType.PROEFPLAATSING,
    PlacementType.WORK_EXPERIENCE,
    PlacementType.LEARNING_WORKING,
)


def test_every_rule_row_names_its_source() -> None:
    for rule in rules().all_rules():
        for row in rule.rows:
            assert row.source.strip(), f"{rule.name} {row.starts_on} has no source"


def test_the_table_answers_from_2015() -> None:
    table = rules()
    for year in range(2015, 2027):
        for month in (1, 7):
            day = dt.date(year, month, 1)
            assert minimum_wage_hour(30, day, fulltime_hours=Decimal(38)) > 0
            assert table.value("employer_costs_pct", day) > 0


@pytest.mark.parametrize(
    ("on", "fulltime", "expected"),
    [
        # 2023-03-01: the week amount of 1 January 2023 is 446,40; a 38-hour week gives
        # 446,40 / 38 = 11,747368... per hour, a 40-hour week 11,16.
        (dt.date(2023, 3, 1), Decimal(38), Decimal("446.40") / 38),
        (dt.date(2023, 3, 1), Decimal(40), Decimal("11.16")),
        # 2023-07-01: 460,40 a week; 36 hours: 12,788888...
        (dt.date(2023, 12, 31), Decimal(36), Decimal("460.40") / 36),
        # 2015-01-01: 346,55 a week, 40 hours: 8,66375
        (dt.date(2015, 1, 1), Decimal(40), Decimal("8.66375")),
        # from 2024 the hourly amount is the law's, whatever the full-time week
        (dt.date(2024, 1, 1), Decimal(40), Decimal("13.27")),
    ],
)
def test_hourly_wml_before_2024_follows_the_fulltime_week(
    on: dt.date, fulltime: Decimal, expected: Decimal
) -> None:
    assert minimum_wage_hour(30, on, fulltime_hours=fulltime) == expected


def test_before_2024_the_fulltime_week_is_needed() -> None:
    with pytest.raises(RuleError, match="voltijdweek"):
        minimum_wage_hour(30, dt.date(2023, 12, 31))


def test_adult_age_was_23_then_22_then_21() -> None:
    table = rules()
    assert table.adult_age(dt.date(2017, 6, 30)) == 23
    assert table.adult_age(dt.date(2017, 7, 1)) == 22
    assert table.adult_age(dt.date(2019, 7, 1)) == 21
    # 2016-03-01, age 22: 85% of 351,85 / 40 = 8,79625 -> 7,4768125
    assert minimum_wage_hour(22, dt.date(2016, 3, 1), fulltime_hours=Decimal(40)) == Decimal(
        "7.4768125"
    )
    # 2018-03-01, age 22 is adult: 364,15 / 40 = 9,10375
    assert minimum_wage_hour(22, dt.date(2018, 3, 1), fulltime_hours=Decimal(40)) == Decimal(
        "9.10375"
    )
    # 2018-03-01, age 21: 85% -> 7,7381875
    assert minimum_wage_hour(21, dt.date(2018, 3, 1), fulltime_hours=Decimal(40)) == Decimal(
        "7.7381875"
    )


def test_a_subsidy_in_2023_by_hand() -> None:
    # 2023-03-01, age 30, 38-hour week: WML 446,40 / 38 = 11,7473684; wage 13,00, loonwaarde
    # 60%: base = 11,7473684 - 7,80 = 3,9473684 (under the cap of 70%: 8,2231579);
    # per hour 3,9473684 * 1,08 * 1,235 = 5,2650000; per month * 24 * 52 / 12 = 547,56.
    parts = subsidy_parts(
        on=dt.date(2023, 3, 1),
        age=30,
        wage_hour=Decimal("13.00"),
        hours_per_week=Decimal(24),
        loonwaarde_pct=Decimal(60),
        fulltime_hours=Decimal(38),
    )
    assert parts.monthly == Decimal("547.56")
    assert parts.cap_pct == 70 and parts.forfait_pct == 50


def test_a_wage_the_2024_hourly_wml_overtook() -> None:
    # 12,50 an hour met the 2023 WML of a 38-hour week (12,12) but not 13,27 from 2024.
    below = wage_below_minimum(
        Decimal("12.50"),
        dt.date(1980, 5, 5),
        dt.date(2023, 7, 1),
        dt.date(2024, 6, 30),
        fulltime_hours=Decimal(38),
    )
    assert below is not None and below.since == dt.date(2024, 1, 1)
    assert below.minimum == Decimal("13.27") and below.adult and below.adult_age == 21


def test_the_placement_form_asks_for_the_fulltime_week_before_2024(session) -> None:  # type: ignore[no-untyped-def]
    form = PlacementForm(
        employer_id="x", started_on="01-03-2023", hours_per_week="24", wage_hour="13,00"
    )
    problems = validate_placement(
        session, form, today=dt.date(2026, 11, 22), birth_date=dt.date(1980, 1, 1)
    )
    assert "voltijdweek" in problems["fulltime_hours"]
    form = PlacementForm(
        employer_id="x",
        started_on="01-03-2023",
        ended_on="30-06-2023",
        hours_per_week="24",
        wage_hour="11,00",
        fulltime_hours="38",
    )
    problems = validate_placement(
        session, form, today=dt.date(2026, 11, 22), birth_date=dt.date(1980, 1, 1)
    )
    # 446,40 / 38 = 11,75 an hour on 30-06-2023
    assert "fulltime_hours" not in problems and "€ 11,75" in problems["wage_hour"]


@pytest.mark.parametrize(
    ("kind", "started", "municipality", "months", "by_law", "limit_on"),
    [
        # before the Wet breed offensief only Hengelo's policy: 3 months; 31-01 + 3 -> 30-04
        (PROEF, dt.date(2022, 1, 31), "hengelo", 3, False, dt.date(2022, 4, 30)),
        # since 2023-07-01 the law's 2 months is stricter; 31-01-2026 + 2 -> 30-03-2026
        (PROEF, dt.date(2026, 1, 31), "hengelo", 2, True, dt.date(2026, 3, 30)),
        (PROEF, dt.date(2026, 1, 31), "borne", 2, True, dt.date(2026, 3, 30)),
        # a werkervaringsplaats: Hengelo's 3 months; Borne sets none and the law neither
        (WEP, dt.date(2026, 8, 31), "hengelo", 3, False, dt.date(2026, 11, 30)),
        (WEP, dt.date(2026, 8, 31), "borne", None, None, None),
    ],
)
def test_the_stricter_of_law_and_policy(
    kind: PlacementType,
    started: dt.date,
    municipality: str,
    months: int | None,
    by_law: bool | None,
    limit_on: dt.date | None,
) -> None:
    limit = displacement_limit(kind, None, None, started, municipality)
    if months is None:
        assert limit is None
        return
    assert limit is not None and limit.months == months and limit.by_law is by_law
    flag = displacement_flag(limit, started, None, None, dt.date(2027, 6, 1))
    assert flag is not None and flag.limit_on == limit_on


def test_learning_working_takes_the_course_length_only_with_a_learning_part() -> None:
    start = dt.date(2026, 1, 1)
    assert displacement_limit(LEARN, 12, None, start, "hengelo").months == 6  # type: ignore[union-attr]
    assert displacement_limit(LEARN, 12, "BBL niveau 2", start, "hengelo").months == 12  # type: ignore[union-attr]


def test_three_trial_placements_in_a_row_count_together() -> None:
    # 05-01..04-02 (31 days) and 09-02..08-03 (28 days) at one employer, a few days apart:
    # the third, from 12-03, has 59 days used, so its 2 months count from 12-03 - 59 days =
    # 12-01 and end on 11-03-2026: it is past its limit from its first day. The days between
    # placements do not count. Another employer starts anew.
    spans = [
        PlacementSpan("a", PROEF, "emp", dt.date(2026, 1, 5), dt.date(2026, 2, 4)),
        PlacementSpan("b", PROEF, "emp", dt.date(2026, 2, 9), dt.date(2026, 3, 8)),
        PlacementSpan("c", PROEF, "emp", dt.date(2026, 3, 12), dt.date(2026, 4, 10)),
        PlacementSpan("d", PROEF, "other", dt.date(2026, 3, 12), dt.date(2026, 4, 10)),
        PlacementSpan("e", WEP, "emp", dt.date(2026, 4, 11), None),
        # 31 days without a placement after 10-04 still continue the run; 32 do not
        PlacementSpan("f", PROEF, "other", dt.date(2026, 5, 12), None),
        PlacementSpan("g", PROEF, "third", dt.date(2026, 1, 1), dt.date(2026, 1, 31)),
        PlacementSpan("h", PROEF, "third", dt.date(2026, 3, 5), None),
    ]
    starts = chain_starts(spans)
    assert starts == {
        "a": dt.date(2026, 1, 5),
        "b": dt.date(2026, 1, 9),
        "c": dt.date(2026, 1, 12),
        "d": dt.date(2026, 3, 12),
        "e": dt.date(2026, 4, 11),
        "f": dt.date(2026, 5, 12) - dt.timedelta(days=30),
        "g": dt.date(2026, 1, 1),
        "h": dt.date(2026, 3, 5),
    }
    limit = displacement_limit(PROEF, None, None, starts["c"], "hengelo")
    flag = displacement_flag(limit, starts["c"], dt.date(2026, 4, 10), None, dt.date(2026, 6, 1))
    assert flag is not None and flag.limit_on == dt.date(2026, 3, 11) and flag.is_open
    alone = displacement_flag(limit, starts["d"], dt.date(2026, 4, 10), None, dt.date(2026, 6, 1))
    assert alone is None


def test_the_law_maximum_holds_whatever_the_reason() -> None:
    limit = displacement_limit(PROEF, None, None, dt.date(2026, 1, 1), "hengelo")
    assert limit is not None and limit.legal_maximum_months == 6
    reason = "Werkgever zegt een contract toe na de inwerkperiode."
    # running past 01-01 + 6 months (30-06-2026): open, whatever the reason
    running = displacement_flag(limit, dt.date(2026, 1, 1), None, reason, dt.date(2026, 7, 1))
    assert running is not None and running.past_legal_maximum and running.is_open
    # within the maximum a reason closes it; an ended placement is closed by its reason
    within = displacement_flag(limit, dt.date(2026, 1, 1), None, reason, dt.date(2026, 6, 30))
    assert within is not None and not within.is_open
    ended = displacement_flag(
        limit, dt.date(2026, 1, 1), dt.date(2026, 8, 1), reason, dt.date(2026, 11, 1)
    )
    assert ended is not None and not ended.is_open


def test_an_intake_before_the_table_still_gets_a_plan_date() -> None:
    from app.services.due import plan_due_on

    assert plan_due_on(dt.date(2012, 6, 1), dt.date(2026, 11, 22)) == dt.date(2012, 7, 27)


def test_a_main_task_takes_30_minutes_a_workday(session) -> None:  # type: ignore[no-untyped-def]
    # 16 contract hours over 4 days is 240 minutes a day; a task of 10% is 24 minutes a day
    # (under 30), though above 1/16 of the week (6,25%).
    tasks = (
        TaskForm("Inpakken", "90", "63", "100", "100", "63"),
        TaskForm("Schoonmaken", "10", "63", "100", "100", "63"),
    )
    form = measurement_form(
        contract_hours="16", workdays_per_week="4", tasks=tasks, loonwaarde_pct="63"
    )
    problems = validate_measurement(session, form, today=dt.date(2026, 11, 22))
    assert "24 minuten" in problems["task2.share_pct"]
    # the same task over 2 days is 48 minutes a day: allowed
    form = measurement_form(
        contract_hours="16", workdays_per_week="2", tasks=tasks, loonwaarde_pct="63"
    )
    problems = validate_measurement(session, form, today=dt.date(2026, 11, 22))
    assert "task2.share_pct" not in problems
    form = measurement_form(workdays_per_week="")
    assert "workdays_per_week" in validate_measurement(session, form, today=dt.date(2026, 11, 22))


def test_an_old_placement_without_the_fulltime_week_asks_for_it(session, owner) -> None:  # type: ignore[no-untyped-def]
    from app.models import Placement
    from app.services.clients import create_client
    from app.services.placement_view import FULLTIME_MISSING, placements
    from app.services.placements import EmployerForm, create_employer
    from tests.factories import client_form

    client_id = create_client(session, owner, client_form(), today=dt.date(2026, 11, 22))
    employer_id = create_employer(session, owner, EmployerForm(name="Groen BV"))
    # saved before migration 0006: a 2023 job with a wage but no full-time week
    session.add(
        Placement(
            client_id=client_id,
            employer_id=employer_id,
            placement_type="regular_job",
            started_on=dt.date(2023, 3, 1),
            hours_per_week=Decimal(24),
            wage_hour=Decimal("15.00"),
        )
    )
    session.flush()
    (row,) = placements(session, owner, client_id, today=dt.date(2026, 11, 22))
    assert (FULLTIME_MISSING, dt.date(2023, 3, 1)) in [(a.label, a.due_on) for a in row.due_actions]


def test_a_job_without_a_decision_shows_the_last_day_to_apply(session, owner) -> None:  # type: ignore[no-untyped-def]
    from app.services.clients import create_client
    from app.services.placement_view import APPLY_BY, placements
    from app.services.placements import (
        EmployerForm,
        PlacementForm,
        create_employer,
        create_placement,
    )
    from tests.factories import client_form

    today = dt.date(2026, 11, 22)
    client_id = create_client(session, owner, client_form(), today=today)
    employer_id = create_employer(session, owner, EmployerForm(name="Groen BV"))
    create_placement(
        session,
        owner,
        client_id,
        PlacementForm(
            employer_id=employer_id, started_on="31-08-2026", hours_per_week="24", wage_hour="16"
        ),
        today=today,
    )
    (row,) = placements(session, owner, client_id, today=today)
    # art. 10d lid 2: within six months after the start; 31-08 + 6 months ends 28-02-2027
    assert (APPLY_BY, dt.date(2027, 2, 28)) in [(a.label, a.due_on) for a in row.due_actions]
