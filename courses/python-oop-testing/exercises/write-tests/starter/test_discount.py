from main import discount_price

# Write your tests below. Each is a function whose name starts with test_,
# calls discount_price and checks the result with assert.


def test_no_discount_keeps_the_price():
    result = discount_price(50, 0)
    assert result == 50, f"discount_price(50, 0) should be 50, got {result}"
