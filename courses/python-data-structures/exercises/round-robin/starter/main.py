from collections import deque


def finish_order(jobs, time_slice):
    """Return (name, finish_time) for each job, in the order they finish under round robin."""
    queue = deque(jobs)
    finished = []
    return finished


if __name__ == "__main__":
    print(finish_order([("a", 3), ("b", 1), ("c", 2)], 2))
