def has_pair_with_sum(numbers, target):
    """Return True when two numbers at different positions add up to target."""
    for i in range(len(numbers)):
        for j in range(i + 1, len(numbers)):
            if numbers[i] + numbers[j] == target:
                return True
    return False


def first_repeat(items):
    """Return the first item seen for the second time (left to right), or None."""
    for j in range(len(items)):
        for i in range(j):
            if items[i] == items[j]:
                return items[j]
    return None


if __name__ == "__main__":
    print(has_pair_with_sum([4, 9, 1, 7], 8), first_repeat(["a", "b", "c", "b", "a"]))
