from main import celsius_to_fahrenheit, parse_celsius


def test_boiling_point():
    result = celsius_to_fahrenheit(100)
    assert result == 212.0, f"celsius_to_fahrenheit(100) should be 212.0, got {result!r}"


def test_minus_forty_is_the_same_in_both():
    result = celsius_to_fahrenheit(-40)
    assert result == -40.0, f"celsius_to_fahrenheit(-40) should be -40.0, got {result!r}"


def test_rounds_to_one_decimal():
    result = celsius_to_fahrenheit(21.5)
    assert result == 70.7, f"celsius_to_fahrenheit(21.5) should be 70.7 (rounded to 1 decimal), got {result!r}"


def test_parse_plain_number():
    result = parse_celsius("21.5")
    assert result == 21.5, f'parse_celsius("21.5") should be 21.5, got {result!r}'


def test_parse_ignores_spaces():
    result = parse_celsius("  -3 ")
    assert result == -3.0 and isinstance(result, float), f'parse_celsius("  -3 ") should be the float -3.0, got {result!r}'
