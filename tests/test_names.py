import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.domain.names import display_name, fold, listing_name, matches, search_text, sort_key

NAMES = [
    ("Şükrü", None, "Yılmaz"),
    ("Małgorzata", None, "Gąsiorowska"),
    ("Jan", "van der", "Berg"),
    ("Ahmad", None, "Al-Hassan"),
    ("Zoë", "de", "Vries"),
    ("Øystein", None, "Łukaszewski"),
]


def test_display_and_listing_names() -> None:
    assert display_name("Jan", "van der", "Berg") == "Jan van der Berg"
    assert listing_name("Jan", "van der", "Berg") == "Berg, Jan van der"
    assert display_name("Şükrü", None, "Yılmaz") == "Şükrü Yılmaz"


def test_sorting_ignores_the_tussenvoegsel() -> None:
    people = [("Piet", "van der", "Berg"), ("Anna", None, "Aalders"), ("Kees", "de", "Bakker")]
    ordered = sorted(people, key=lambda p: sort_key(*p))
    assert [p[2] for p in ordered] == ["Aalders", "Bakker", "Berg"]


def test_search_ignores_case_and_diacritics() -> None:
    haystack = search_text("Şükrü", None, "Yılmaz")
    assert matches("sukru yilmaz", haystack)
    assert matches("YILMAZ", haystack)
    assert matches("Şükrü", haystack)
    assert matches("yılmaz şük", haystack)
    assert not matches("yilmaz ahmet", haystack)
    assert matches("gasiorowska", search_text("Małgorzata", None, "Gąsiorowska"))
    assert matches("malgorzata", search_text("Małgorzata", None, "Gąsiorowska"))
    assert matches("oystein lukaszewski", search_text("Øystein", None, "Łukaszewski"))


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@given(st.sampled_from(NAMES), st.data())
def test_found_whatever_diacritics_are_typed(person, data) -> None:  # type: ignore[no-untyped-def]
    haystack = search_text(*person)
    full = display_name(*person)
    # Per character, type it as written, without its marks, or in other case.
    typed = "".join(
        data.draw(st.sampled_from([ch, _strip_marks(ch), ch.upper(), ch.lower()])) for ch in full
    )
    assert matches(typed, haystack)
    assert matches(fold(full), haystack)


def test_a_name_typed_as_the_list_shows_it_is_found() -> None:
    """The caseload lists 'Amrani, Nordin'; typing that (comma and all) finds the client."""
    from app.domain.names import search_words

    haystack = search_text("Nordin", None, "Amrani", "123456782", "7551AB")
    assert search_words("Amrani, Nordin") == ["amrani", "nordin"]
    assert matches(listing_name("Nordin", None, "Amrani"), haystack)
    assert matches("N. Amrani", haystack) and matches("(amrani)", haystack)
    assert not matches("Amrani, Anouk", haystack)
