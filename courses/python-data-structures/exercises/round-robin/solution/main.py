from collections import deque


def finish_order(jobs, time_slice):
    """Return (name, finish_time) for each job, in the order they finish under round robin."""
    if time_slice <= 0:
        raise ValueError(f"time_slice must be positive, got {time_slice}")
    queue = deque(jobs)
    finished = []
    clock = 0
    while queue:
        name, needed = queue.popleft()
        run = min(needed, time_slice)
        clock += run
        if needed - run > 0:
            queue.append((name, needed - run))
        else:
            finished.append((name, clock))
    return finished


if __name__ == "__main__":
    print(finish_order([("a", 3), ("b", 1), ("c", 2)], 2))
