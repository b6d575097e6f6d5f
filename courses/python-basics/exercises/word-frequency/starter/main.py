import string


def count_words(text):
    """Return a dict from each lower-case word in text to how often it appears."""
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(counts, n):
    """Return the n most frequent (word, count) pairs, most frequent first, ties alphabetical."""
    return list(counts.items())[:n]


def write_report(source, target, n=10):
    """Write the top n words of the file source to target as "word: count" lines.

    Return the number of distinct words in source.
    """
    raise NotImplementedError("write_report is not written yet")


if __name__ == "__main__":
    # Try your functions on the sample text; string.punctuation lists the marks to split on.
    print(string.punctuation)
    with open("sample.txt", encoding="utf-8") as sample:
        print(top_words(count_words(sample.read()), 5))
