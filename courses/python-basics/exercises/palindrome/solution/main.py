def normalize(text):
    """Return only the letters and digits of text, in lower case."""
    cleaned = ""
    for ch in text.lower():
        if ch.isalnum():
            cleaned += ch
    return cleaned


def is_palindrome(text):
    """Return True if text reads the same backwards, ignoring case, spaces and punctuation."""
    cleaned = normalize(text)
    return cleaned == cleaned[::-1]


if __name__ == "__main__":
    print(is_palindrome("Was it a car or a cat I saw?"))
