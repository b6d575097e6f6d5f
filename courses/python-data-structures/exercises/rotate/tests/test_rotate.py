from main import rotate


def test_rotate_by_one():
    result = rotate([1, 2, 3, 4], 1)
    assert result == [2, 3, 4, 1], f"rotate([1, 2, 3, 4], 1) should return [2, 3, 4, 1], got {result!r}"


def test_rotate_by_two():
    result = rotate(["a", "b", "c", "d"], 2)
    assert result == ["c", "d", "a", "b"], f"rotate(['a', 'b', 'c', 'd'], 2) should return ['c', 'd', 'a', 'b'], got {result!r}"


def test_rotate_by_more_than_length():
    result = rotate([1, 2, 3], 4)
    assert result == [2, 3, 1], f"rotate([1, 2, 3], 4) should return [2, 3, 1] (4 steps is one whole turn and 1), got {result!r}"


def test_empty_list():
    result = rotate([], 3)
    assert result == [], f"rotate([], 3) should return [], got {result!r}"


def test_input_unchanged():
    items = [1, 2, 3]
    result = rotate(items, 1)
    assert items == [1, 2, 3], f"rotate(items, 1) changed the caller's list to {items!r}; build a new list instead"
    assert result is not items, "rotate(items, 1) returned the caller's own list; return a new list"
