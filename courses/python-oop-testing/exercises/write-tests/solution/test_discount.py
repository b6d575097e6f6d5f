import pytest

from main import discount_price


def test_no_discount_keeps_the_price():
    result = discount_price(50, 0)
    assert result == 50, f"discount_price(50, 0) should be 50, got {result}"


def test_quarter_off():
    result = discount_price(80, 25)
    assert result == 60, f"discount_price(80, 25) should be 60, got {result}"


def test_rounds_to_cents():
    result = discount_price(19.99, 15)
    assert result == 16.99, f"discount_price(19.99, 15) should be 16.99, got {result}"


def test_everything_off():
    result = discount_price(5, 100)
    assert result == 0, f"discount_price(5, 100) should be 0, got {result}"


@pytest.mark.parametrize("percent", [-1, 101])
def test_percent_out_of_range_raises(percent):
    with pytest.raises(ValueError):
        discount_price(10, percent)


def test_negative_price_raises():
    with pytest.raises(ValueError):
        discount_price(-1, 10)
