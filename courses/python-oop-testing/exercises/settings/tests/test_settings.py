import pytest

from main import SettingsError, get_int, parse_settings


def parse(text):
    try:
        return parse_settings(text)
    except ValueError as error:
        raise AssertionError(f"parse_settings({text!r}) raised {type(error).__name__}: {error}; it should read that text")


def test_settings_error_is_a_value_error():
    assert issubclass(SettingsError, ValueError), f"SettingsError should be a subclass of ValueError; its parents are {[c.__name__ for c in SettingsError.__mro__[1:]]}"


def test_parse_key_value_lines():
    text = "host = example.org\nport=8080"
    result = parse(text)
    assert result == {"host": "example.org", "port": "8080"}, f"parse_settings({text!r}) should return {{'host': 'example.org', 'port': '8080'}} (spaces removed), got {result!r}"


def test_parse_skips_blank_and_comments():
    text = "# server settings\n\nhost = example.org\n   \n"
    result = parse(text)
    assert result == {"host": "example.org"}, f"parse_settings({text!r}) should return {{'host': 'example.org'}}, got {result!r}"


def test_parse_names_the_bad_line():
    text = "# settings\nhost = example.org\nport 8080"
    with pytest.raises(SettingsError) as caught:
        parse_settings(text)
    assert "line 3" in str(caught.value), f"parse_settings({text!r}) should raise SettingsError naming 'line 3', got {str(caught.value)!r}"


def test_get_int_reads_numbers():
    result = get_int({"port": "8080"}, "port", 80)
    assert result == 8080, f"get_int({{'port': '8080'}}, 'port', 80) should return the int 8080, got {result!r}"


def test_get_int_default_for_missing_key():
    try:
        result = get_int({"port": "8080"}, "workers", 4)
    except KeyError as error:
        raise AssertionError(f"get_int({{'port': '8080'}}, 'workers', 4) raised KeyError {error}; return the default 4 for a missing key")
    assert result == 4, f"get_int({{'port': '8080'}}, 'workers', 4) should return the default 4, got {result!r}"


def test_get_int_names_the_key_and_keeps_the_cause():
    with pytest.raises(SettingsError) as caught:
        get_int({"port": "eighty"}, "port", 80)
    assert "port" in str(caught.value), f"get_int({{'port': 'eighty'}}, 'port', 80) should raise SettingsError naming 'port', got {str(caught.value)!r}"
    cause = caught.value.__cause__
    assert isinstance(cause, ValueError), f"the SettingsError should keep the int() error as its cause (raise ... from error), got cause {cause!r}"
