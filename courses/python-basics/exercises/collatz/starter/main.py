def collatz_steps(n):
    """Return how many Collatz steps it takes to go from n down to 1.

    Raise ValueError if n is less than 1.
    """
    steps = 0
    # Your loop goes here.
    return steps


if __name__ == "__main__":
    print(collatz_steps(27))
