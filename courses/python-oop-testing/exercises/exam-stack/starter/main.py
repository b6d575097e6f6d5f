class Stack:
    """Last in, first out."""

    def push(self, item):
        pass

    def pop(self):
        pass

    def peek(self):
        pass


if __name__ == "__main__":
    stack = Stack()
    stack.push(1)
    print(stack.pop())
