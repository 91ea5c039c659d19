"""Movement figures over hand-made histories whose answers can be counted by eye."""

import datetime as dt

import pytest

from app.domain.ladder_movement import (
    NOT_ASSESSED,
    LadderHistory,
    lowest_steps_target,
    movement,
    movement_by_group,
    regular_work_target,
    step_bucket,
)

D = dt.date
START, END = D(2025, 1, 1), D(2026, 12, 31)


def history(client: str, *assessments, groups=(), **kw) -> LadderHistory:  # type: ignore[no-untyped-def]
    return LadderHistory(client, "hengelo", tuple(groups), tuple(assessments), **kw)


def test_trede_on_a_day_is_the_newest_assessment_before_it() -> None:
    h = history("a", (D(2024, 3, 1), 2), (D(2025, 6, 1), 3))
    assert h.trede_on(D(2024, 2, 28)) is None
    assert h.trede_on(D(2024, 3, 1)) == 2
    assert h.trede_on(D(2025, 5, 31)) == 2
    assert h.trede_on(D(2026, 1, 1)) == 3


def test_start_is_the_first_assessment_for_a_client_who_came_in_during_the_period() -> None:
    h = history("a", (D(2025, 4, 1), 1), (D(2026, 4, 1), 4), entered_on=D(2025, 3, 1))
    assert h.start_trede(START, END) == 1


@pytest.mark.parametrize(
    ("steps", "bucket"), [(-2, "omlaag"), (-1, "omlaag"), (0, "0"), (3, "3"), (4, "4+"), (5, "4+")]
)
def test_step_buckets(steps: int, bucket: str) -> None:
    assert step_bucket(steps) == bucket


def test_movement_counts() -> None:
    histories = [
        history("up2", (D(2024, 5, 1), 2), (D(2025, 6, 1), 4)),
        history("same", (D(2024, 5, 1), 3), (D(2025, 6, 1), 3)),
        history("down", (D(2024, 5, 1), 4), (D(2026, 6, 1), 3)),
        history("up5", (D(2024, 5, 1), 1), (D(2026, 6, 1), 6)),
        history("never", entered_on=D(2025, 2, 1)),
        history("gone", (D(2020, 1, 1), 2), outflow_on=D(2024, 12, 1)),  # left before the start
        history("late", (D(2027, 2, 1), 5), entered_on=D(2027, 1, 5)),  # came after the end
    ]
    figures = movement(histories, START, END)
    assert figures.clients == 5
    assert figures.start_distribution == {NOT_ASSESSED: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0}
    assert figures.end_distribution == {NOT_ASSESSED: 1, 1: 0, 2: 0, 3: 2, 4: 1, 5: 0, 6: 1}
    assert figures.steps == {"omlaag": 1, "0": 1, "1": 0, "2": 1, "3": 0, "4+": 1}


def test_lowest_steps_target_over_two_years() -> None:
    end = D(2026, 12, 31)  # window from 2024-12-31
    histories = [
        history("up", (D(2024, 1, 1), 1), (D(2026, 1, 1), 2)),
        history("stayed", (D(2024, 1, 1), 2), (D(2026, 1, 1), 2)),
        history("fell", (D(2024, 1, 1), 2), (D(2026, 1, 1), 1)),
        history("no review", (D(2025, 3, 1), 2)),
        history("not low", (D(2024, 1, 1), 3), (D(2026, 1, 1), 1)),
    ]
    result = lowest_steps_target(histories, end)
    assert (result.cohort, result.met, result.moved_up) == (4, 3, 1)
    assert result.share == pytest.approx(0.75)


def test_regular_work_target_over_one_year() -> None:
    end = D(2026, 12, 31)  # window from 2025-12-31
    histories = [
        history("worked", (D(2025, 1, 1), 5), regular_work_on=(D(2026, 5, 1),)),
        history("earlier job", (D(2025, 1, 1), 6), regular_work_on=(D(2025, 6, 1),)),
        history("no job", (D(2025, 1, 1), 5)),
        history("lower", (D(2025, 1, 1), 4), regular_work_on=(D(2026, 5, 1),)),
    ]
    result = regular_work_target(histories, end)
    assert (result.cohort, result.met) == (3, 1)


def test_empty_cohort_has_no_share() -> None:
    assert lowest_steps_target([], END).share is None


def test_groups_are_counted_separately_and_may_overlap() -> None:
    histories = [
        history("a", (D(2024, 1, 1), 2), groups=("youth", "statushouder")),
        history("b", (D(2024, 1, 1), 2), groups=("youth",)),
        history("c", (D(2024, 1, 1), 2)),
    ]
    figures = movement_by_group(histories, START, END, ["youth", "statushouder", "fifty_plus"])
    assert {k: f.clients for k, f in figures.items()} == {
        None: 3,
        "youth": 2,
        "statushouder": 1,
        "fifty_plus": 0,
    }


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        movement([], END, START)
