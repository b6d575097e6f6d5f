import pytest

from main import DurationError, parse_duration


def test_error_is_a_value_error():
    assert issubclass(DurationError, ValueError), "DurationError should be a subclass of ValueError"


def test_hours_and_minutes():
    result = parse_duration("1h30m")
    assert result == 90, f"parse_duration('1h30m') should be 90, got {result!r}"


def test_only_one_unit():
    for text, expected in [("45m", 45), ("2h", 120), ("0m", 0)]:
        result = parse_duration(text)
        assert result == expected, f"parse_duration({text!r}) should be {expected}, got {result!r}"


@pytest.mark.parametrize("text", ["", "90", "h", "1h2", "1x", "30m1h", "1h1h"])
def test_bad_text_raises_duration_error(text):
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert repr(text) in str(caught.value), f"the DurationError for {text!r} should name the text, got {str(caught.value)!r}"
