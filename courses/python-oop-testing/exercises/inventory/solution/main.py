from dataclasses import dataclass, field


@dataclass
class Item:
    """A product in stock: name, price and quantity (0 unless given)."""

    name: str
    price: float
    quantity: int = 0


@dataclass
class Inventory:
    """The items a shop holds."""

    items: list = field(default_factory=list)

    def add(self, item):
        self.items.append(item)

    def total_value(self):
        return sum(item.price * item.quantity for item in self.items)

    def low_stock(self, threshold):
        return sorted(item.name for item in self.items if item.quantity < threshold)


if __name__ == "__main__":
    stock = Inventory()
    stock.add(Item("pen", 1.5, 10))
    print(stock, stock.total_value())
