from main import groups, passing_names, score_table

STUDENTS = [
    {"name": "ana", "score": 91, "group": "A"},
    {"name": "ben", "score": 48, "group": "B"},
    {"name": "cy", "score": 75, "group": "A"},
    {"name": "dee", "score": 50, "group": "C"},
]


def test_passing_names():
    result = passing_names(STUDENTS, 60)
    assert result == ["ana", "cy"], f"passing_names(STUDENTS, 60) should return ['ana', 'cy'], got {result!r}"


def test_pass_mark_is_inclusive():
    result = passing_names(STUDENTS, 50)
    assert result == ["ana", "cy", "dee"], f"passing_names(STUDENTS, 50) should return ['ana', 'cy', 'dee'] (a score equal to the mark passes), got {result!r}"


def test_score_table():
    result = score_table(STUDENTS)
    expected = {"ana": 91, "ben": 48, "cy": 75, "dee": 50}
    assert result == expected, f"score_table(STUDENTS) should return {expected!r}, got {result!r}"


def test_groups():
    result = groups(STUDENTS)
    assert result == {"A", "B", "C"}, f"groups(STUDENTS) should return the set {{'A', 'B', 'C'}}, got {result!r}"


def test_empty_class():
    assert passing_names([], 50) == [], f"passing_names([], 50) should return [], got {passing_names([], 50)!r}"
    assert score_table([]) == {}, f"score_table([]) should return {{}}, got {score_table([])!r}"
    assert groups([]) == set(), f"groups([]) should return set(), got {groups([])!r}"
