def encode(text):
    """Compress runs of repeated characters: "AAAB" -> "3AB"."""
    raise NotImplementedError("encode is not written yet")


def decode(data):
    """Expand run-length encoded data: "3AB" -> "AAAB"."""
    raise NotImplementedError("decode is not written yet")


if __name__ == "__main__":
    packed = encode("WWWWWWWWWWWWBWWW")
    print(packed, decode(packed))
