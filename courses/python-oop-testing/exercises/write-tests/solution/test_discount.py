import pytest

from main import discount_price


# No discount, a quarter off, rounding to cents, and everything off: each catches a different bug.
@pytest.mark.parametrize("price, percent, expected", [(50, 0, 50), (80, 25, 60), (19.99, 15, 16.99), (5, 100, 0)])
def test_discount_price(price, percent, expected):
    result = discount_price(price, percent)
    assert result == expected, f"discount_price({price}, {percent}) should be {expected}, got {result}"


@pytest.mark.parametrize("percent", [-1, 101])
def test_percent_out_of_range_raises(percent):
    with pytest.raises(ValueError):
        discount_price(10, percent)


def test_negative_price_raises():
    with pytest.raises(ValueError):
        discount_price(-1, 10)
