import time


class RateLimiter:
    """At most `limit` allowed calls per user in any `window` seconds, timed by `clock()`."""

    def __init__(self, limit, window, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self.calls = {}  # user -> times of the calls allowed within the window

    def allow(self, user):
        now = self.clock()
        recent = [t for t in self.calls.get(user, []) if t > now - self.window]
        allowed = len(recent) < self.limit
        if allowed:
            recent.append(now)
        self.calls[user] = recent
        return allowed


if __name__ == "__main__":
    limiter = RateLimiter(2, 60)
    print([limiter.allow("ana") for _ in range(3)])
