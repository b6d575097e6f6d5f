from main import tally, winner

VOTES = ["Robo", "Beep", " robo", "Zed", "BEEP", "robo "]


def test_tally_counts_ignoring_case_and_spaces():
    result = tally(VOTES)
    expected = {"robo": 3, "beep": 2, "zed": 1}
    assert result == expected, f"tally({VOTES}) should be {expected}, got {result!r}"


def test_tally_of_no_votes_is_empty():
    assert tally([]) == {}, f"tally([]) should be {{}}, got {tally([])!r}"


def test_winner_has_most_votes():
    assert winner(VOTES) == "robo", f"winner({VOTES}) should be 'robo', got {winner(VOTES)!r}"


def test_winner_not_simply_first_vote():
    votes = ["zed", "ana", "ana"]
    assert winner(votes) == "ana", f"winner({votes}) should be 'ana' (2 votes), got {winner(votes)!r}"


def test_tie_goes_to_alphabetically_first():
    votes = ["b", "a", "B", "A", "c"]
    assert winner(votes) == "a", f"winner({votes}) is a tie between 'a' and 'b' and should be 'a', got {winner(votes)!r}"


def test_no_votes_no_winner():
    assert winner([]) is None, f"winner([]) should be None, got {winner([])!r}"
