def top_words(text, n):
    """The n most frequent words of text (lower-cased), most frequent first, ties alphabetical."""
    return []
