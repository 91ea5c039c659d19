"""Issued plan versions for the demo store, frozen from the rows the generator just made:
the plan service reads a client back one at a time, too slow for a stress store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.domain.formatting import format_date
from app.domain.names import display_name
from app.domain.region import municipality_name
from app.domain.vocab import Role, WorkObligation
from app.services.plans import (
    DEFAULT_CONSEQUENCES,
    DEFAULT_SUPPORT,
    PlanDocument,
    exemption_text,
    goal_entry,
    instrument_entry,
    plan_address,
)

Row = dict[str, Any]


def frozen_plan(
    client: Row,
    assessments: Sequence[Row],
    plan: Row,
    goals: Sequence[Row],
    instruments: Sequence[Row],
    caseworker: tuple[str, str],  # display name, role code
    issued_on: dt.date,
) -> dict[str, Any]:
    """Version 1 of the plan as `issue_plan` would freeze it on `issued_on`."""
    replaced = {a["corrects_id"] for a in assessments if a["corrects_id"]}
    history = sorted(
        (a for a in assessments if a["id"] not in replaced and a["assessed_on"] <= issued_on),
        key=lambda a: (a["assessed_on"], a["created_at"]),
    )
    latest = history[-1] if history else None
    obligation = WorkObligation(client["work_obligation"])
    end = client["exemption_end"]
    name, role = caseworker
    document = PlanDocument(
        municipality=municipality_name(client["municipality"]),
        title=plan["title"],
        version=1,
        issued_on=format_date(issued_on),
        client_name=display_name(
            client["voornamen"], client["tussenvoegsel"], client["achternaam"]
        ),
        client_bsn=client["bsn"],
        client_birth_date=format_date(client["birth_date"]),
        client_address=plan_address(
            client["street"] or "",
            client["house_number"] or "",
            client["postcode"] or "",
            client["city"] or "",
        ),
        caseworker=name,
        caseworker_role=Role(role).label,
        trede=latest["final_trede"] if latest else None,
        trede_history=[(format_date(a["assessed_on"]), a["final_trede"]) for a in history],
        expected_trede=latest["expected_trede"] if latest else None,
        expected_by=format_date(latest["expected_by"]) if latest else "",
        situation=plan["situation"] or "",
        support_offered=plan["support_offered"] or DEFAULT_SUPPORT,
        goals=[goal_entry(g["description"], g["target_date"], g["achieved_on"]) for g in goals],
        instruments=[
            instrument_entry(i["instrument"], i["description"], i["starts_on"], i["ends_on"])
            for i in instruments
        ],
        work_obligation=obligation.label,
        exemption=exemption_text(
            obligation, client["exemption_reason"] or "", format_date(end) if end else ""
        ),
        obligations=plan["obligations"] or "",
        consequences=plan["consequences"] or DEFAULT_CONSEQUENCES,
        valid_from=format_date(plan["valid_from"]),
        valid_until=format_date(plan["valid_until"]),
    )
    return document.to_json()
