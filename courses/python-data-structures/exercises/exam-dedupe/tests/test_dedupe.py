from main import dedupe


def test_keeps_first_occurrences_in_order():
    result = dedupe(["b", "a", "b", "c", "a"])
    assert result == ["b", "a", "c"], f"dedupe(['b', 'a', 'b', 'c', 'a']) should return ['b', 'a', 'c'], got {result!r}"


def test_nothing_to_remove():
    result = dedupe([3, 1, 2])
    assert result == [3, 1, 2], f"dedupe([3, 1, 2]) should return [3, 1, 2], got {result!r}"


def test_empty_list():
    result = dedupe([])
    assert result == [], f"dedupe([]) should return [], got {result!r}"
