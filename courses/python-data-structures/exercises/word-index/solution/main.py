def build_index(lines):
    """Return a dict from each lower-case word to the sorted line numbers (from 1) it appears on."""
    index = {}
    for number, line in enumerate(lines, start=1):
        for word in line.lower().split():
            numbers = index.setdefault(word, [])
            if not numbers or numbers[-1] != number:
                numbers.append(number)
    return index


def lookup(index, word):
    """Return the line numbers of word (any case), or [] when it is not in the index."""
    return index.get(word.lower(), [])


if __name__ == "__main__":
    print(build_index(["The cat sat", "the dog", "a cat and a cat"]))
