from main import make_greeting


def test_greets_ada():
    result = make_greeting("Ada")
    assert result == "Hello, Ada!", f'make_greeting("Ada") should return "Hello, Ada!", got {result!r}'


def test_greets_any_name():
    result = make_greeting("Grace")
    assert result == "Hello, Grace!", f'make_greeting("Grace") should return "Hello, Grace!", got {result!r}'


def test_empty_name():
    result = make_greeting("")
    assert result == "Hello, !", f'make_greeting("") should return "Hello, !", got {result!r}'
