"""The region an installation serves: its municipalities as data, each with the header of
its plans and its own catalogue of instruments with an optional price. A connected laptop
takes the central store's region (kept in the store at every sync); a standalone one the
region file in resources/regions/. Reports and lists iterate what the region and the data
hold, not a fixed list."""

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
# The local setting of a store that keeps the central store's region (JSON).
REGION_SETTING = "region"


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
def file_region() -> Region:
    """The region file of this installation: TREDE_REGION names it, else Midden-Twente."""
    name = os.environ.get(REGION_ENV, "").strip() or DEFAULT_REGION
    if "/" in name or "\\" in name or name.startswith("."):
        raise RegionError(f"{REGION_ENV}={name!r} is geen regionaam")
    return load_region(resource_path("regions", f"{name}.toml"))


_installed: Region | None = None


def use_region(found: Region | None) -> None:
    """Use the region an open store holds (from the central store); None: the file's."""
    global _installed
    _installed = found


def region() -> Region:
    """The region in use: the central store's, as the open store keeps it, else the file."""
    return _installed if _installed is not None else file_region()


# The region as the central store sends it and a laptop keeps it.
MAX_MUNICIPALITIES = 200
MAX_INSTRUMENTS = 500


def region_json(found: Region) -> dict[str, object]:
    return {
        "name": found.name,
        "municipalities": [
            {
                "code": m.code,
                "name": m.name,
                "department": m.department,
                "address": m.address,
                "instruments": [
                    {"name": i.name, "price": None if i.price is None else str(i.price)}
                    for i in m.instruments
                ],
            }
            for m in found.municipalities
        ],
    }


def _text(value: object, where: str, longest: int = 200) -> str:
    if not isinstance(value, str) or len(value) > longest:
        raise RegionError(f"{where}: geen tekst van ten hoogste {longest} tekens")
    return value


def region_from_json(data: object) -> Region:
    """A region from the central store; anything malformed is refused as a whole."""
    if not isinstance(data, dict) or not isinstance(data.get("municipalities"), list):
        raise RegionError("de regio van de centrale server is onleesbaar")
    listed = data["municipalities"]
    if not listed or len(listed) > MAX_MUNICIPALITIES:
        raise RegionError("de regio van de centrale server noemt geen (of te veel) gemeenten")
    found = []
    for item in listed:
        if not isinstance(item, dict) or not isinstance(item.get("instruments", []), list):
            raise RegionError("een gemeente van de centrale server is onleesbaar")
        code = _text(item.get("code"), "gemeentecode", 40)
        instruments = item.get("instruments", [])
        if len(instruments) > MAX_INSTRUMENTS:
            raise RegionError(f"{code}: te veel instrumenten")
        found.append(
            MunicipalityInfo(
                code=code,
                name=_text(item.get("name"), code),
                department=_text(item.get("department", ""), code),
                address=_text(item.get("address", ""), code, 400),
                logo=None,  # a logo file is local to the installation
                instruments=tuple(
                    Instrument(
                        _text(i.get("name") if isinstance(i, dict) else None, code, 80),
                        _price(i.get("price"), code),
                    )
                    for i in instruments
                ),
            )
        )
    if any(not m.code.strip() or not m.name.strip() for m in found):
        raise RegionError("een gemeente van de centrale server heeft geen code of naam")
    return Region(_text(data.get("name", ""), "regio"), tuple(found))


def municipality_name(code: str) -> str:
    return region().name_of(code)
