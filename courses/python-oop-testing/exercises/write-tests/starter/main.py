def discount_price(price, percent):
    """The price after taking percent off, rounded to cents.

    Raises ValueError when price is negative or percent is not between 0 and 100.
    """
    if price < 0:
        raise ValueError(f"price cannot be negative, got {price}")
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, got {percent}")
    return round(price * (100 - percent) / 100, 2)


if __name__ == "__main__":
    print(discount_price(19.99, 15), discount_price(80, 25), discount_price(5, 100))
