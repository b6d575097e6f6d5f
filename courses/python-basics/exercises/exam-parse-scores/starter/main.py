def parse_scores(lines):
    """Map each "name,score" line to {name: int(score)}; raise ValueError naming a bad line's number."""
    return {}
