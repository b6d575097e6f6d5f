from main import column_totals, flatten, transpose

GRID = [[1, 2, 3], [4, 5, 6]]


def test_transpose():
    result = transpose(GRID)
    assert result == [[1, 4], [2, 5], [3, 6]], f"transpose({GRID!r}) should return [[1, 4], [2, 5], [3, 6]], got {result!r}"


def test_transpose_single_row():
    result = transpose([[7, 8]])
    assert result == [[7], [8]], f"transpose([[7, 8]]) should return [[7], [8]], got {result!r}"


def test_flatten():
    result = flatten(GRID)
    assert result == [1, 2, 3, 4, 5, 6], f"flatten({GRID!r}) should return [1, 2, 3, 4, 5, 6], got {result!r}"


def test_column_totals():
    result = column_totals(GRID)
    assert result == [5, 7, 9], f"column_totals({GRID!r}) should return [5, 7, 9], got {result!r}"


def test_empty_grid():
    for function in (transpose, flatten, column_totals):
        result = function([])
        assert result == [], f"{function.__name__}([]) should return [], got {result!r}"
