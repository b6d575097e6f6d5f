def collatz_steps(n):
    """Return how many Collatz steps it takes to go from n down to 1.

    Raise ValueError if n is less than 1.
    """
    if n < 1:
        raise ValueError(f"n must be a positive whole number, got {n}")
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


if __name__ == "__main__":
    print(collatz_steps(27))
