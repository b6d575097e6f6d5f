import pytest

from main import Stack


def test_push_then_pop_last_first():
    stack = Stack()
    for item in ["a", "b", "c"]:
        stack.push(item)
    popped = [stack.pop(), stack.pop()]
    assert popped == ["c", "b"], f"after push a, b, c two pops should give ['c', 'b'], got {popped!r}"


def test_peek_leaves_the_item():
    stack = Stack()
    stack.push(7)
    first, second = stack.peek(), stack.peek()
    assert (first, second) == (7, 7), f"peek() twice after push(7) should give 7 both times, got {first!r}, {second!r}"


def test_len():
    stack = Stack()
    try:
        sizes = [len(stack)]
        stack.push(1)
        stack.push(2)
        sizes.append(len(stack))
    except TypeError as error:
        raise AssertionError(f"len(Stack()) raised TypeError ({error}); define __len__")
    assert sizes == [0, 2], f"len() of an empty stack and after two pushes should be 0 then 2, got {sizes!r}"


def test_empty_stack_raises_index_error():
    with pytest.raises(IndexError):
        Stack().pop()
    with pytest.raises(IndexError):
        Stack().peek()
