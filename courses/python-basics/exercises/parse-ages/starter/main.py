def parse_age(text):
    """Return text as an int age (0..150); raise ValueError mentioning text otherwise."""
    return int(text)


def parse_all(texts):
    """Return (ages, rejected): the valid ages and the texts that were not valid ages."""
    ages = []
    rejected = []
    for text in texts:
        ages.append(parse_age(text))
    return ages, rejected


if __name__ == "__main__":
    print(parse_all(["42", "x", "7", "200"]))
