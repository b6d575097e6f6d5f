from dataclasses import dataclass

from discount import Discount
from pretend_gateway import PretendGateway


class ShopError(Exception):
    """Anything the shop refuses to do."""


class OutOfStockError(ShopError):
    pass


class PaymentError(ShopError):
    pass


@dataclass(frozen=True)
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
        _, already = self.lines.get(product.sku, (product, 0))
        available = self.stock.get(product.sku, 0)
        if already + quantity > available:
            raise OutOfStockError(f"only {available} of {product.name} in stock, cannot add {quantity} more to {already}")
        self.lines[product.sku] = (product, already + quantity)

    def quantity(self, sku):
        return self.lines.get(sku, (None, 0))[1]

    def __len__(self):
        return sum(quantity for _, quantity in self.lines.values())

    def subtotal(self):
        return round(sum(product.price * quantity for product, quantity in self.lines.values()), 2)

    def total(self, discounts=()):
        off = sum(discount.amount(self) for discount in discounts)
        return round(max(self.subtotal() - off, 0), 2)


class PercentOff(Discount):
    def __init__(self, percent):
        self.percent = percent

    def amount(self, cart):
        return round(cart.subtotal() * self.percent / 100, 2)


class FreeItem(Discount):
    """One unit of sku free for every `every` units in the cart."""

    def __init__(self, sku, every):
        self.sku = sku
        self.every = every

    def amount(self, cart):
        product, quantity = cart.lines.get(self.sku, (None, 0))
        return 0 if product is None else (quantity // self.every) * product.price


def checkout(cart, discounts, gateway):
    """Charge the cart's total through gateway.charge(amount); on success take the goods from stock."""
    total = cart.total(discounts)
    try:
        receipt = gateway.charge(total)
    except ConnectionError as error:
        raise PaymentError(f"payment of {total} failed: {error}") from error
    for sku, (_, quantity) in cart.lines.items():
        cart.stock[sku] -= quantity
    cart.lines.clear()
    return receipt


if __name__ == "__main__":
    stock = {"pen": 10, "pad": 2}
    cart = Cart(stock)
    cart.add(Product("pen", "Pen", 1.5), 3)
    cart.add(Product("pad", "Notepad", 4.0))
    print(checkout(cart, [FreeItem("pen", 3)], PretendGateway()), stock)
