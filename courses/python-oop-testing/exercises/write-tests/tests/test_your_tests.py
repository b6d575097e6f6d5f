"""Checks the learner's tests: they must pass on the real discount_price and fail on broken ones."""
import main
from learner_tests import LearnerTests

REAL = main.discount_price
CHECK = LearnerTests("test_discount", main, "discount_price")


def test_your_tests_pass_on_the_real_code():
    CHECK.must_pass(REAL)


def _checked(price, percent):
    if price < 0:
        raise ValueError("negative price")
    if not 0 <= percent <= 100:
        raise ValueError("percent out of range")
    return None


def ignores_discount(price, percent):
    _checked(price, percent)
    return price


def test_catches_ignored_discount():
    CHECK.must_catch(ignores_discount, "ignores the percent and returns the full price (try discount_price(80, 25))")


def takes_percent_as_amount(price, percent):
    _checked(price, percent)
    return round(price - percent, 2)


def test_catches_percent_taken_as_amount():
    CHECK.must_catch(takes_percent_as_amount, "subtracts the percent as money, price - percent (a price of 100 hides this bug: try another price)")


def forgets_to_round(price, percent):
    _checked(price, percent)
    return price * (100 - percent) / 100


def test_catches_missing_rounding():
    CHECK.must_catch(forgets_to_round, "does not round to cents (try discount_price(19.99, 15), which should be 16.99)")


def accepts_any_percent(price, percent):
    if price < 0:
        raise ValueError("negative price")
    return round(price * (100 - percent) / 100, 2)


def test_catches_percent_over_100_accepted():
    CHECK.must_catch(accepts_any_percent, "accepts a percent above 100 or below 0 instead of raising ValueError (use pytest.raises)")


def refuses_everything_off(price, percent):
    if price < 0 or not 0 <= percent < 100:
        raise ValueError("percent out of range")
    return round(price * (100 - percent) / 100, 2)


def test_catches_100_percent_refused():
    CHECK.must_catch(refuses_everything_off, "raises ValueError for exactly 100 percent, which is allowed (test the edge: discount_price(5, 100) is 0)")


def accepts_negative_price(price, percent):
    if not 0 <= percent <= 100:
        raise ValueError("percent out of range")
    return round(price * (100 - percent) / 100, 2)


def test_catches_negative_price_accepted():
    CHECK.must_catch(accepts_negative_price, "accepts a negative price instead of raising ValueError")
