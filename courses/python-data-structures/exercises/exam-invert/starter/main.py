def invert(mapping):
    """Return a dict from each value of mapping to the sorted list of keys that have it."""
    return {value: key for key, value in mapping.items()}
