from main import group_anagrams


def test_example():
    words = ["listen", "Silent", "enlist", "google", "evil", "vile", "listen"]
    expected = [["enlist", "listen", "Silent"], ["evil", "vile"], ["google"]]
    result = group_anagrams(words)
    assert result == expected, f"group_anagrams({words}) should be {expected}, got {result!r}"


def test_no_words():
    assert group_anagrams([]) == [], f"group_anagrams([]) should be [], got {group_anagrams([])!r}"


def test_groups_are_sorted_by_first_word():
    words = ["tac", "dog", "act", "god", "bat"]
    expected = [["act", "tac"], ["bat"], ["dog", "god"]]
    result = group_anagrams(words)
    assert result == expected, f"group_anagrams({words}) should be {expected}, got {result!r}"


def test_duplicates_appear_once():
    words = ["stop", "pots", "stop", "tops"]
    result = group_anagrams(words)
    assert result == [["pots", "stop", "tops"]], f"group_anagrams({words}) should list 'stop' once: [['pots', 'stop', 'tops']], got {result!r}"
