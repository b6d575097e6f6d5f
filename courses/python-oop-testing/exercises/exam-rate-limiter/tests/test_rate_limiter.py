from main import RateLimiter


class StubClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_allows_up_to_the_limit():
    limiter = RateLimiter(2, 60, clock=StubClock())
    result = [limiter.allow("ana") for _ in range(3)]
    assert result == [True, True, False], f"RateLimiter(2, 60): three calls at the same time should give [True, True, False], got {result!r}"


def test_window_slides_with_the_clock():
    clock = StubClock()
    limiter = RateLimiter(2, 60, clock=clock)
    limiter.allow("ana")
    clock.now += 30
    limiter.allow("ana")
    clock.now += 29
    early = limiter.allow("ana")
    clock.now += 1
    later = limiter.allow("ana")
    assert (early, later) == (False, True), f"calls at 0 s and 30 s: a third at 59 s should be refused and one at 60 s allowed (the first left the window), got {early!r}, {later!r}"


def test_users_are_separate():
    limiter = RateLimiter(1, 60, clock=StubClock())
    result = [limiter.allow("ana"), limiter.allow("ben"), limiter.allow("ana")]
    assert result == [True, True, False], f"RateLimiter(1, 60): ana, ben, ana should give [True, True, False], got {result!r}"


def test_refused_calls_do_not_count():
    clock = StubClock()
    limiter = RateLimiter(1, 10, clock=clock)
    limiter.allow("ana")
    for _ in range(5):
        clock.now += 1
        limiter.allow("ana")
    clock.now += 5
    result = limiter.allow("ana")
    assert result is True, f"RateLimiter(1, 10): one allowed call at 0 s, refused ones at 1-5 s; a call at 10 s should be allowed (refused calls do not count), got {result!r}"
