from main import min_max_mean, split_pairs


def test_min_max_mean():
    result = min_max_mean([4, 9, 1, 6])
    assert result == (1, 9, 5.0), f"min_max_mean([4, 9, 1, 6]) should return (1, 9, 5.0), got {result!r}"


def test_mean_is_rounded():
    result = min_max_mean([1, 1, 2])
    assert result == (1, 2, 1.33), f"min_max_mean([1, 1, 2]) should return (1, 2, 1.33) with the mean rounded to 2 places, got {result!r}"


def test_empty_numbers_give_none():
    result = min_max_mean([])
    assert result is None, f"min_max_mean([]) should return None, got {result!r}"


def test_split_pairs():
    result = split_pairs([("ana", 91), ("ben", 78), ("cy", 85)])
    expected = (["ana", "ben", "cy"], [91, 78, 85])
    assert result == expected, f"split_pairs([('ana', 91), ('ben', 78), ('cy', 85)]) should return {expected!r}, got {result!r}"


def test_split_no_pairs():
    result = split_pairs([])
    assert result == ([], []), f"split_pairs([]) should return ([], []), got {result!r}"
