from dataclasses import dataclass, field


class Item:
    """A product in stock: name, price and quantity (0 unless given)."""


class Inventory:
    """The items a shop holds."""


if __name__ == "__main__":
    stock = Inventory()
    stock.add(Item("pen", 1.5, 10))
    print(stock, stock.total_value())
