import dataclasses
from unittest.mock import Mock

import pytest

from main import Cart, FreeItem, OutOfStockError, PaymentError, PercentOff, Product, ShopError, checkout

PEN = Product("pen", "Pen", 1.5)
PAD = Product("pad", "Notepad", 4.0)


def full_cart():
    cart = Cart({"pen": 10, "pad": 2})
    cart.add(PEN, 3)
    cart.add(PAD)
    return cart


def test_product_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        PEN.price = 0.5
    assert len({Product("pen", "Pen", 1.5), Product("pen", "Pen", 1.5)}) == 1, "two equal products should be one item in a set (frozen dataclasses are hashable)"


def test_cart_subtotal_and_len():
    cart = full_cart()
    cart.add(PEN, 2)
    assert cart.quantity("pen") == 5, f"adding 3 pens and then 2 more should make 5 pens, got {cart.quantity('pen')!r}"
    assert len(cart) == 6, f"len(cart) with 5 pens and 1 notepad should be 6, got {len(cart)!r}"
    assert cart.subtotal() == 11.5, f"subtotal() for 5 pens at 1.5 and 1 notepad at 4.0 should be 11.5, got {cart.subtotal()!r}"


def test_out_of_stock():
    cart = full_cart()
    with pytest.raises(OutOfStockError) as caught:
        cart.add(PAD, 2)
    assert isinstance(caught.value, ShopError), "OutOfStockError should be a subclass of ShopError"
    assert cart.quantity("pad") == 1, f"a refused add(PAD, 2) should leave 1 notepad in the cart, got {cart.quantity('pad')!r}"
    with pytest.raises(OutOfStockError):
        cart.add(Product("ink", "Ink", 9.0))


def test_percent_off():
    result = full_cart().total([PercentOff(10)])
    assert result == 7.65, f"total([PercentOff(10)]) on a subtotal of 8.5 should be 7.65, got {result!r}"


def test_free_item():
    cart = full_cart()
    cart.add(PEN, 4)
    result = cart.total([FreeItem("pen", 3)])
    assert result == 11.5, f"7 pens at 1.5 with FreeItem('pen', 3) gives 2 free pens: 10.5 + 4.0 - 3.0 = 11.5, got {result!r}"
    assert full_cart().total([FreeItem("ink", 2)]) == 8.5, "FreeItem for a product not in the cart should take nothing off"


def test_discounts_combine_never_negative():
    result = full_cart().total([PercentOff(10), FreeItem("pen", 3)])
    assert result == 6.15, f"PercentOff(10) (0.85) and FreeItem('pen', 3) (1.5) on 8.5 should give 6.15, got {result!r}"
    result = full_cart().total([PercentOff(80), PercentOff(80)])
    assert result == 0, f"discounts worth more than the subtotal should give a total of 0, got {result!r}"


def test_checkout_charges_total_and_updates_stock():
    cart = full_cart()
    gateway = Mock()
    gateway.charge.return_value = "receipt-42"
    receipt = checkout(cart, [FreeItem("pen", 3)], gateway)
    gateway.charge.assert_called_once_with(7.0)
    assert receipt == "receipt-42", f"checkout should return what gateway.charge returned ('receipt-42'), got {receipt!r}"
    assert cart.stock == {"pen": 7, "pad": 1}, f"after buying 3 pens and 1 notepad the stock should be {{'pen': 7, 'pad': 1}}, got {cart.stock!r}"
    assert len(cart) == 0, f"the cart should be empty after checkout, len(cart) is {len(cart)!r}"


def test_failed_payment_raises_payment_error_and_keeps_stock():
    cart = full_cart()
    gateway = Mock()
    gateway.charge.side_effect = ConnectionError("bank offline")
    with pytest.raises(PaymentError) as caught:
        checkout(cart, [], gateway)
    assert isinstance(caught.value, ShopError), "PaymentError should be a subclass of ShopError"
    assert isinstance(caught.value.__cause__, ConnectionError), "raise the PaymentError from the ConnectionError, so the cause is kept"
    assert cart.stock == {"pen": 10, "pad": 2}, f"a failed payment should leave the stock unchanged, got {cart.stock!r}"
    assert len(cart) == 4, f"a failed payment should leave the cart as it was (4 items), len(cart) is {len(cart)!r}"
