from main import fizzbuzz, fizzbuzz_word


def test_plain_number_is_returned_as_text():
    assert fizzbuzz_word(7) == "7", f"fizzbuzz_word(7) should be the string \"7\", got {fizzbuzz_word(7)!r}"


def test_multiple_of_three():
    assert fizzbuzz_word(9) == "Fizz", f"fizzbuzz_word(9) should be \"Fizz\", got {fizzbuzz_word(9)!r}"


def test_multiple_of_five():
    assert fizzbuzz_word(10) == "Buzz", f"fizzbuzz_word(10) should be \"Buzz\", got {fizzbuzz_word(10)!r}"


def test_multiple_of_both():
    assert fizzbuzz_word(30) == "FizzBuzz", f"fizzbuzz_word(30) should be \"FizzBuzz\" (check 15 first), got {fizzbuzz_word(30)!r}"


def test_list_up_to_fifteen():
    expected = ["1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz", "11", "Fizz", "13", "14", "FizzBuzz"]
    result = fizzbuzz(15)
    assert result == expected, f"fizzbuzz(15) should be {expected}, got {result!r}"


def test_zero_gives_empty_list():
    assert fizzbuzz(0) == [], f"fizzbuzz(0) should be [], got {fizzbuzz(0)!r}"
