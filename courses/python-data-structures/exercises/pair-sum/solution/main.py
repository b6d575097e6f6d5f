def has_pair_with_sum(numbers, target):
    """Return True when two numbers at different positions add up to target."""
    seen = set()
    for n in numbers:
        if target - n in seen:
            return True
        seen.add(n)
    return False


def first_repeat(items):
    """Return the first item seen for the second time (left to right), or None."""
    seen = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None


if __name__ == "__main__":
    print(has_pair_with_sum([4, 9, 1, 7], 8), first_repeat(["a", "b", "c", "b", "a"]))
