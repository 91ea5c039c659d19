"""People's names: display forms, sorting by achternaam without tussenvoegsel, and search
that ignores case and diacritics ("sukru yilmaz" finds "Şükrü Yılmaz")."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata

# Letters that NFKD does not split into base letter + mark.
_FOLD_EXTRA = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }
)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: the form in which names are compared and searched."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_FOLD_EXTRA)


def person_forms(
    voornamen: str, tussenvoegsel: str | None, achternaam: str
) -> tuple[str, str, tuple[str, str, str]]:
    """Display name, listing name and sort key at once (lists build these for every row).

    'van der Berg' sorts under B; ties by first names, then tussenvoegsel."""
    first, middle, last = voornamen.strip(), (tussenvoegsel or "").strip(), achternaam.strip()
    rest = f"{first} {middle}" if first and middle else first or middle
    return (
        f"{rest} {last}" if rest else last,
        f"{last}, {rest}" if rest else last,
        (fold(last), fold(first), fold(middle)),
    )


def display_name(voornamen: str, tussenvoegsel: str | None, achternaam: str) -> str:
    """'Jan van der Berg', 'Şükrü Yılmaz'."""
    return person_forms(voornamen, tussenvoegsel, achternaam)[0]


def listing_name(voornamen: str, tussenvoegsel: str | None, achternaam: str) -> str:
    """'Berg, Jan van der': how lists show a person, in sort order."""
    return person_forms(voornamen, tussenvoegsel, achternaam)[1]


def sort_key(voornamen: str, tussenvoegsel: str | None, achternaam: str) -> tuple[str, str, str]:
    return person_forms(voornamen, tussenvoegsel, achternaam)[2]


def search_text(*fields: str | None) -> str:
    """The folded haystack for a person, built once per row."""
    return " ".join(fold(f) for f in fields if f)


def search_words(query: str) -> list[str]:
    """The folded words of what was typed; a hyphen separates words ("yilmaz-gas"), and so
    does the punctuation of a name as lists show it ("Amrani, Nordin", "A. Klant")."""
    return fold(query).translate(_SEPARATORS).split()


_SEPARATORS = str.maketrans({mark: " " for mark in "-,;.()"})


def matches(query: str, haystack_folded: str) -> bool:
    """Every word of the query occurs in the folded haystack, in any order."""
    return all(word in haystack_folded for word in search_words(query))


def document_file_name(title: str, client_name: str, on: dt.date, suffix: str) -> str:
    """'Plan van aanpak - Şükrü Yılmaz - 2026-12-08.pdf': the name a caseworker recognises
    in a folder, without characters a file system refuses ('/', ':', quotes, ...)."""
    safe = "".join(ch if ch.isalnum() or ch in " -'." else " " for ch in client_name)
    name = " ".join(safe.split()) or "klant"
    return f"{title} - {name} - {on.isoformat()}{suffix}"
