def transpose(grid):
    """Return the grid with rows turned into columns."""
    if not grid:
        return []
    return [[row[c] for row in grid] for c in range(len(grid[0]))]


def flatten(grid):
    """Return every value of the grid in one list, row by row."""
    return [value for row in grid for value in row]


def column_totals(grid):
    """Return the sum of each column."""
    return [sum(column) for column in transpose(grid)]


if __name__ == "__main__":
    print(transpose([[1, 2, 3], [4, 5, 6]]))
