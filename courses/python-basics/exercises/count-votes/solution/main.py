def tally(votes):
    """Return a dict from each (lower-cased, stripped) name to its number of votes."""
    counts = {}
    for vote in votes:
        name = vote.strip().lower()
        counts[name] = counts.get(name, 0) + 1
    return counts


def winner(votes):
    """Return the name with most votes (alphabetically first on a tie), or None if there are none."""
    counts = tally(votes)
    if not counts:
        return None
    best = max(counts.values())
    return min(name for name, count in counts.items() if count == best)


if __name__ == "__main__":
    votes = ["Robo", "Beep", " robo", "Zed", "BEEP", "robo "]
    print(tally(votes), winner(votes))
