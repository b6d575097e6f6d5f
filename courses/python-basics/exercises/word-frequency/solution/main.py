import string

# Apostrophes stay inside words such as "don't"; every other punctuation mark separates words.
SEPARATORS = string.punctuation.replace("'", "")


def count_words(text):
    """Return a dict from each lower-case word in text to how often it appears."""
    cleaned = text.lower()
    for mark in SEPARATORS:
        cleaned = cleaned.replace(mark, " ")
    counts = {}
    for word in cleaned.split():
        word = word.strip("'")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def top_words(counts, n):
    """Return the n most frequent (word, count) pairs, most frequent first, ties alphabetical."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def write_report(source, target, n=10):
    """Write the top n words of the file source to target as "word: count" lines.

    Return the number of distinct words in source.
    """
    with open(source, encoding="utf-8") as file:
        counts = count_words(file.read())
    with open(target, "w", encoding="utf-8") as file:
        for word, count in top_words(counts, n):
            file.write(f"{word}: {count}\n")
    return len(counts)


if __name__ == "__main__":
    distinct = write_report("sample.txt", "report.txt", 5)
    print(f"{distinct} distinct words; top 5:")
    with open("report.txt", encoding="utf-8") as report:
        print(report.read(), end="")
