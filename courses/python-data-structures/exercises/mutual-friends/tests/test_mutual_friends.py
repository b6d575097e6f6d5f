from friends import FRIENDS
from main import mutual_friends, suggest_friends


def test_mutual_friends():
    result = mutual_friends(FRIENDS, "ana", "ben")
    assert result == ["cy"], f"mutual_friends(FRIENDS, 'ana', 'ben') should return ['cy'], got {result!r}"


def test_mutual_friends_are_sorted():
    friends = {"x": ["c", "a", "b", "d"], "y": ["b", "c", "a"]}
    result = mutual_friends(friends, "x", "y")
    assert result == ["a", "b", "c"], f"mutual_friends({friends!r}, 'x', 'y') should return ['a', 'b', 'c'] (sorted), got {result!r}"


def test_unknown_person_has_no_mutual_friends():
    result = mutual_friends(FRIENDS, "ana", "zed")
    assert result == [], f"mutual_friends(FRIENDS, 'ana', 'zed') should return [] (zed is not in the dict), got {result!r}"


def test_suggestions():
    result = suggest_friends(FRIENDS, "ana")
    assert result == ["eve"], f"suggest_friends(FRIENDS, 'ana') should return ['eve'], got {result!r}"


def test_suggestions_leave_out_the_person():
    result = suggest_friends(FRIENDS, "dee")
    assert result == ["ben", "cy"], f"suggest_friends(FRIENDS, 'dee') should return ['ben', 'cy'] (not 'dee' themself), got {result!r}"
