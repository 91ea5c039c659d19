"""Municipalities are data (issue 20, item 10): the region file names them with their plan
header and instrument catalogue (with a price where one is set); validation, lists, reports
and the plan use what the region and the data hold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain import region as region_module
from app.domain.region import RegionError, file_region, load_region, municipality_name, region
from app.resources import resource_path
from app.services.clients import validate_client_form
from tests.factories import client_form


def test_both_region_files_load() -> None:
    twente = load_region(resource_path("regions", "midden-twente.toml"))
    assert twente.codes() == ["hengelo", "borne", "haaksbergen"]
    assert twente.get("hengelo").instruments[0].name == "Sollicitatietraining"  # type: ignore[union-attr]
    nijmegen = load_region(resource_path("regions", "werkbedrijf-rijk-van-nijmegen.toml"))
    assert (
        len(nijmegen.codes()) == 7 and nijmegen.name_of("mook-en-middelaar") == "Mook en Middelaar"
    )
    assert "Participatiecoach" in [i.name for i in nijmegen.instruments_of("druten")]


def test_a_code_from_elsewhere_shows_as_itself() -> None:
    assert municipality_name("hengelo") == "Hengelo"
    assert municipality_name("hof-van-twente") == "Hof van twente"


def test_a_price_where_the_municipality_sets_one(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(
        '[municipality.x]\nname = "X"\ninstruments = [{ name = "Taalcursus", price = "450.00" },'
        ' { name = "Jobcoaching" }]\n',
        encoding="utf-8",
    )
    loaded = load_region(path)
    assert [(i.name, i.price) for i in loaded.instruments_of("x")] == [
        ("Taalcursus", Decimal("450.00")),
        ("Jobcoaching", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",  # no municipalities
        '[municipality.x]\ndepartment = "y"\n',  # no name
        '[municipality.x]\nname = "X"\ninstruments = [{ name = "A", price = "gratis" }]\n',
        '[municipality.x]\nname = "X"\ninstruments = [{ name = "A", price = "-5" }]\n',
        "[municipality.x\n",  # broken TOML
    ],
)
def test_a_bad_region_file_is_refused_with_a_message(tmp_path: Path, text: str) -> None:
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegionError):
        load_region(path)


def test_the_client_form_takes_the_regions_municipalities(monkeypatch: pytest.MonkeyPatch) -> None:
    today = dt.date(2026, 11, 22)
    assert "municipality" not in validate_client_form(
        client_form(municipality="borne"), today=today
    )
    problem = validate_client_form(client_form(municipality="druten"), today=today)["municipality"]
    assert "Hengelo, Borne, Haaksbergen" in problem
    monkeypatch.setenv(region_module.REGION_ENV, "werkbedrijf-rijk-van-nijmegen")
    file_region.cache_clear()
    try:
        assert "municipality" not in validate_client_form(
            client_form(municipality="druten"), today=today
        )
    finally:
        monkeypatch.delenv(region_module.REGION_ENV)
        file_region.cache_clear()


def test_a_region_name_cannot_point_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(region_module.REGION_ENV, "../rules")
    file_region.cache_clear()
    try:
        with pytest.raises(RegionError):
            region()
    finally:
        monkeypatch.delenv(region_module.REGION_ENV)
        file_region.cache_clear()


def test_the_plan_prints_a_price_that_is_set(session, owner, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from app.reports.plan_pdf import render_plan
    from app.services.clients import create_client
    from app.services.plan_editing import PlanForm, instrument_catalogue, save_plan
    from app.services.plans import plan_document

    priced = load_region(resource_path("regions", "midden-twente.toml"))
    hengelo = priced.get("hengelo")
    assert hengelo is not None
    from dataclasses import replace

    from app.domain.region import Instrument, Region

    cheap = replace(hengelo, instruments=(Instrument("Taalcursus", Decimal("450.00")),))
    monkeypatch.setattr(region_module, "region", lambda: Region("Test", (cheap,)))
    monkeypatch.setattr("app.reports.plan_pdf.region", lambda: Region("Test", (cheap,)))
    monkeypatch.setattr("app.services.plan_editing.region", lambda: Region("Test", (cheap,)))
    client_id = create_client(session, owner, client_form(), today=dt.date(2026, 11, 22))
    assert [i.name for i in instrument_catalogue(session, client_id)] == ["Taalcursus"]
    save_plan(
        session,
        owner,
        client_id,
        PlanForm(
            situation="Wil werken.",
            instruments=(("Taalcursus", "B1", "01-12-2026", "01-06-2027"),),
        ),
    )
    target = tmp_path / "plan.pdf"
    render_plan(plan_document(session, owner, client_id), target)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Prijs" in text and "€ 450,00" in text
