class SettingsError(ValueError):
    """A settings file or value that cannot be used."""


def parse_settings(text):
    """Return {key: value} from "key = value" lines, skipping blank and # lines."""
    settings = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise SettingsError(f"line {number}: expected key = value, got {line!r}")
        settings[key.strip()] = value.strip()
    return settings


def get_int(settings, key, default):
    """The setting as an int, or default when it is missing."""
    if key not in settings:
        return default
    try:
        return int(settings[key])
    except ValueError as error:
        raise SettingsError(f"setting {key!r} must be a whole number, got {settings[key]!r}") from error


if __name__ == "__main__":
    settings = parse_settings("# server\nhost = example.org\nport = 8080\n")
    print(settings, get_int(settings, "port", 80), get_int(settings, "workers", 4))
