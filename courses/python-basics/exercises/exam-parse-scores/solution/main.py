def parse_scores(lines):
    """Map each "name,score" line to {name: int(score)}; raise ValueError naming a bad line's number."""
    scores = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.split(",")
        if len(parts) != 2 or not parts[0].strip():
            raise ValueError(f"line {number}: expected name,score")
        try:
            scores[parts[0].strip()] = int(parts[1])
        except ValueError:
            raise ValueError(f"line {number}: score is not a whole number") from None
    return scores
