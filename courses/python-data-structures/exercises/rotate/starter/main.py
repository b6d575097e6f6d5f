def rotate(items, k):
    """Return a new list: items moved k places to the left, wrapping around."""
    return items


if __name__ == "__main__":
    print(rotate([1, 2, 3, 4], 1))
