"""A connected laptop takes the central store's region (issue 20, item 10): the municipalities
and their catalogues arrive at a sync, are kept in the encrypted store, and are in use
whenever that store is open; a standalone store keeps the installation's region file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import region as region_module
from app.domain.region import (
    RegionError,
    file_region,
    region,
    region_from_json,
    region_json,
    use_region,
)
from app.domain.vocab import Role
from app.services.clients import validate_client_form
from app.services.opening import create_store, unlock_store
from tests.conftest import PASSPHRASE
from tests.factories import client_form
from tests.sync.harness import CentralServer, add_user, new_laptop


@pytest.fixture
def nijmegen_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(region_module.REGION_ENV, "werkbedrijf-rijk-van-nijmegen")
    file_region.cache_clear()
    yield
    monkeypatch.delenv(region_module.REGION_ENV, raising=False)
    file_region.cache_clear()
    use_region(None)


def test_the_laptop_keeps_and_uses_the_central_region(
    central: CentralServer, tmp_path: Path, nijmegen_server: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    central.store.create_team("Team", "druten")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    laptop = new_laptop(tmp_path, "a", central, "wc.a")
    laptop.sync()
    assert region().name == "WerkBedrijf Rijk van Nijmegen"
    # the installation's own file says Midden-Twente; the store's region wins while it is open
    monkeypatch.delenv(region_module.REGION_ENV)
    file_region.cache_clear()
    data_dir = laptop.store.paths.data_dir
    laptop.store.close()
    reopened = unlock_store(data_dir, PASSPHRASE)
    try:
        assert "druten" in region().codes()
        today = dt.date(2026, 11, 22)
        assert "municipality" not in validate_client_form(
            client_form(municipality="druten"), today=today
        )
    finally:
        reopened.close()
    # a standalone store opened next uses the file again
    standalone = create_store(tmp_path / "standalone", PASSPHRASE)
    try:
        assert region().codes() == ["hengelo", "borne", "haaksbergen"]
    finally:
        standalone.close()


def test_a_malformed_region_is_refused_whole() -> None:
    good = region_json(file_region())
    assert region_from_json(good) == region_from_json(good)
    for bad in (
        None,
        [],
        {"municipalities": []},
        {"municipalities": [{"code": "x"}]},
        {
            "municipalities": [
                {"code": "x", "name": "X", "instruments": [{"name": "A", "price": "-1"}]}
            ]
        },
        {"municipalities": [{"code": "x" * 41, "name": "X"}]},
        {"municipalities": "hengelo"},
    ):
        with pytest.raises(RegionError):
            region_from_json(bad)
