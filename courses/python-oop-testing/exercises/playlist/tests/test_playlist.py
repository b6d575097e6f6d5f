from main import Playlist


def road_trip():
    mix = Playlist("Road trip")
    mix.add("Intro", 95)
    mix.add("Finale", 241)
    return mix


def test_len_counts_songs():
    try:
        result = len(road_trip())
    except TypeError as error:
        result = f"TypeError: {error}"
    assert result == 2, f"len() of a playlist with 2 songs should be 2 (define __len__), got {result!r}"


def test_in_checks_titles():
    mix = road_trip()
    found, missing = "Intro" in mix, "Outro" in mix
    assert (found, missing) == (True, False), f"'Intro' in mix and 'Outro' in mix should give True, False (define __contains__), got {found!r}, {missing!r}"


def test_total_seconds_is_a_property():
    result = road_trip().total_seconds
    assert result == 336, f"mix.total_seconds (no parentheses) should be 95 + 241 = 336, got {result!r}; put @property above the method"


def test_duration_pads_seconds():
    mix = Playlist("Short")
    mix.add("Jingle", 65)
    result = mix.duration()
    assert result == "1:05", f"duration() for one 65-second song should be '1:05', got {result!r}"
    result = road_trip().duration()
    assert result == "5:36", f"duration() for 95 + 241 seconds should be '5:36', got {result!r}"


def test_repr_names_playlist_and_count():
    result = repr(road_trip())
    assert result == "Playlist('Road trip', 2 songs)", f"repr(mix) should be \"Playlist('Road trip', 2 songs)\", got {result!r}"
    one = Playlist("Solo")
    one.add("Intro", 95)
    assert repr(one) == "Playlist('Solo', 1 song)", f"repr of a one-song playlist should say '1 song', got {repr(one)!r}"


def test_empty_playlist():
    mix = Playlist("Empty")
    try:
        count = len(mix)
    except TypeError as error:
        count = f"TypeError: {error}"
    assert count == 0, f"len(Playlist('Empty')) should be 0, got {count!r}"
    assert mix.total_seconds == 0, f"Playlist('Empty').total_seconds should be 0, got {mix.total_seconds!r}"
    assert mix.duration() == "0:00", f"Playlist('Empty').duration() should be '0:00', got {mix.duration()!r}"
