"""A subsidy decision syncs like every record: the team lead's laptop receives it, and the
central store refuses one that points at another client's placement."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import httpx
from sqlalchemy import select

from app.domain.vocab import Role
from app.models import SubsidyDecision
from app.services.placement_view import placements
from app.services.placements import EmployerForm, PlacementForm, create_employer, create_placement
from app.services.subsidy_decisions import DecisionForm, record_decision
from tests.sync.harness import (
    CentralServer,
    add_user,
    auth_headers,
    crafted_change,
    new_laptop,
    new_row_stamps,
)


def test_a_decision_reaches_the_team_and_stays_with_its_client(
    central: CentralServer, tmp_path: Path
) -> None:
    central.store.create_team("Team", "hengelo")
    coach_id = add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    add_user(central.store, "tl.a", Role.TEAM_LEAD, "Team")
    coach = new_laptop(tmp_path, "a", central, "wc.a")
    lead = new_laptop(tmp_path, "lead", central, "tl.a")
    client_id, other_client = coach.new_client(), coach.new_client()
    actor = coach.actor()
    today = dt.date.today()
    start = today.replace(day=1)
    with coach.store.session(actor.caseworker_id) as session:
        employer_id = create_employer(session, actor, EmployerForm(name="Groen BV"))
        placement_id = create_placement(
            session,
            actor,
            client_id,
            PlacementForm(
                employer_id=employer_id,
                started_on=start.strftime("%d-%m-%Y"),
                hours_per_week="24",
                wage_hour="16,00",
            ),
            today=today,
        )
        record_decision(
            session,
            actor,
            client_id,
            DecisionForm(
                placement_id=placement_id,
                basis="forfait",
                target_group_basis="doelgroepregister",
                starts_on=start.strftime("%d-%m-%Y"),
                ends_on=(start + dt.timedelta(days=60)).strftime("%d-%m-%Y"),
                decided_on=today.strftime("%d-%m-%Y"),
            ),
            today=today,
        )
    coach.sync()
    lead.sync()
    lead_actor = lead.actor()
    with lead.store.session(lead_actor.caseworker_id) as session:
        (row,) = placements(session, lead_actor, client_id, today=today)
        assert row.subsidy is not None and row.subsidy.payable
    # A crafted decision of one client pointing at another client's placement is refused.
    decision_id = str(uuid.uuid4())
    values = {
        "id": decision_id,
        "client_id": other_client,
        "placement_id": placement_id,
        "basis": "forfait",
        "measurement_id": None,
        "target_group_basis": "doelgroepregister",
        "target_group_note": None,
        "starts_on": start.isoformat(),
        "ends_on": start.isoformat(),
        "decided_on": today.isoformat(),
        "reference": None,
        "corrects_id": None,
        **new_row_stamps(coach_id),
    }
    answer = httpx.post(
        f"{central.url}/v1/push",
        json={"changes": [crafted_change("subsidy_decisions", decision_id, values)]},
        headers=auth_headers(coach),
    ).json()
    assert answer["results"][0]["status"] == "parked"
    with central.store.engine.connect() as conn:
        stored = conn.execute(select(SubsidyDecision.__table__.c.id)).scalars().all()
    assert decision_id not in stored and len(stored) == 1
