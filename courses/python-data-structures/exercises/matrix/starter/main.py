def transpose(grid):
    """Return the grid with rows turned into columns."""
    return grid


def flatten(grid):
    """Return every value of the grid in one list, row by row."""
    return []


def column_totals(grid):
    """Return the sum of each column."""
    return []


if __name__ == "__main__":
    print(transpose([[1, 2, 3], [4, 5, 6]]))
