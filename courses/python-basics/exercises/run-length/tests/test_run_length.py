from main import decode, encode


def test_encode_runs():
    assert encode("AAABCCDDDD") == "3AB2C4D", f'encode("AAABCCDDDD") should be "3AB2C4D", got {encode("AAABCCDDDD")!r}'


def test_encode_multi_digit_count():
    result = encode("WWWWWWWWWWWWBWWW")
    assert result == "12WB3W", f'encode("WWWWWWWWWWWWBWWW") should be "12WB3W", got {result!r}'


def test_encode_empty_and_single():
    assert encode("") == "", f'encode("") should be "", got {encode("")!r}'
    assert encode("x") == "x", f'encode("x") should be "x" (no count for a run of one), got {encode("x")!r}'


def test_encode_spaces():
    assert encode("  hi") == "2 hi", f'encode("  hi") should be "2 hi", got {encode("  hi")!r}'


def test_decode_runs():
    assert decode("3AB2C4D") == "AAABCCDDDD", f'decode("3AB2C4D") should be "AAABCCDDDD", got {decode("3AB2C4D")!r}'


def test_decode_multi_digit_count():
    result = decode("12WB3W")
    assert result == "WWWWWWWWWWWWBWWW", f'decode("12WB3W") should be twelve W, B, three W, got {result!r}'


def test_round_trip():
    for text in ["", "a", "aabbbcccc", "zzz zzz  ", "The  rain"]:
        assert decode(encode(text)) == text, f"decode(encode({text!r})) should give back {text!r}, got {decode(encode(text))!r}"
