import math

import pytest

from main import Circle, Rectangle, Shape, Square, largest, total_area


def area_of(shape, call):
    try:
        return shape.area()
    except NotImplementedError as error:
        raise AssertionError(f"{call}.area() raised NotImplementedError ({error}); override area() in that class")


def test_rectangle_area():
    result = area_of(Rectangle(2, 3), "Rectangle(2, 3)")
    assert result == 6, f"Rectangle(2, 3).area() should be 6, got {result!r}"


def test_square_is_a_rectangle():
    square = Square(4)
    assert isinstance(square, Rectangle), "Square(4) should be a Rectangle: write class Square(Rectangle)"
    result = area_of(square, "Square(4)")
    assert result == 16, f"Square(4).area() should be 16, got {result!r}"
    assert square.name == "square", f"Square(4).name should be 'square', got {square.name!r}"


def test_circle_area():
    result = area_of(Circle(2), "Circle(2)")
    assert result == pytest.approx(math.pi * 4), f"Circle(2).area() should be pi * 2 ** 2 = {math.pi * 4:.4f}, got {result!r}"
    assert isinstance(Circle(2), Shape), "Circle should be a Shape"


def test_describe_uses_each_area():
    try:
        result = [shape.describe() for shape in [Rectangle(2, 3), Square(2)]]
    except NotImplementedError as error:
        raise AssertionError(f"describe() called an area() that is not written yet: {error}")
    assert result == ["rectangle with area 6.00", "square with area 4.00"], f"describe() for Rectangle(2, 3) and Square(2) should give ['rectangle with area 6.00', 'square with area 4.00'], got {result!r}"


def test_total_area_of_mixed_shapes():
    shapes = [Rectangle(2, 3), Square(2), Circle(1)]
    result = total_area(shapes)
    assert result == pytest.approx(10 + math.pi), f"total_area([Rectangle(2, 3), Square(2), Circle(1)]) should be 6 + 4 + pi = {10 + math.pi:.4f}, got {result!r}"
    assert total_area([]) == 0, f"total_area([]) should be 0, got {total_area([])!r}"


def test_largest():
    big = Square(3)
    result = largest([Rectangle(2, 3), big, Circle(1)])
    assert result is big, f"largest([Rectangle(2, 3), Square(3), Circle(1)]) should return the Square(3) object (area 9), got {result!r}"
    assert largest([]) is None, f"largest([]) should return None, got {largest([])!r}"
