from main import clamp


def test_inside():
    assert clamp(5, 0, 10) == 5, f"clamp(5, 0, 10) should be 5, got {clamp(5, 0, 10)!r}"


def test_below():
    assert clamp(-3, 0, 10) == 0, f"clamp(-3, 0, 10) should be 0, got {clamp(-3, 0, 10)!r}"


def test_above():
    assert clamp(42, 0, 10) == 10, f"clamp(42, 0, 10) should be 10, got {clamp(42, 0, 10)!r}"
