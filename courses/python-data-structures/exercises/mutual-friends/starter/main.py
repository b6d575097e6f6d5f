from friends import FRIENDS


def mutual_friends(friends, a, b):
    """Return the sorted list of people who are friends of both a and b."""
    return []


def suggest_friends(friends, person):
    """Return the sorted friends of person's friends who are not yet person's friends (nor person)."""
    return []


if __name__ == "__main__":
    print(mutual_friends(FRIENDS, "ana", "ben"))
    print(suggest_friends(FRIENDS, "dee"))
