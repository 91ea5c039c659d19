"""Generated (never real) people: a BSN that passes the elfproef, a name, an address."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from app.demo import names, words


def generated_bsn(rng: random.Random) -> str:
    """A random number that passes the elfproef (RULES.md); not an issued BSN."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10 and any(digits):
            return "".join(map(str, digits)) + str(check)


def unique_bsn(rng: random.Random, used: set[str]) -> str:
    """A generated BSN not in `used`; it is added to `used`."""
    bsn = generated_bsn(rng)
    while bsn in used:
        bsn = generated_bsn(rng)
    used.add(bsn)
    return bsn


def weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def postcode_letters(rng: random.Random) -> str:
    """The two letters of a postcode (never SA, SD or SS)."""
    while True:
        pair = "".join(rng.choice("ABCDEFGHJKLMNPRTVWXZ") for _ in range(2))
        if pair not in {"SA", "SD", "SS"}:
            return pair


def postcode(rng: random.Random, municipality: str) -> str:
    low, high = words.POSTCODES[municipality]
    return f"{rng.randint(low, high)} {postcode_letters(rng)}"


@dataclass(frozen=True)
class Name:
    voornamen: str
    tussenvoegsel: str
    achternaam: str


def generated_name(rng: random.Random) -> Name:
    """First names and a surname of one background (now and then double-barrelled)."""
    background = weighted(rng, names.BACKGROUND_WEIGHTS)
    first = rng.choice(names.FIRST_NAMES[background])
    if rng.random() < 0.2:
        first += " " + rng.choice(names.FIRST_NAMES[background])
    tussen, last = rng.choice(names.SURNAMES[background])
    if rng.random() < 0.04:  # double-barrelled names
        last += "-" + rng.choice(names.SURNAMES[weighted(rng, names.BACKGROUND_WEIGHTS)])[1]
    return Name(first, tussen, last)
