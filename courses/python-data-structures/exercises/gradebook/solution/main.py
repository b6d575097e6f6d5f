STUDENTS = [
    {"name": "ana", "score": 91, "group": "A"},
    {"name": "ben", "score": 48, "group": "B"},
    {"name": "cy", "score": 75, "group": "A"},
]


def passing_names(students, pass_mark):
    """Return the names of students scoring at least pass_mark, in order."""
    return [s["name"] for s in students if s["score"] >= pass_mark]


def score_table(students):
    """Return a dict from each student's name to their score."""
    return {s["name"]: s["score"] for s in students}


def groups(students):
    """Return the set of group letters."""
    return {s["group"] for s in students}


if __name__ == "__main__":
    print(passing_names(STUDENTS, 50))
    print(score_table(STUDENTS))
    print(groups(STUDENTS))
