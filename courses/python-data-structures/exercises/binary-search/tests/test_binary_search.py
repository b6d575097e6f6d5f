from counting_list import CountingList
from main import binary_search

ITEMS = [3, 8, 15, 21, 34, 42, 57]


def test_finds_middle_item():
    result = binary_search(ITEMS, 21)
    assert result == 3, f"binary_search({ITEMS!r}, 21) should return 3, got {result!r}"


def test_finds_first_and_last():
    first = binary_search(ITEMS, 3)
    last = binary_search(ITEMS, 57)
    assert first == 0, f"binary_search({ITEMS!r}, 3) should return 0, got {first!r}"
    assert last == 6, f"binary_search({ITEMS!r}, 57) should return 6, got {last!r}"


def test_missing_target():
    for target in (1, 9, 100):
        result = binary_search(ITEMS, target)
        assert result == -1, f"binary_search({ITEMS!r}, {target}) should return -1, got {result!r}"


def test_empty_list():
    result = binary_search([], 5)
    assert result == -1, f"binary_search([], 5) should return -1, got {result!r}"


def test_looks_at_few_items():
    items = CountingList(range(0, 2000, 2))
    result = binary_search(items, 1998)
    assert result == 999, f"binary_search(the even numbers 0..1998, 1998) should return 999, got {result!r}"
    assert items.reads <= 25, f"binary_search read {items.reads} of 1000 items to find 1998; a binary search needs about 10 (each look should halve the range)"
