from main import simplify_path


def check(path, expected):
    result = simplify_path(path)
    assert result == expected, f"simplify_path({path!r}) should return {expected!r}, got {result!r}"


def test_plain_path():
    check("/home/ana", "/home/ana")


def test_dots_and_double_slashes():
    check("/home//ana/./docs/", "/home/ana/docs")


def test_parent_folders():
    check("/a/b/../c/./../d", "/a/d")


def test_cannot_go_above_root():
    check("/../..", "/")
    check("/a/../../b", "/b")
