import pytest

from main import is_balanced


def check(text, expected):
    result = is_balanced(text)
    assert result is expected, f"is_balanced({text!r}) should return {expected}, got {result!r}"


def test_empty_text_is_balanced():
    check("", True)


def test_simple_pairs():
    check("()", True)
    check("(())()", True)


def test_unclosed_opener():
    check("(()", False)


def test_closer_before_opener():
    check(")(", False)
    check("())", False)


def test_three_kinds_nested():
    check("{[()()]}", True)
    check("([)]", False)


def test_wrong_partner():
    check("(]", False)
    check("{)", False)


@pytest.mark.parametrize("text", ["print(items[0])", "d = {'k': [1, 2]}", "no brackets here"])
def test_other_characters_are_ignored(text):
    check(text, True)
