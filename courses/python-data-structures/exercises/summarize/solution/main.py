def min_max_mean(numbers):
    """Return (smallest, largest, mean rounded to 2 places), or None for an empty list."""
    if not numbers:
        return None
    return min(numbers), max(numbers), round(sum(numbers) / len(numbers), 2)


def split_pairs(pairs):
    """Return (names, scores): two lists built from (name, score) pairs."""
    names = []
    scores = []
    for name, score in pairs:
        names.append(name)
        scores.append(score)
    return names, scores


if __name__ == "__main__":
    print(min_max_mean([4, 9, 1, 6]))
    print(split_pairs([("ana", 91), ("ben", 78)]))
