from main import top_words


def test_most_frequent_first():
    result = top_words("a b a c b a", 2)
    assert result == ["a", "b"], f"top_words('a b a c b a', 2) should be ['a', 'b'], got {result!r}"


def test_ties_alphabetical():
    result = top_words("pear fig apple", 3)
    assert result == ["apple", "fig", "pear"], f"ties should be alphabetical, got {result!r}"


def test_case_insensitive():
    result = top_words("The the THE cat", 1)
    assert result == ["the"], f"words should be lower-cased, got {result!r}"
