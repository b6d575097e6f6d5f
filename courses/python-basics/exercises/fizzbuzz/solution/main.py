def fizzbuzz_word(number):
    """Return "Fizz", "Buzz", "FizzBuzz" or the number as a string."""
    if number % 15 == 0:
        return "FizzBuzz"
    elif number % 3 == 0:
        return "Fizz"
    elif number % 5 == 0:
        return "Buzz"
    return str(number)


def fizzbuzz(n):
    """Return the list of FizzBuzz words for 1..n."""
    words = []
    for number in range(1, n + 1):
        words.append(fizzbuzz_word(number))
    return words


if __name__ == "__main__":
    print(fizzbuzz(15))
