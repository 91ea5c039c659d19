"""Generated test people (never real): forms with valid, random-looking data."""

from __future__ import annotations

import random

from app.demo import generated_bsn
from app.services.clients import ClientForm
from app.services.wage_value import MeasurementForm, TaskForm

_rng = random.Random(7)


def client_form(**overrides: object) -> ClientForm:
    form = ClientForm(
        bsn=generated_bsn(_rng),
        voornamen="Şükrü",
        achternaam="Yılmaz-Gąsiorowska",
        birth_date="14-02-1985",
        street="Marktstraat",
        house_number="12a",
        postcode="7551ab",
        city="Hengelo",
        municipality="hengelo",
        phone="06 12345678",
        email="klant@post.example",
        intake_date="01-09-2026",
    )
    for name, value in overrides.items():
        setattr(form, name, value)
    return form


def measurement_form(
    placement_id: str, *, loonwaarde: str, report_date: str, visit_date: str, **changes: str
) -> MeasurementForm:
    """A wage-value measurement with one main task whose tempo is the whole loonwaarde."""
    return MeasurementForm(
        placement_id=placement_id,
        report_date=report_date,
        visit_date=visit_date,
        expert_name="A. Deskundige",
        norm_function="Hovenier",
        performed_function="Medewerker groen",
        contract_hours="24",
        fulltime_hours="38",
        workdays_per_week="4",
        tasks=(TaskForm("Maaien", "100", loonwaarde, "100", "100", loonwaarde),),
        loonwaarde_pct=loonwaarde,
        **changes,
    )
