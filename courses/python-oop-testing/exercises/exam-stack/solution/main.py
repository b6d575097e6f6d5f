class Stack:
    """Last in, first out."""

    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        self._require_items("pop")
        return self.items.pop()

    def peek(self):
        self._require_items("peek")
        return self.items[-1]

    def __len__(self):
        return len(self.items)

    def _require_items(self, action):
        if not self.items:
            raise IndexError(f"cannot {action}: the stack is empty")


if __name__ == "__main__":
    stack = Stack()
    stack.push(1)
    print(stack.pop())
