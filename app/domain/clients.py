"""Rules about a client that follow from their data: age-based priority groups."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from app.domain.dates import age_on
from app.domain.rules import rules
from app.domain.vocab import RECORDED_PRIORITY_GROUPS, PriorityGroup


def derived_priority_groups(birth_date: dt.date, on: dt.date) -> list[PriorityGroup]:
    """Age-based groups (DOMAIN.md): derived from the date of birth, never typed in."""
    return groups_for_age(age_on(birth_date, on))


@functools.cache
def _age_limits(on: dt.date) -> tuple[int, int, int]:
    table = rules()
    return (
        table.int_value("priority_age_young", on),
        table.int_value("priority_age_50_plus", on),
        table.int_value("priority_age_55_plus", on),
    )


def groups_for_age(age: int, on: dt.date | None = None) -> list[PriorityGroup]:
    young, fifty, fifty_five = _age_limits(on or dt.date.today())
    groups = []
    if age < young:
        groups.append(PriorityGroup.UNDER_27)
    if age >= fifty:
        groups.append(PriorityGroup.AGE_50_PLUS)
    if age >= fifty_five:
        groups.append(PriorityGroup.AGE_55_PLUS)
    return groups


def priority_groups(
    recorded: Iterable[str], birth_date: dt.date, on: dt.date
) -> list[PriorityGroup]:
    """All groups of a client, in the order of the vocabulary."""
    return priority_groups_for_age(recorded, age_on(birth_date, on))


def priority_groups_for_age(recorded: Iterable[str], age: int) -> list[PriorityGroup]:
    have = {PriorityGroup(code) for code in recorded if code in PriorityGroup._value2member_map_}
    have &= set(RECORDED_PRIORITY_GROUPS)
    have |= set(groups_for_age(age))
    return [group for group in PriorityGroup if group in have]
