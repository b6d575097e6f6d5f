def make_greeting(name):
    """Return a greeting such as "Hello, Ada!" for the given name."""
    pass


if __name__ == "__main__":
    print(make_greeting("Ada"))
