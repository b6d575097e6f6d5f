def is_balanced(text):
    """Return True when every (, [ and { in text is closed by its partner, in order."""
    stack = []
    return True


if __name__ == "__main__":
    for sample in ["(a[0] + b) * {c}", "(]", "([)]", ")(", ""]:
        print(repr(sample), is_balanced(sample))
