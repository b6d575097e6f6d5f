def min_max_mean(numbers):
    """Return (smallest, largest, mean rounded to 2 places), or None for an empty list."""
    return None


def split_pairs(pairs):
    """Return (names, scores): two lists built from (name, score) pairs."""
    return [], []


if __name__ == "__main__":
    print(min_max_mean([4, 9, 1, 6]))
    print(split_pairs([("ana", 91), ("ben", 78)]))
