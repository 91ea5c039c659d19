"""Generated test people (never real): forms with valid, random-looking data."""

from __future__ import annotations

import random

from app.services.clients import ClientForm
from app.services.demo import generated_bsn

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
