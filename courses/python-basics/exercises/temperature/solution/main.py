def celsius_to_fahrenheit(celsius):
    """Return the temperature in Fahrenheit, rounded to 1 decimal place."""
    return round(celsius * 9 / 5 + 32, 1)


def parse_celsius(text):
    """Turn text such as " 21.5 " into the float 21.5."""
    return float(text.strip())


if __name__ == "__main__":
    print(celsius_to_fahrenheit(parse_celsius("21.5")))
