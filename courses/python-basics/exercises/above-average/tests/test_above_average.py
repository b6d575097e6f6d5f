from main import above_average, average

RESULTS = [("ana", 72), ("ben", 95), ("cy", 60), ("dee", 88)]


def test_average():
    result = average(RESULTS)
    assert abs(result - 78.75) < 1e-9, f"average({RESULTS}) should be 78.75, got {result!r}"


def test_average_of_nothing():
    assert average([]) == 0.0, f"average([]) should be 0.0, got {average([])!r}"


def test_above_average_sorted_highest_first():
    result = above_average(RESULTS)
    assert result == ["ben", "dee"], f"above_average({RESULTS}) should be ['ben', 'dee'], got {result!r}"


def test_equal_to_average_is_not_above():
    results = [("a", 50), ("b", 50)]
    assert above_average(results) == [], f"above_average({results}) should be [] (nobody is strictly above 50), got {above_average(results)!r}"


def test_ties_keep_original_order():
    results = [("x", 90), ("y", 10), ("z", 90)]
    assert above_average(results) == ["x", "z"], f"above_average({results}) should be ['x', 'z'], got {above_average(results)!r}"
