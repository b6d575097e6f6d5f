def ranked(players):
    """Return (name, score) pairs sorted by score, highest first; ties by name, ignoring case."""
    return sorted(players)


def with_ranks(players):
    """Return (rank, name, score) triples in ranked order; equal scores share a rank."""
    return []


if __name__ == "__main__":
    players = [("cy", 70), ("Ana", 90), ("ben", 70), ("dee", 50)]
    print(ranked(players))
    print(with_ranks(players))
