from textstats import longest_word, word_count


def report(text):
    """A one-line summary such as "5 words, longest: quickly"."""
    return f"{word_count(text)} words, longest: {longest_word(text)}"


if __name__ == "__main__":
    print(report("we ran home very quickly"))
