from main import edit


def check(commands, expected):
    result = edit(commands)
    assert result == expected, f"edit({commands!r}) should return {expected!r}, got {result!r}"


def test_typing_appends():
    check(["type:hello", "type: world"], "hello world")


def test_delete_removes_from_the_end():
    check(["type:hello", "delete:2"], "hel")
    check(["type:hi", "delete:5"], "")


def test_undo_last_change():
    check(["type:cat", "type:s", "undo"], "cat")
    check(["type:ab", "delete:1", "undo"], "ab")
    check(["type:a", "type:b", "undo", "undo"], "")


def test_undo_then_redo():
    check(["type:cat", "undo", "redo"], "cat")
    check(["type:a", "type:b", "undo", "undo", "redo"], "a")


def test_new_change_clears_redo():
    check(["type:ab", "undo", "type:x", "redo"], "x")
    check(["type:ab", "delete:1", "undo", "type:c"], "abc")


def test_nothing_to_undo_or_redo():
    check(["undo", "redo", "type:ok"], "ok")
    check(["type:ok", "redo"], "ok")
