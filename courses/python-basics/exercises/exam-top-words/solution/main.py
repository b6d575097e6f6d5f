def top_words(text, n):
    """The n most frequent words of text (lower-cased), most frequent first, ties alphabetical."""
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda word: (-counts[word], word))[:n]
