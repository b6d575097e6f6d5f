import math

from shape import Shape


class Rectangle(Shape):
    def __init__(self, width, height):
        super().__init__("rectangle")
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, radius):
        super().__init__("circle")
        self.radius = radius

    def area(self):
        return math.pi * self.radius**2


def total_area(shapes):
    """The sum of the areas of all the shapes."""
    return sum(shape.area() for shape in shapes)


def largest(shapes):
    """The shape with the biggest area, or None when there are none."""
    if not shapes:
        return None
    return max(shapes, key=lambda shape: shape.area())


if __name__ == "__main__":
    for shape in [Rectangle(2, 3), Square(2), Circle(1)]:
        print(shape.describe())
