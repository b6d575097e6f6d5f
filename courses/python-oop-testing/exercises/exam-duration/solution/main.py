class DurationError(ValueError):
    """A duration that cannot be read."""


def parse_duration(text):
    """Minutes in a duration such as "1h30m", "45m" or "2h"."""
    units = {"h": 60, "m": 1}
    seen, digits, minutes = set(), "", 0
    for char in text:
        if char.isdigit():
            digits += char
        elif char in units and digits and char not in seen and not (char == "h" and "m" in seen):
            minutes += int(digits) * units[char]
            seen.add(char)
            digits = ""
        else:
            raise DurationError(f"cannot read the duration {text!r}")
    if digits or not seen:
        raise DurationError(f"cannot read the duration {text!r}")
    return minutes


if __name__ == "__main__":
    print(parse_duration("1h30m"))
