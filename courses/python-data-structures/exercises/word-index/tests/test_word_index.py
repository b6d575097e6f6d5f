from main import build_index, lookup


def test_one_line():
    result = build_index(["the cat"])
    assert result == {"the": [1], "cat": [1]}, f"build_index(['the cat']) should return {{'the': [1], 'cat': [1]}}, got {result!r}"


def test_line_numbers_start_at_one():
    result = build_index(["red", "blue", "red"])
    assert result == {"red": [1, 3], "blue": [2]}, f"build_index(['red', 'blue', 'red']) should return {{'red': [1, 3], 'blue': [2]}} (lines count from 1), got {result!r}"


def test_words_are_lowercased():
    result = build_index(["The end", "the END"])
    assert result == {"the": [1, 2], "end": [1, 2]}, f"build_index(['The end', 'the END']) should return {{'the': [1, 2], 'end': [1, 2]}}, got {result!r}"


def test_word_twice_on_a_line_counts_once():
    result = build_index(["a cat and a cat"])
    expected = {"a": [1], "cat": [1], "and": [1]}
    assert result == expected, f"build_index(['a cat and a cat']) should return {expected!r} (each line once per word), got {result!r}"


def test_empty_text():
    result = build_index([])
    assert result == {}, f"build_index([]) should return {{}}, got {result!r}"


def test_lookup_finds_word():
    index = {"cat": [1, 3], "dog": [2]}
    result = lookup(index, "Cat")
    assert result == [1, 3], f"lookup({index!r}, 'Cat') should return [1, 3] (words are stored in lower case), got {result!r}"


def test_lookup_missing_word():
    index = {"cat": [1, 3]}
    result = lookup(index, "bird")
    assert result == [], f"lookup({index!r}, 'bird') should return [], got {result!r}"
