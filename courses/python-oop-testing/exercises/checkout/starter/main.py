from dataclasses import dataclass

from discount import Discount
from pretend_gateway import PretendGateway


class ShopError(Exception):
    """Anything the shop refuses to do."""


class OutOfStockError(Exception):
    pass


class PaymentError(Exception):
    pass


@dataclass
class Product:
    sku: str
    name: str
    price: float


class Cart:
    """Products and quantities, checked against the shop's stock {sku: quantity}."""

    def __init__(self, stock):
        self.stock = stock
        self.lines = {}  # sku -> (product, quantity)

    def add(self, product, quantity=1):
        self.lines[product.sku] = (product, quantity)

    def quantity(self, sku):
        return self.lines.get(sku, (None, 0))[1]

    def __len__(self):
        return 0

    def subtotal(self):
        return 0

    def total(self, discounts=()):
        return self.subtotal()


class PercentOff(Discount):
    def __init__(self, percent):
        self.percent = percent


class FreeItem(Discount):
    """One unit of sku free for every `every` units in the cart."""

    def __init__(self, sku, every):
        self.sku = sku
        self.every = every


def checkout(cart, discounts, gateway):
    """Charge the cart's total through gateway.charge(amount); on success take the goods from stock."""
    return gateway.charge(cart.total(discounts))


if __name__ == "__main__":
    stock = {"pen": 10, "pad": 2}
    cart = Cart(stock)
    cart.add(Product("pen", "Pen", 1.5), 3)
    cart.add(Product("pad", "Notepad", 4.0))
    print(checkout(cart, [FreeItem("pen", 3)], PretendGateway()), stock)
