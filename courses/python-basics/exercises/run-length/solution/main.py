def encode(text):
    """Compress runs of repeated characters: "AAAB" -> "3AB"."""
    result = ""
    index = 0
    while index < len(text):
        char = text[index]
        count = 1
        while index + count < len(text) and text[index + count] == char:
            count += 1
        result += (str(count) if count > 1 else "") + char
        index += count
    return result


def decode(data):
    """Expand run-length encoded data: "3AB" -> "AAAB"."""
    result = ""
    digits = ""
    for char in data:
        if char.isdigit():
            digits += char
        else:
            result += char * int(digits or "1")
            digits = ""
    return result


if __name__ == "__main__":
    packed = encode("WWWWWWWWWWWWBWWW")
    print(packed, decode(packed))
