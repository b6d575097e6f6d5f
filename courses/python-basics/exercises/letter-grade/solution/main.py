def letter_grade(score):
    """Return "A", "B", "C", "D", "F", or "invalid" for a score outside 0..100."""
    if score < 0 or score > 100:
        return "invalid"
    elif score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


if __name__ == "__main__":
    for score in [95, 85, 75, 65, 10, 120]:
        print(score, letter_grade(score))
