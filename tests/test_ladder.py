import itertools

import pytest

from app.domain.ladder import (
    LadderAnswers,
    PolicyGroup,
    answers_for_trede,
    derive_trede,
    policy_group,
)


def expected_trede(a: LadderAnswers) -> int:
    """The issue's wording of the official definitions, written out independently."""
    if a.paid_work and a.paid_work_supported:
        return 5
    if a.paid_work:
        return 6
    if a.unpaid_work:
        return 4 if a.unpaid_work_weekly else 3
    if a.organised_activity and a.organised_activity_weekly:
        return 3
    if a.organised_activity or a.social_contacts_weekly:
        return 2
    return 1


ALL = [LadderAnswers(*combo) for combo in itertools.product([False, True], repeat=7)]


def test_all_128_combinations() -> None:
    assert len(ALL) == 128
    for answers in ALL:
        assert derive_trede(answers) == expected_trede(answers), answers


@pytest.mark.parametrize(
    ("trede", "group"),
    [
        (1, PolicyGroup.SOCIAL_PARTICIPATION),
        (2, PolicyGroup.SOCIAL_PARTICIPATION),
        (3, PolicyGroup.VULNERABLE_MIDDLE),
        (4, PolicyGroup.VULNERABLE_MIDDLE),
        (5, PolicyGroup.SELF_RELIANT),
        (6, PolicyGroup.SELF_RELIANT),
    ],
)
def test_policy_groups(trede: int, group: PolicyGroup) -> None:
    assert policy_group(trede) is group


def test_policy_group_rejects_non_treden() -> None:
    for bad in (0, 7, -1):
        with pytest.raises(ValueError):
            policy_group(bad)


def test_typical_answers_derive_their_trede() -> None:
    for trede in range(1, 7):
        assert derive_trede(answers_for_trede(trede)) == trede
