import pytest
from greet import greet


@pytest.mark.task(taskno=1)
def test_greets():
    assert greet("Ada") == "Hello, Ada!"


@pytest.mark.task(taskno=2)
def test_shouts():
    assert greet("Ada").upper() == "HELLO, ADA!"
