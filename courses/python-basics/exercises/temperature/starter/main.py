def celsius_to_fahrenheit(celsius):
    """Return the temperature in Fahrenheit, rounded to 1 decimal place."""
    pass


def parse_celsius(text):
    """Turn text such as " 21.5 " into the float 21.5."""
    pass


if __name__ == "__main__":
    print(celsius_to_fahrenheit(parse_celsius("21.5")))
