def invert(mapping):
    """Return a dict from each value of mapping to the sorted list of keys that have it."""
    inverted = {}
    for key, value in mapping.items():
        inverted.setdefault(value, []).append(key)
    return {value: sorted(keys) for value, keys in inverted.items()}
