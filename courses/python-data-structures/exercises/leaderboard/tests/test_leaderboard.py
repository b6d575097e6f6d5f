from main import ranked, with_ranks

PLAYERS = [("cy", 70), ("Ana", 90), ("ben", 70), ("dee", 50)]


def test_highest_score_first():
    result = ranked([("a", 1), ("b", 3), ("c", 2)])
    assert result == [("b", 3), ("c", 2), ("a", 1)], f"ranked([('a', 1), ('b', 3), ('c', 2)]) should return [('b', 3), ('c', 2), ('a', 1)], got {result!r}"


def test_ties_sorted_by_name_ignoring_case():
    result = ranked(PLAYERS)
    expected = [("Ana", 90), ("ben", 70), ("cy", 70), ("dee", 50)]
    assert result == expected, f"ranked({PLAYERS!r}) should return {expected!r}, got {result!r}"
    mixed = ranked([("bob", 5), ("Al", 5)])
    assert mixed == [("Al", 5), ("bob", 5)], f"ranked([('bob', 5), ('Al', 5)]) should return [('Al', 5), ('bob', 5)] (names compared ignoring case), got {mixed!r}"


def test_input_is_not_changed():
    players = list(PLAYERS)
    ranked(players)
    assert players == PLAYERS, f"ranked(players) changed the caller's list to {players!r}; use sorted(), not .sort()"


def test_ranks_without_ties():
    result = with_ranks([("a", 3), ("b", 2), ("c", 1)])
    expected = [(1, "a", 3), (2, "b", 2), (3, "c", 1)]
    assert result == expected, f"with_ranks([('a', 3), ('b', 2), ('c', 1)]) should return {expected!r}, got {result!r}"


def test_equal_scores_share_a_rank():
    result = with_ranks(PLAYERS)
    expected = [(1, "Ana", 90), (2, "ben", 70), (2, "cy", 70), (4, "dee", 50)]
    assert result == expected, f"with_ranks({PLAYERS!r}) should return {expected!r} (equal scores share a rank, the next rank skips), got {result!r}"
