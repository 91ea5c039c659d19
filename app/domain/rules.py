"""The dated rules table (resources/rules.toml): legal amounts and percentages by date."""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.resources import resource_path


class RuleError(LookupError):
    """A rule is missing, or has no row for the date asked."""


@dataclass(frozen=True)
class _Rule:
    name: str
    description: str
    starts: tuple[dt.date, ...]
    values: tuple[Decimal | dict[int, Decimal], ...]


def _to_decimal(value: Any, where: str) -> Decimal | dict[int, Decimal]:
    if isinstance(value, dict):
        return {int(k): Decimal(str(v)) for k, v in value.items()}
    if isinstance(value, str):
        return Decimal(value)
    raise RuleError(f"{where}: waarde moet een tekst (decimaal) of tabel zijn")


class RulesTable:
    def __init__(self, rules: dict[str, _Rule]) -> None:
        self._rules = rules

    @classmethod
    def from_toml(cls, path: Path) -> RulesTable:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rules: dict[str, _Rule] = {}
        for name, spec in data.get("rules", {}).items():
            rows = sorted(spec["rows"], key=lambda row: row["from"])
            if not rows:
                raise RuleError(f"regel {name} heeft geen rijen")
            starts = tuple(row["from"] for row in rows)
            if len(set(starts)) != len(starts):
                raise RuleError(f"regel {name} heeft twee rijen met dezelfde begindatum")
            values = tuple(_to_decimal(row["value"], name) for row in rows)
            rules[name] = _Rule(name, spec.get("description", ""), starts, values)
        return cls(rules)

    def names(self) -> list[str]:
        return sorted(self._rules)

    def description(self, name: str) -> str:
        return self._rule(name).description

    def _rule(self, name: str) -> _Rule:
        try:
            return self._rules[name]
        except KeyError:
            raise RuleError(f"De regeltabel kent de regel '{name}' niet.") from None

    def _lookup(self, name: str, on: dt.date) -> Decimal | dict[int, Decimal]:
        rule = self._rule(name)
        index = bisect_right(rule.starts, on) - 1
        if index < 0:
            raise RuleError(
                f"De regeltabel heeft voor '{rule.description or name}' geen bedrag op "
                f"{on.strftime('%d-%m-%Y')} (eerste rij: {rule.starts[0].strftime('%d-%m-%Y')})."
            )
        return rule.values[index]

    def value(self, name: str, on: dt.date) -> Decimal:
        found = self._lookup(name, on)
        if isinstance(found, dict):
            raise RuleError(f"regel {name} is een tabel; gebruik table()")
        return found

    def table(self, name: str, on: dt.date) -> dict[int, Decimal]:
        found = self._lookup(name, on)
        if not isinstance(found, dict):
            raise RuleError(f"regel {name} is een enkel bedrag; gebruik value()")
        return dict(found)

    def starts(self, name: str) -> tuple[dt.date, ...]:
        """The days on which the rule's rows take effect, oldest first."""
        return self._rule(name).starts

    def int_value(self, name: str, on: dt.date) -> int:
        return int(self.value(name, on))


@functools.cache
def rules() -> RulesTable:
    """The bundled rules table, loaded once."""
    return RulesTable.from_toml(resource_path("rules.toml"))


def minimum_wage_hour(age: int, on: dt.date, table: RulesTable | None = None) -> Decimal:
    """WML per hour for an employee of `age` on date `on` (RULES.md), unrounded."""
    table = table or rules()
    adult = table.value("wml_hour_21plus", on)
    if age >= 21:
        return adult
    youth = table.table("wml_youth_pct", on)
    if age < min(youth):
        raise RuleError(f"Er is geen minimumloon voor de leeftijd {age}.")
    return adult * youth[min(age, max(youth))] / Decimal(100)
