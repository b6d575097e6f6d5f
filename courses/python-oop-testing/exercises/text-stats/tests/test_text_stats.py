import importlib

import main
import textstats


def test_word_count():
    result = textstats.word_count("we  ran home")
    assert result == 3, f"textstats.word_count('we  ran home') should be 3, got {result!r}"


def test_longest_word():
    cases = [("we ran home very quickly", "quickly"), ("ab cd", "ab"), ("", "")]
    for text, expected in cases:
        result = textstats.longest_word(text)
        assert result == expected, f"textstats.longest_word({text!r}) should be {expected!r}, got {result!r}"


def test_importing_textstats_prints_nothing(capsys):
    importlib.reload(textstats)
    printed = capsys.readouterr().out
    assert printed == "", f"importing textstats printed {printed!r}; put the demo under if __name__ == \"__main__\":"


def test_main_imports_instead_of_copying():
    for name in ("word_count", "longest_word"):
        where = getattr(getattr(main, name, None), "__module__", None)
        assert where == "textstats", f"main.{name} should be the function imported from textstats (from textstats import {name}), but it comes from {where!r}"


def test_report():
    result = main.report("we ran home very quickly")
    assert result == "5 words, longest: quickly", f"report('we ran home very quickly') should be '5 words, longest: quickly', got {result!r}"
