def tally(votes):
    """Return a dict from each (lower-cased, stripped) name to its number of votes."""
    counts = {}
    return counts


def winner(votes):
    """Return the name with most votes (alphabetically first on a tie), or None if there are none."""
    return votes[0] if votes else None


if __name__ == "__main__":
    votes = ["Robo", "Beep", " robo", "Zed", "BEEP", "robo "]
    print(tally(votes), winner(votes))
