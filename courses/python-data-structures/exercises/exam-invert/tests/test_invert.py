from main import invert


def test_unique_values():
    result = invert({"a": 1, "b": 2})
    assert result == {1: ["a"], 2: ["b"]}, f"invert({{'a': 1, 'b': 2}}) should return {{1: ['a'], 2: ['b']}}, got {result!r}"


def test_shared_values_collect_sorted_keys():
    grades = {"cy": "B", "ana": "A", "ben": "B"}
    result = invert(grades)
    assert result == {"B": ["ben", "cy"], "A": ["ana"]}, f"invert({grades!r}) should return {{'B': ['ben', 'cy'], 'A': ['ana']}}, got {result!r}"


def test_empty_mapping():
    result = invert({})
    assert result == {}, f"invert({{}}) should return {{}}, got {result!r}"
