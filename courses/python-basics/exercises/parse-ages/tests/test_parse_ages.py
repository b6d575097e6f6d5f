import pytest

from main import parse_age, parse_all


def test_valid_age_with_spaces():
    assert parse_age(" 42 ") == 42, f'parse_age(" 42 ") should be 42, got {parse_age(" 42 ")!r}'


def test_edges_are_valid():
    assert parse_age("0") == 0 and parse_age("150") == 150, "0 and 150 are both valid ages"


@pytest.mark.parametrize("text", ["forty", "", "4.5", "-1", "151"])
def test_invalid_raises_value_error_naming_the_text(text):
    with pytest.raises(ValueError) as caught:
        parse_age(text)
    assert text in str(caught.value), f"the ValueError for {text!r} should mention {text!r}, but the message was {str(caught.value)!r}"


def test_parse_all_separates_good_and_bad():
    result = parse_all(["42", "x", "7", "200"])
    assert result == ([42, 7], ["x", "200"]), f'parse_all(["42", "x", "7", "200"]) should be ([42, 7], ["x", "200"]), got {result!r}'


def test_parse_all_of_nothing():
    assert parse_all([]) == ([], []), f"parse_all([]) should be ([], []), got {parse_all([])!r}"
