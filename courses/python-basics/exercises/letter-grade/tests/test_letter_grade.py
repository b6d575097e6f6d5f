import pytest

from main import letter_grade


@pytest.mark.parametrize(
    "score, expected",
    [(100, "A"), (90, "A"), (89, "B"), (80, "B"), (79, "C"), (70, "C"), (69, "D"), (60, "D"), (59, "F"), (0, "F")],
)
def test_boundaries(score, expected):
    result = letter_grade(score)
    assert result == expected, f"letter_grade({score}) should be {expected!r}, got {result!r}"


@pytest.mark.parametrize("score", [-1, 101, 250])
def test_out_of_range_is_invalid(score):
    result = letter_grade(score)
    assert result == "invalid", f"letter_grade({score}) is outside 0..100 and should be 'invalid', got {result!r}"
