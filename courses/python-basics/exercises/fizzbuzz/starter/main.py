def fizzbuzz_word(number):
    """Return "Fizz", "Buzz", "FizzBuzz" or the number as a string."""
    return str(number)


def fizzbuzz(n):
    """Return the list of FizzBuzz words for 1..n."""
    words = []
    return words


if __name__ == "__main__":
    print(fizzbuzz(15))
