"""The parent class every shape in main.py inherits from."""


class Shape:
    """The parent of every shape: children set self.name and override area()."""

    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area()")

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
