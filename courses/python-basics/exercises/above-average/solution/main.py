def average(results):
    """Return the mean score of (name, score) pairs, or 0.0 for an empty list."""
    if not results:
        return 0.0
    scores = [score for _name, score in results]
    return sum(scores) / len(scores)


def above_average(results):
    """Return the names scoring strictly above average, highest score first."""
    mean = average(results)
    above = [pair for pair in results if pair[1] > mean]
    above = sorted(above, key=lambda pair: pair[1], reverse=True)
    return [name for name, _score in above]


if __name__ == "__main__":
    results = [("ana", 72), ("ben", 95), ("cy", 60), ("dee", 88)]
    print(average(results), above_average(results))
