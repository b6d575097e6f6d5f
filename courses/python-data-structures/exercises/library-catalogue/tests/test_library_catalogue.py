import pytest

from main import books_between, index_by_author, join_waitlist, next_borrower, parse_catalogue

BOOKS = [
    {"title": "Persuasion", "author": "Jane Austen", "year": 1817},
    {"title": "Dune", "author": "Frank Herbert", "year": 1965},
    {"title": "Emma", "author": "Jane Austen", "year": 1815},
    {"title": "Frankenstein", "author": "Mary Shelley", "year": 1818},
    {"title": "Children of Dune", "author": "Frank Herbert", "year": 1976},
    {"title": "Dune Messiah", "author": "Frank Herbert", "year": 1969},
    {"title": "Solaris", "author": "Stanislaw Lem", "year": 1961},
    {"title": "Ada", "author": "Vladimir Nabokov", "year": 1969},
]


def test_parse_lines():
    text = "Dune; Frank Herbert; 1965\nEmma;Jane Austen;1815"
    result = parse_catalogue(text)
    expected = [{"title": "Dune", "author": "Frank Herbert", "year": 1965}, {"title": "Emma", "author": "Jane Austen", "year": 1815}]
    assert result == expected, f"parse_catalogue({text!r}) should return {expected!r} (fields stripped, year an int), got {result!r}"


def test_parse_skips_blank_and_comment_lines():
    text = "# title;author;year\n\nEmma;Jane Austen;1815\n   \n"
    result = parse_catalogue(text)
    expected = [{"title": "Emma", "author": "Jane Austen", "year": 1815}]
    assert result == expected, f"parse_catalogue({text!r}) should return {expected!r}, got {result!r}"


def error_of(text):
    """The message of the ValueError parse_catalogue must raise for text."""
    with pytest.raises(ValueError) as caught:
        parse_catalogue(text)
    return str(caught.value)


def test_parse_reports_the_bad_line():
    text = "Dune;Frank Herbert;1965\n\nEmma;Jane Austen"
    message = error_of(text)
    assert "line 3" in message, f"parse_catalogue({text!r}) should raise a ValueError naming 'line 3', got {message!r}"


def test_parse_reports_a_bad_year():
    text = "Dune;Frank Herbert;nineteen sixty-five"
    message = error_of(text)
    assert "line 1" in message, f"parse_catalogue({text!r}) should raise a ValueError naming 'line 1', got {message!r}"


def test_index_by_author():
    result = index_by_author(BOOKS)
    assert result.get("Frank Herbert") == ["Children of Dune", "Dune", "Dune Messiah"], f"index_by_author(BOOKS)['Frank Herbert'] should be ['Children of Dune', 'Dune', 'Dune Messiah'] (sorted), got {result.get('Frank Herbert')!r}"
    assert result.get("Jane Austen") == ["Emma", "Persuasion"], f"index_by_author(BOOKS)['Jane Austen'] should be ['Emma', 'Persuasion'], got {result.get('Jane Austen')!r}"
    assert len(result) == 5, f"index_by_author(BOOKS) should have 5 authors, got {len(result)}: {sorted(result)!r}"


def test_books_between_sorted_by_year_then_title():
    result = books_between(BOOKS, 1818, 1969)
    expected = ["Frankenstein", "Solaris", "Dune", "Ada", "Dune Messiah"]
    assert result == expected, f"books_between(BOOKS, 1818, 1969) should return {expected!r} (both years included; 1969 ties by title), got {result!r}"


def test_waitlist_positions():
    waitlists = {}
    first = join_waitlist(waitlists, "Dune", "ana")
    second = join_waitlist(waitlists, "Dune", "ben")
    again = join_waitlist(waitlists, "Dune", "ana")
    other = join_waitlist(waitlists, "Emma", "cy")
    assert (first, second, again, other) == (1, 2, 1, 1), (
        "join_waitlist for Dune: ana, ben, ana again, then Emma: cy should return 1, 2, 1 (already waiting), 1; "
        f"got {first!r}, {second!r}, {again!r}, {other!r}"
    )


def test_next_borrower_in_arrival_order():
    waitlists = {}
    for name in ("ana", "ben"):
        join_waitlist(waitlists, "Dune", name)
    served = [next_borrower(waitlists, "Dune") for _ in range(3)]
    assert served == ["ana", "ben", None], f"after ana and ben join Dune's list, three calls of next_borrower should give ['ana', 'ben', None], got {served!r}"
    missing = next_borrower(waitlists, "Emma")
    assert missing is None, f"next_borrower(waitlists, 'Emma') with nobody waiting should return None, got {missing!r}"
