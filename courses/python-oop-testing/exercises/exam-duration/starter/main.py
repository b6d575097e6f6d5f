class DurationError(Exception):
    """A duration that cannot be read."""


def parse_duration(text):
    """Minutes in a duration such as "1h30m", "45m" or "2h"."""
    return 0


if __name__ == "__main__":
    print(parse_duration("1h30m"))
