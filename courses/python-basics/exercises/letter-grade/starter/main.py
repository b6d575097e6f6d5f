def letter_grade(score):
    """Return "A", "B", "C", "D", "F", or "invalid" for a score outside 0..100."""
    if score >= 50:
        return "A"
    return "F"


if __name__ == "__main__":
    for score in [95, 85, 75, 65, 10, 120]:
        print(score, letter_grade(score))
