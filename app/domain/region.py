"""The region an installation serves: its municipalities as data (resources/regions/*.toml),
each with the header of its plans and its own catalogue of instruments with an optional
price. Reports and lists iterate what the region and the data hold, not a fixed list."""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.resources import resource_path

REGION_ENV = "TREDE_REGION"
DEFAULT_REGION = "midden-twente"


class RegionError(ValueError):
    """A region file that cannot be read or says something impossible."""


@dataclass(frozen=True)
class Instrument:
    name: str
    price: Decimal | None  # in euros, where the municipality sets one


@dataclass(frozen=True)
class MunicipalityInfo:
    code: str
    name: str
    department: str
    address: str
    logo: str | None
    instruments: tuple[Instrument, ...]


@dataclass(frozen=True)
class Region:
    name: str
    municipalities: tuple[MunicipalityInfo, ...]

    def codes(self) -> list[str]:
        return [m.code for m in self.municipalities]

    def choices(self) -> list[tuple[str, str]]:
        """(code, name) of every municipality, in the file's order."""
        return [(m.code, m.name) for m in self.municipalities]

    def get(self, code: str) -> MunicipalityInfo | None:
        return next((m for m in self.municipalities if m.code == code), None)

    def name_of(self, code: str) -> str:
        """The municipality's name; a code from outside the region (an old store, another
        region's client) shows as itself, capitalised."""
        found = self.get(code)
        return found.name if found else code.replace("-", " ").capitalize()

    def instruments_of(self, code: str) -> tuple[Instrument, ...]:
        found = self.get(code)
        return found.instruments if found else ()


def _price(value: object, where: str) -> Decimal | None:
    if value is None:
        return None
    try:
        price = Decimal(str(value))
    except InvalidOperation:
        raise RegionError(f"{where}: de prijs '{value}' is geen bedrag") from None
    if not price.is_finite() or price < 0:
        raise RegionError(f"{where}: de prijs '{value}' is geen bedrag")
    return price


def load_region(path: Path) -> Region:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RegionError(f"Het regiobestand {path.name} kan niet worden gelezen: {exc}") from None
    found = []
    for code, spec in data.get("municipality", {}).items():
        if not isinstance(spec, dict) or not str(spec.get("name", "")).strip():
            raise RegionError(f"{path.name}: gemeente '{code}' heeft geen naam")
        instruments = tuple(
            Instrument(str(item["name"]), _price(item.get("price"), f"{path.name} {code}"))
            for item in spec.get("instruments", [])
        )
        found.append(
            MunicipalityInfo(
                code=code,
                name=str(spec["name"]),
                department=str(spec.get("department", "")),
                address=str(spec.get("address", "")),
                logo=spec.get("logo"),
                instruments=instruments,
            )
        )
    if not found:
        raise RegionError(f"{path.name}: het regiobestand noemt geen gemeenten")
    return Region(str(data.get("region", {}).get("name", path.stem)), tuple(found))


@functools.cache
def region() -> Region:
    """The installation's region: TREDE_REGION names the file, else Midden-Twente."""
    name = os.environ.get(REGION_ENV, "").strip() or DEFAULT_REGION
    if "/" in name or "\\" in name or name.startswith("."):
        raise RegionError(f"{REGION_ENV}={name!r} is geen regionaam")
    return load_region(resource_path("regions", f"{name}.toml"))


def municipality_name(code: str) -> str:
    return region().name_of(code)
