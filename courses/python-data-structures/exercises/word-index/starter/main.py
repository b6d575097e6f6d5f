def build_index(lines):
    """Return a dict from each lower-case word to the sorted line numbers (from 1) it appears on."""
    index = {}
    return index


def lookup(index, word):
    """Return the line numbers of word (any case), or [] when it is not in the index."""
    return index[word]


if __name__ == "__main__":
    print(build_index(["The cat sat", "the dog", "a cat and a cat"]))
