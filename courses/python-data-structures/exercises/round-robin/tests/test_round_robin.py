import pytest

from main import finish_order


def test_one_job():
    result = finish_order([("solo", 5)], 2)
    assert result == [("solo", 5)], f"finish_order([('solo', 5)], 2) should return [('solo', 5)], got {result!r}"


def test_short_jobs_finish_in_arrival_order():
    result = finish_order([("a", 1), ("b", 2), ("c", 1)], 3)
    expected = [("a", 1), ("b", 3), ("c", 4)]
    assert result == expected, f"finish_order([('a', 1), ('b', 2), ('c', 1)], 3) should return {expected!r}, got {result!r}"


def test_long_job_goes_to_the_back():
    result = finish_order([("a", 3), ("b", 1), ("c", 2)], 2)
    expected = [("b", 3), ("c", 5), ("a", 6)]
    assert result == expected, f"finish_order([('a', 3), ('b', 1), ('c', 2)], 2) should return {expected!r} (a needs a second turn), got {result!r}"


def test_no_jobs():
    result = finish_order([], 2)
    assert result == [], f"finish_order([], 2) should return [], got {result!r}"


def test_slice_must_be_positive():
    with pytest.raises(ValueError):
        finish_order([("a", 1)], 0)
