from main import decode, encode


def check(function, argument, expected, described=None):
    """Asserts function(argument) == expected, saying what it should be (described, or expected itself)."""
    result = function(argument)
    assert result == expected, f"{function.__name__}({argument!r}) should be {described or repr(expected)}, got {result!r}"


def test_encode_runs():
    check(encode, "AAABCCDDDD", "3AB2C4D")


def test_encode_multi_digit_count():
    check(encode, "WWWWWWWWWWWWBWWW", "12WB3W")


def test_encode_empty_and_single():
    check(encode, "", "")
    check(encode, "x", "x", "'x' (no count for a run of one)")


def test_encode_spaces():
    check(encode, "  hi", "2 hi")


def test_decode_runs():
    check(decode, "3AB2C4D", "AAABCCDDDD")


def test_decode_multi_digit_count():
    check(decode, "12WB3W", "WWWWWWWWWWWWBWWW", "twelve W, B, three W")


def test_round_trip():
    for text in ["", "a", "aabbbcccc", "zzz zzz  ", "The  rain"]:
        assert decode(encode(text)) == text, f"decode(encode({text!r})) should give back {text!r}, got {decode(encode(text))!r}"
