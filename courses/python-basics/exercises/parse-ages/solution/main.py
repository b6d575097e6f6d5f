def parse_age(text):
    """Return text as an int age (0..150); raise ValueError mentioning text otherwise."""
    try:
        age = int(text.strip())
    except ValueError:
        raise ValueError(f"not a valid age: {text!r}") from None
    if not 0 <= age <= 150:
        raise ValueError(f"not a valid age: {text!r}")
    return age


def parse_all(texts):
    """Return (ages, rejected): the valid ages and the texts that were not valid ages."""
    ages = []
    rejected = []
    for text in texts:
        try:
            ages.append(parse_age(text))
        except ValueError:
            rejected.append(text)
    return ages, rejected


if __name__ == "__main__":
    print(parse_all(["42", "x", "7", "200"]))
