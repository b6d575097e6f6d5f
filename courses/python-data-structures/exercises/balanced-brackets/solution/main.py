PARTNERS = {")": "(", "]": "[", "}": "{"}


def is_balanced(text):
    """Return True when every (, [ and { in text is closed by its partner, in order."""
    stack = []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in PARTNERS:
            if not stack or stack.pop() != PARTNERS[char]:
                return False
    return not stack


if __name__ == "__main__":
    for sample in ["(a[0] + b) * {c}", "(]", "([)]", ")(", ""]:
        print(repr(sample), is_balanced(sample))
