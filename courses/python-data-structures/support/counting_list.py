"""Shared by this course's tests (a course's support/ folder, courses/FORMAT.md): a list that
counts how many of its items a function reads, to tell one pass or a halving search from a scan
of every item for every item."""


class CountingList(list):
    """A list that counts how many of its items are read, however they are read (a slice reads the items it copies)."""

    def __init__(self, items):
        super().__init__(items)
        self.reads = 0

    def __getitem__(self, index):
        result = super().__getitem__(index)
        self.reads += len(result) if isinstance(index, slice) else 1
        return result

    def __iter__(self):
        self.reads += len(self)
        return super().__iter__()

    def __contains__(self, item):
        self.reads += len(self)
        return super().__contains__(item)

    def index(self, *args):
        self.reads += len(self)
        return super().index(*args)

    def count(self, item):
        self.reads += len(self)
        return super().count(item)
