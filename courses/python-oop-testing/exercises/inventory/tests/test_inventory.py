from main import Inventory, Item


def make(*args):
    try:
        return Item(*args)
    except TypeError as error:
        raise AssertionError(f"Item{args!r} should make an item, but raised TypeError: {error}; is Item a @dataclass with name, price and quantity?")


def test_item_fields():
    pen = make("pen", 1.5, 10)
    result = (getattr(pen, "name", None), getattr(pen, "price", None), getattr(pen, "quantity", None))
    assert result == ("pen", 1.5, 10), f"Item('pen', 1.5, 10) should have name, price, quantity = ('pen', 1.5, 10), got {result!r}"
    assert repr(pen) == "Item(name='pen', price=1.5, quantity=10)", f"repr(Item('pen', 1.5, 10)) should be \"Item(name='pen', price=1.5, quantity=10)\" (the dataclass writes it), got {repr(pen)!r}"


def test_item_default_quantity():
    ruler = make("ruler", 2.0)
    quantity = getattr(ruler, "quantity", None)
    assert quantity == 0, f"Item('ruler', 2.0).quantity should default to 0, got {quantity!r}"


def test_items_compare_by_value():
    same = make("pen", 1.5, 10) == make("pen", 1.5, 10)
    different = make("pen", 1.5, 10) == make("pen", 1.5, 9)
    assert (same, different) == (True, False), f"Item('pen', 1.5, 10) == Item('pen', 1.5, 10) should be True and == Item('pen', 1.5, 9) False, got {same!r}, {different!r}"


def test_inventories_do_not_share_items():
    first, second = Inventory(), Inventory()
    first_items, second_items = getattr(first, "items", None), getattr(second, "items", None)
    assert first_items == [], f"Inventory().items should start as [], got {first_items!r}"
    first.items.append("something")
    assert second.items == [], f"adding to one inventory's items changed another's to {second.items!r}; use field(default_factory=list)"


def test_add_and_total_value():
    stock = Inventory()
    stock.add(make("pen", 1.5, 10))
    stock.add(make("notebook", 4.0, 2))
    stock.add(make("ruler", 2.0))
    result = stock.total_value()
    assert result == 23.0, f"total_value() for pen 1.5 x 10, notebook 4.0 x 2 and ruler 2.0 x 0 should be 23.0, got {result!r}"
    assert Inventory().total_value() == 0, f"Inventory().total_value() should be 0, got {Inventory().total_value()!r}"


def test_low_stock_names_sorted():
    stock = Inventory()
    for item in [make("ruler", 2.0), make("pen", 1.5, 10), make("notebook", 4.0, 2), make("eraser", 0.5, 3)]:
        stock.add(item)
    result = stock.low_stock(3)
    assert result == ["notebook", "ruler"], f"low_stock(3) with ruler 0, pen 10, notebook 2, eraser 3 should be ['notebook', 'ruler'] (below 3, sorted), got {result!r}"
