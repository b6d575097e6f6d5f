def clamp(value, low, high):
    """Return value limited to the range low..high."""
    return value
