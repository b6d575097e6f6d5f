class SettingsError(Exception):
    """A settings file or value that cannot be used."""


def parse_settings(text):
    """Return {key: value} from "key = value" lines, skipping blank and # lines."""
    settings = {}
    for line in text.splitlines():
        key, value = line.split("=")
        settings[key] = value
    return settings


def get_int(settings, key, default):
    """The setting as an int, or default when it is missing."""
    return int(settings[key])


if __name__ == "__main__":
    settings = parse_settings("# server\nhost = example.org\nport = 8080\n")
    print(settings, get_int(settings, "port", 80), get_int(settings, "workers", 4))
