def ranked(players):
    """Return (name, score) pairs sorted by score, highest first; ties by name, ignoring case."""
    return sorted(players, key=lambda player: (-player[1], player[0].lower()))


def with_ranks(players):
    """Return (rank, name, score) triples in ranked order; equal scores share a rank."""
    table = []
    rank = 0
    previous = None
    for position, (name, score) in enumerate(ranked(players), start=1):
        if score != previous:
            rank = position
            previous = score
        table.append((rank, name, score))
    return table


if __name__ == "__main__":
    players = [("cy", 70), ("Ana", 90), ("ben", 70), ("dee", 50)]
    print(ranked(players))
    print(with_ranks(players))
