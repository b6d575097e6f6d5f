def average(results):
    """Return the mean score of (name, score) pairs, or 0.0 for an empty list."""
    return 0.0


def above_average(results):
    """Return the names scoring strictly above average, highest score first."""
    return []


if __name__ == "__main__":
    results = [("ana", 72), ("ben", 95), ("cy", 60), ("dee", 88)]
    print(average(results), above_average(results))
