import os
import uuid

import pytest

from main import count_words, top_words, write_report


@pytest.fixture
def paths():
    """Fresh source and report file names in the current folder, removed after the test."""
    tag = uuid.uuid4().hex
    source, target = f"test-source-{tag}.txt", f"test-report-{tag}.txt"
    yield source, target
    for path in (source, target):
        if os.path.exists(path):
            os.remove(path)


def test_counts_ignore_case_and_punctuation():
    text = "It was the best of times, it was the worst of times."
    expected = {"it": 2, "was": 2, "the": 2, "best": 1, "of": 2, "times": 2, "worst": 1}
    result = count_words(text)
    assert result == expected, f"count_words({text!r}) should be {expected}, got {result!r}"


def test_apostrophes_stay_inside_words():
    result = count_words("Don't stop; don't.")
    assert result == {"don't": 2, "stop": 1}, f"count_words(\"Don't stop; don't.\") should be {{\"don't\": 2, 'stop': 1}}, got {result!r}"


def test_counts_of_empty_text():
    assert count_words("") == {}, f'count_words("") should be {{}}, got {count_words("")!r}'


def test_top_words_order_and_ties():
    result = top_words({"b": 2, "a": 2, "c": 5}, 2)
    assert result == [("c", 5), ("a", 2)], f'top_words({{"b": 2, "a": 2, "c": 5}}, 2) should be [("c", 5), ("a", 2)], got {result!r}'


def test_top_words_with_n_larger_than_vocabulary():
    result = top_words({"x": 1}, 5)
    assert result == [("x", 1)], f'top_words({{"x": 1}}, 5) should be [("x", 1)], got {result!r}'


def test_report_file_format(paths):
    source, target = paths
    with open(source, "w", encoding="utf-8") as file:
        file.write("the cat and the hat.\nThe end, and that's that!\n")
    distinct = write_report(source, target, n=3)
    with open(target, encoding="utf-8") as file:
        report = file.read()
    assert report == "the: 3\nand: 2\ncat: 1\n", f"the report should be 'the: 3', 'and: 2', 'cat: 1' on separate lines, got {report!r}"
    assert distinct == 7, f"write_report should return 7 distinct words (the, cat, and, hat, end, that's, that), got {distinct!r}"


def test_missing_source_raises(paths):
    source, target = paths
    with pytest.raises(FileNotFoundError):
        write_report(source, target)
    assert not os.path.exists(target), "write_report should not create a report when the source file is missing"
