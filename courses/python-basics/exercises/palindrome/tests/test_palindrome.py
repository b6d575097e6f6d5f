from main import is_palindrome, normalize


def test_normalize_keeps_letters_and_digits_lowercased():
    result = normalize("Was it a car? 42!")
    assert result == "wasitacar42", f'normalize("Was it a car? 42!") should be "wasitacar42", got {result!r}'


def test_simple_palindrome():
    assert is_palindrome("racecar") is True, 'is_palindrome("racecar") should be True'


def test_not_a_palindrome():
    assert is_palindrome("python") is False, 'is_palindrome("python") should be False'


def test_ignores_case_spaces_and_punctuation():
    text = "Was it a car or a cat I saw?"
    assert is_palindrome(text) is True, f"is_palindrome({text!r}) should be True once case, spaces and '?' are ignored"


def test_mixed_case_word():
    assert is_palindrome("Level") is True, 'is_palindrome("Level") should be True: capitals do not count'


def test_empty_text():
    assert is_palindrome("") is True, 'is_palindrome("") should be True'
