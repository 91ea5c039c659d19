"""A rule lives once, in the dated rules table: no legal amount, percentage, age, period or
date appears as a literal in app/ (issue 20, item 9). The scan reads the code, not comments
or docstrings."""

from __future__ import annotations

import ast
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.domain.rules import rules

APP = Path(__file__).resolve().parent.parent / "app"
# Generated example data, not rules.
SKIPPED = {"services/demo.py", "devtools/screenshots.py", "selftest.py"}
# A number printed with a unit a rule is stated in: "15%", "3 maanden", "€ 14,71", "1/16".
PRINTED_RULE = re.compile(
    r"(?<![.\d])\d+(?:[.,]\d+)?\s?%|\b\d+\s(?:maanden|maand|weken|jaar en ouder)\b|€\s?\d|\b1/16\b"
)
# Percentages that are arithmetic, not law.
PRINTED_ALLOWED = {"100%", "0 en 100%"}
# Named constants that look like a rule but are a choice of the app, with why.
NAMED_CHOICES = {
    "STATEMENT_MONTHS",  # how many months of payments the placement shows
    "DECIDED_BACK_YEARS",  # how far back a decision date may be typed
    "SNAPSHOT_MAX_ROWS",
    "MAX_FACTOR_PCT",  # the highest tempo a form accepts
    "OVERVIEW_MONTHS",  # how many months the job-coaching overview shows
    "MAX_MONTHS",  # the longest period one subsidy statement covers
}
RULE_NAME = re.compile(r"(?:^|_)(MONTHS|WEEKS|YEARS|AGE|PCT|SHARE)$")
# Where a whole number of the table would be an age or a period: compared with an age.
AGE_OR_PERIOD = re.compile(r"(?:^|_)(age|months|years)$")
# Literals equal to a table value that are not that rule, with why.
NOT_RULES = {
    ("services/wage_value.py", Decimal("0.5")): "tolerance in percentage points, not 50%",
}


def _sources() -> list[tuple[str, ast.AST]]:
    found = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP).as_posix()
        if relative in SKIPPED or "/migrations/" in f"/{relative}":
            continue
        found.append((relative, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _table_values() -> tuple[set[Decimal], set[Decimal]]:
    """The fractional decimals of the rules table, with the factors they enter a sum as
    (23.5 -> 0.235 and 1.235), and its whole numbers from 13 up (ages, months, percentages)."""
    fractions: set[Decimal] = set()
    wholes: set[Decimal] = set()
    for rule in rules().all_rules():
        for row in rule.rows:
            found = row.value.values() if isinstance(row.value, dict) else [row.value]
            for value in found:
                if not isinstance(value, Decimal):
                    continue
                if value != value.to_integral():
                    fractions |= {value, value / 100, 1 + value / 100}
                elif value > 12:
                    wholes.add(value)
                    if value < 100:
                        fractions |= {value / 100, 1 + value / 100}
    return fractions, wholes


def _number(node: ast.AST) -> Decimal | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return Decimal(str(node.value))
    is_decimal = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Decimal"
    if is_decimal and node.args and isinstance(node.args[0], ast.Constant):  # type: ignore[attr-defined]
        try:
            return Decimal(str(node.args[0].value))  # type: ignore[attr-defined]
        except InvalidOperation:
            return None
    return None


# The layers that compute; the GUI and the PDF layout hold sizes, which are checked for
# printed rules and fixed dates only.
COMPUTING = ("domain/", "services/", "sync/", "storage/", "cli.py")


def test_no_rule_value_is_a_literal_in_the_code() -> None:
    fractions, wholes = _table_values()
    found = []
    for relative, tree in _sources():
        if not relative.startswith(COMPUTING):
            continue
        for node in ast.walk(tree):
            number = _number(node)
            known = (relative, number) in NOT_RULES
            if number is not None and number in fractions and not known:
                found.append(f"{relative}:{node.lineno}: {number}")  # type: ignore[attr-defined]
            if isinstance(node, ast.Compare):
                operands = (node.left, *node.comparators)
                names = [getattr(o, "id", getattr(o, "attr", "")) for o in operands]
                if not any(AGE_OR_PERIOD.search(name) for name in names):
                    continue
                for operand in operands:
                    number = _number(operand)
                    if number is not None and number in wholes:
                        found.append(f"{relative}:{node.lineno}: compared with {number}")
    assert not found, "a value of the rules table as a literal:\n" + "\n".join(found)


def test_no_rule_is_printed_from_a_literal() -> None:
    found = []
    for relative, tree in _sources():
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) in docstrings:
                continue
            for match in PRINTED_RULE.finditer(node.value):
                if match.group(0) not in PRINTED_ALLOWED and not node.value.endswith("100%."):
                    found.append(f"{relative}:{node.lineno}: {node.value[:70]!r}")
    assert not found, "a rule printed from a literal text:\n" + "\n".join(found)


def test_no_rule_constant_or_date_in_the_code() -> None:
    found = []
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                name = getattr(target, "id", "")
                is_rule = RULE_NAME.search(name) and name not in NAMED_CHOICES
                if is_rule and _number(node.value) is not None:
                    found.append(f"{relative}:{node.lineno}: {name}")
            is_date = (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "date"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, int)
                and 2000 <= node.args[0].value <= 2100
            )
            if is_date:
                found.append(f"{relative}:{node.lineno}: a fixed date")  # type: ignore[attr-defined]
    assert not found, "a rule as a named constant or a fixed date:\n" + "\n".join(found)
