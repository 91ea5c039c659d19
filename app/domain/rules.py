"""The dated rules table (resources/rules.toml): national law and each municipality's own
policy, every amount, percentage, age and period by the date it applies, with its source."""

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

Value = Decimal | dict[int, Decimal] | dt.date


class RuleError(LookupError):
    """A rule is missing, or has no row for the date asked."""


@dataclass(frozen=True)
class RuleRow:
    starts_on: dt.date
    value: Value
    source: str


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    municipality: str | None  # None: national law; else that municipality's policy
    rows: tuple[RuleRow, ...]  # oldest first
    starts: tuple[dt.date, ...] = ()  # the rows' first days, kept for the lookups

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(row.starts_on for row in self.rows))


def _value(value: Any, where: str) -> Value:
    if isinstance(value, dict):
        return {int(k): Decimal(str(v)) for k, v in value.items()}
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if value.count("-") == 2 else Decimal(value)
        except (ArithmeticError, ValueError):
            raise RuleError(f"{where}: '{value}' is geen getal of datum") from None
    raise RuleError(f"{where}: waarde moet een tekst (decimaal of datum) of tabel zijn")


def _rule(name: str, spec: dict[str, Any], municipality: str | None) -> Rule:
    rows = sorted(spec.get("rows", []), key=lambda row: row["from"])
    if not rows:
        raise RuleError(f"regel {name} heeft geen rijen")
    starts = [row["from"] for row in rows]
    if len(set(starts)) != len(starts):
        raise RuleError(f"regel {name} heeft twee rijen met dezelfde begindatum")
    return Rule(
        name,
        spec.get("description", ""),
        municipality,
        tuple(
            RuleRow(row["from"], _value(row["value"], name), str(row.get("source", "")))
            for row in rows
        ),
    )


def _day(on: dt.date) -> str:
    return on.strftime("%d-%m-%Y")


class RulesTable:
    def __init__(self, law: dict[str, Rule], policy: dict[str, dict[str, Rule]]) -> None:
        self._law = law
        self._policy = policy

    @classmethod
    def from_toml(cls, path: Path) -> RulesTable:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        law = {name: _rule(name, spec, None) for name, spec in data.get("rules", {}).items()}
        policy = {
            municipality: {name: _rule(name, spec, municipality) for name, spec in rules.items()}
            for municipality, rules in data.get("policy", {}).items()
        }
        return cls(law, policy)

    def names(self) -> list[str]:
        return sorted(self._law)

    def all_rules(self) -> list[Rule]:
        """Every rule, law first, then each municipality's policy."""
        found = [self._law[name] for name in self.names()]
        for municipality in sorted(self._policy):
            found.extend(self._policy[municipality][n] for n in sorted(self._policy[municipality]))
        return found

    def description(self, name: str) -> str:
        return self._rule(name).description

    def _rule(self, name: str) -> Rule:
        try:
            return self._law[name]
        except KeyError:
            raise RuleError(f"De regeltabel kent de regel '{name}' niet.") from None

    @staticmethod
    def _row(rule: Rule, on: dt.date) -> RuleRow | None:
        index = bisect_right(rule.starts, on) - 1
        return rule.rows[index] if index >= 0 else None

    def _lookup(self, name: str, on: dt.date) -> Value:
        rule = self._rule(name)
        row = self._row(rule, on)
        if row is None:
            raise RuleError(
                f"De regeltabel heeft voor '{rule.description or name}' geen bedrag op "
                f"{_day(on)} (eerste rij: {_day(rule.starts[0])})."
            )
        return row.value

    def value(self, name: str, on: dt.date) -> Decimal:
        found = self._lookup(name, on)
        if not isinstance(found, Decimal):
            raise RuleError(f"regel {name} is geen enkel bedrag")
        return found

    def has_row(self, name: str, on: dt.date) -> bool:
        """The law sets this rule on `on` (it may start later, as the proefplaats in 2023)."""
        return self._row(self._rule(name), on) is not None

    def table(self, name: str, on: dt.date) -> dict[int, Decimal]:
        found = self._lookup(name, on)
        if not isinstance(found, dict):
            raise RuleError(f"regel {name} is een enkel bedrag; gebruik value()")
        return dict(found)

    def date_value(self, name: str, on: dt.date | None = None) -> dt.date:
        """A date the law sets (such as the ULM's start), as the row of `on` (or the newest)."""
        rule = self._rule(name)
        row = self._row(rule, on) if on is not None else rule.rows[-1]
        if row is None or not isinstance(row.value, dt.date):
            raise RuleError(f"regel {name} heeft geen datum op {_day(on or dt.date.min)}")
        return row.value

    def starts(self, name: str) -> tuple[dt.date, ...]:
        """The days on which the rule's rows take effect, oldest first."""
        return self._rule(name).starts

    def source(self, name: str, on: dt.date) -> str:
        row = self._row(self._rule(name), on)
        return row.source if row else ""

    def int_value(self, name: str, on: dt.date) -> int:
        return int(self.value(name, on))

    def policy_value(self, municipality: str, name: str, on: dt.date) -> Decimal | None:
        """The municipality's own policy on `on`; None when it sets none (then the law
        alone applies)."""
        rule = self._policy.get(municipality, {}).get(name)
        row = self._row(rule, on) if rule else None
        if row is None or not isinstance(row.value, Decimal):
            return None
        return row.value

    def policy_source(self, municipality: str, name: str, on: dt.date) -> str:
        rule = self._policy.get(municipality, {}).get(name)
        row = self._row(rule, on) if rule else None
        return row.source if row else ""

    # ------------------------------------------------------------ the minimum wage

    def adult_age(self, on: dt.date) -> int:
        """From this age the full WML applies (23 before 2017-07-01, 22, then 21)."""
        return max(self.table("wml_youth_pct", on)) + 1

    def youngest_age(self, on: dt.date) -> int:
        return min(self.table("wml_youth_pct", on))

    def hourly_wml_starts(self) -> dt.date:
        """The day from which the law sets the WML per hour (before: per month and week)."""
        return self.starts("wml_hour_adult")[0]

    def adult_wml_hour(self, on: dt.date, fulltime_hours: Decimal | None = None) -> Decimal:
        """The adult WML per hour. Before the hourly WML it follows from the week amount and
        the employer's normal full-time week, which must then be known."""
        if on >= self.hourly_wml_starts():
            return self.value("wml_hour_adult", on)
        week = self.value("wml_week_adult", on)
        if fulltime_hours is None or fulltime_hours <= 0:
            raise RuleError(
                f"Voor {_day(on)} stond het minimumloon per week vast, niet per uur: vul bij de "
                "plaatsing de normale voltijdweek van de werkgever in (uren per week)."
            )
        return week / fulltime_hours


@functools.cache
def rules() -> RulesTable:
    """The bundled rules table, loaded once."""
    return RulesTable.from_toml(resource_path("rules.toml"))


def minimum_wage_hour(
    age: int,
    on: dt.date,
    table: RulesTable | None = None,
    fulltime_hours: Decimal | None = None,
) -> Decimal:
    """WML per hour for an employee of `age` on date `on` (RULES.md), unrounded; before 2024
    from the week amount and the employer's full-time hours."""
    table = table or rules()
    adult = table.adult_wml_hour(on, fulltime_hours)
    youth = table.table("wml_youth_pct", on)
    if age > max(youth):
        return adult
    if age < min(youth):
        raise RuleError(f"Er is geen minimumloon voor de leeftijd {age}.")
    return adult * youth[age] / Decimal(100)
