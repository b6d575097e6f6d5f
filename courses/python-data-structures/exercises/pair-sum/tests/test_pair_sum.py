from counting_list import CountingList
from main import first_repeat, has_pair_with_sum


def test_pair_found():
    result = has_pair_with_sum([4, 9, 1, 7], 8)
    assert result is True, f"has_pair_with_sum([4, 9, 1, 7], 8) should return True (1 + 7), got {result!r}"


def test_pair_needs_two_positions():
    result = has_pair_with_sum([4, 9], 8)
    assert result is False, f"has_pair_with_sum([4, 9], 8) should return False (4 + 4 would use one number twice), got {result!r}"
    result = has_pair_with_sum([4, 4], 8)
    assert result is True, f"has_pair_with_sum([4, 4], 8) should return True (two different 4s), got {result!r}"


def test_pair_reads_each_item_about_once():
    numbers = CountingList(range(0, 1200, 2))
    result = has_pair_with_sum(numbers, 1)
    assert result is False, f"has_pair_with_sum(the even numbers 0..1198, 1) should return False, got {result!r}"
    assert numbers.reads <= 3 * len(numbers), f"has_pair_with_sum read {numbers.reads} items of a 600-item list; one pass with a set reads 600"


def test_first_repeat():
    result = first_repeat(["a", "b", "c", "b", "a"])
    assert result == "b", f"first_repeat(['a', 'b', 'c', 'b', 'a']) should return 'b', got {result!r}"


def test_no_repeat():
    result = first_repeat([1, 2, 3])
    assert result is None, f"first_repeat([1, 2, 3]) should return None, got {result!r}"


def test_repeat_reads_each_item_about_once():
    items = CountingList(list(range(600)) + [0])
    result = first_repeat(items)
    assert result == 0, f"first_repeat([0, 1, ..., 599, 0]) should return 0, got {result!r}"
    assert items.reads <= 3 * len(items), f"first_repeat read {items.reads} items of a 601-item list; one pass with a set reads 601"
