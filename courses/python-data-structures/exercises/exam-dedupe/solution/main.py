def dedupe(items):
    """Return items without repeats, keeping the first occurrence of each, in order."""
    seen = set()
    result = []
    for item in items:
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result
