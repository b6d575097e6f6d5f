from main import parse_scores


def test_parses_lines():
    result = parse_scores(["ana,90", "ben, 72"])
    assert result == {"ana": 90, "ben": 72}, f"should be {{'ana': 90, 'ben': 72}}, got {result!r}"


def test_skips_blank_lines():
    result = parse_scores(["", "ana,90", "   "])
    assert result == {"ana": 90}, f"blank lines should be skipped, got {result!r}"


def test_bad_score_names_line():
    try:
        parse_scores(["ana,90", "ben,abc"])
    except ValueError as error:
        assert "2" in str(error), f"the error should name line 2, got {error!r}"
    else:
        assert False, "a score that is not a number should raise ValueError"


def test_missing_comma_names_line():
    try:
        parse_scores(["ana 90"])
    except ValueError as error:
        assert "1" in str(error), f"the error should name line 1, got {error!r}"
    else:
        assert False, "a line without a comma should raise ValueError"
