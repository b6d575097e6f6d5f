"""The parent class every discount rule in main.py inherits from."""


class Discount:
    """A rule that takes money off a cart; subclasses override amount()."""

    def amount(self, cart):
        return 0
