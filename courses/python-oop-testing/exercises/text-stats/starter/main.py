def word_count(text):
    return len(text.split())


def report(text):
    """A one-line summary such as "5 words, longest: quickly"."""
    return f"{word_count(text)} words"


if __name__ == "__main__":
    print(report("we ran home very quickly"))
