import pytest

from main import collatz_steps


def test_one_needs_no_steps():
    assert collatz_steps(1) == 0, f"collatz_steps(1) should be 0 (already at 1), got {collatz_steps(1)!r}"


def test_power_of_two_only_halves():
    assert collatz_steps(16) == 4, f"collatz_steps(16) should be 4 (16, 8, 4, 2, 1), got {collatz_steps(16)!r}"


def test_odd_numbers_go_up():
    assert collatz_steps(6) == 8, f"collatz_steps(6) should be 8 (6, 3, 10, 5, 16, 8, 4, 2, 1), got {collatz_steps(6)!r}"


def test_long_sequence():
    assert collatz_steps(27) == 111, f"collatz_steps(27) should be 111, got {collatz_steps(27)!r}"


@pytest.mark.parametrize("n", [0, -3])
def test_rejects_non_positive(n):
    with pytest.raises(ValueError):
        collatz_steps(n)
        pytest.fail(f"collatz_steps({n}) should raise ValueError because {n} is not positive")
