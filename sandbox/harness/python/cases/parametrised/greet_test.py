import pytest
from greet import greet


@pytest.mark.parametrize("name, expected", [("Ada", "Hello, Ada!"), ("Alan", "Hi, Alan!")])
def test_greet(name, expected):
    assert greet(name) == expected
