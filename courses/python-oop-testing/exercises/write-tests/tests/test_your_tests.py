"""Checks the learner's tests: they must pass on the real discount_price and fail on broken ones."""
import importlib

import main

REAL = main.discount_price


def _checked(price, percent):
    if price < 0:
        raise ValueError("negative price")
    if not 0 <= percent <= 100:
        raise ValueError("percent out of range")
    return None


def ignores_discount(price, percent):
    _checked(price, percent)
    return price


def takes_percent_as_amount(price, percent):
    _checked(price, percent)
    return round(price - percent, 2)


def forgets_to_round(price, percent):
    _checked(price, percent)
    return price * (100 - percent) / 100


def accepts_any_percent(price, percent):
    if price < 0:
        raise ValueError("negative price")
    return round(price * (100 - percent) / 100, 2)


def refuses_everything_off(price, percent):
    if price < 0 or not 0 <= percent < 100:
        raise ValueError("percent out of range")
    return round(price * (100 - percent) / 100, 2)


def accepts_negative_price(price, percent):
    if not 0 <= percent <= 100:
        raise ValueError("percent out of range")
    return round(price * (100 - percent) / 100, 2)


def _cases(function):
    """The argument sets pytest would call a test with: one empty set, or one per parametrize row."""
    cases = [{}]
    for mark in getattr(function, "pytestmark", []):
        if mark.name != "parametrize":
            continue
        names = mark.args[0]
        names = [name.strip() for name in names.split(",")] if isinstance(names, str) else list(names)
        rows = [tuple(row) if len(names) > 1 else (row,) for row in mark.args[1]]
        cases = [{**case, **dict(zip(names, row))} for case in cases for row in rows]
    return cases


def _run_learner_tests(implementation):
    """Runs every test in test_discount.py against implementation; returns (names run, failures)."""
    learner = importlib.import_module("test_discount")
    tests = [(name, value) for name, value in vars(learner).items() if name.startswith("test") and callable(value)]
    failures = []
    saved = {module: getattr(module, "discount_price", None) for module in (main, learner)}
    try:
        main.discount_price = learner.discount_price = implementation
        for name, test in tests:
            for arguments in _cases(test):
                try:
                    test(**arguments)
                except TypeError as error:
                    if "required positional argument" in str(error) and not arguments:
                        failures.append(f"{name} needs arguments the checker cannot give (use plain values or parametrize, not fixtures): {error}")
                    else:
                        failures.append(f"{name}{arguments or ''}: TypeError: {error}")
                except KeyboardInterrupt:
                    raise
                except BaseException as error:  # noqa: B902 - pytest.raises fails with a BaseException subclass
                    failures.append(f"{name}{arguments or ''}: {type(error).__name__}: {error}")
    finally:
        for module, value in saved.items():
            if value is not None:
                module.discount_price = value
    return [name for name, _ in tests], failures


def _must_catch(broken, what):
    names, failures = _run_learner_tests(broken)
    assert failures, f"All your tests ({', '.join(names) or 'none'}) passed with a broken discount_price that {what}. Add a test that this bug would fail."


def test_your_tests_pass_on_the_real_code():
    names, failures = _run_learner_tests(REAL)
    assert names, "test_discount.py has no test functions: add functions whose names start with test_"
    assert not failures, "These tests fail on the correct discount_price, so the test itself is wrong: " + " | ".join(failures)


def test_catches_ignored_discount():
    _must_catch(ignores_discount, "ignores the percent and returns the full price (try discount_price(80, 25))")


def test_catches_percent_taken_as_amount():
    _must_catch(takes_percent_as_amount, "subtracts the percent as money, price - percent (a price of 100 hides this bug: try another price)")


def test_catches_missing_rounding():
    _must_catch(forgets_to_round, "does not round to cents (try discount_price(19.99, 15), which should be 16.99)")


def test_catches_percent_over_100_accepted():
    _must_catch(accepts_any_percent, "accepts a percent above 100 or below 0 instead of raising ValueError (use pytest.raises)")


def test_catches_100_percent_refused():
    _must_catch(refuses_everything_off, "raises ValueError for exactly 100 percent, which is allowed (test the edge: discount_price(5, 100) is 0)")


def test_catches_negative_price_accepted():
    _must_catch(accepts_negative_price, "accepts a negative price instead of raising ValueError")
