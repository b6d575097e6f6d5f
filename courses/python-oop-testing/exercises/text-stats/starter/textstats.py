"""Small functions about text."""


def word_count(text):
    """How many words text has."""
    return len(text.split())


def longest_word(text):
    """The longest word of text (the first on a tie), or "" when there are none."""
    return ""


print("demo:", word_count("one two three"), longest_word("one two three"))
