import time


class RateLimiter:
    """At most `limit` allowed calls per user in any `window` seconds, timed by `clock()`."""

    def __init__(self, limit, window, clock=time.monotonic):
        self.limit = limit
        self.window = window

    def allow(self, user):
        return True


if __name__ == "__main__":
    limiter = RateLimiter(2, 60)
    print([limiter.allow("ana") for _ in range(3)])
