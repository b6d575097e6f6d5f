import os
import uuid

import pytest

from main import add_note, note_stats, read_notes


@pytest.fixture
def notes_path():
    """A fresh file name in the current folder, removed after the test."""
    path = f"test-notes-{uuid.uuid4().hex}.txt"
    yield path
    if os.path.exists(path):
        os.remove(path)


def test_add_note_counts_notes(notes_path):
    first = add_note(notes_path, "buy milk")
    second = add_note(notes_path, "call the dentist")
    assert (first, second) == (1, 2), f"add_note should return 1 then 2 as notes are added, got {first} then {second}"


def test_add_note_appends_lines(notes_path):
    add_note(notes_path, "buy milk")
    add_note(notes_path, "call the dentist")
    with open(notes_path, encoding="utf-8") as file:
        content = file.read()
    assert content == "buy milk\ncall the dentist\n", f"the file should hold one note per line, got {content!r}"


def test_read_notes_strips_line_endings(notes_path):
    with open(notes_path, "w", encoding="utf-8") as file:
        file.write("one\ntwo\n")
    result = read_notes(notes_path)
    assert result == ["one", "two"], f"read_notes should return ['one', 'two'] without '\\n', got {result!r}"


def test_missing_file_means_no_notes(notes_path):
    result = read_notes(notes_path)
    assert result == [], f"read_notes on a file that does not exist should return [], got {result!r}"


def test_stats(notes_path):
    add_note(notes_path, "buy milk")
    add_note(notes_path, "call the dentist")
    add_note(notes_path, "pay rent")
    result = note_stats(notes_path)
    expected = {"notes": 3, "words": 7, "longest": "call the dentist"}
    assert result == expected, f"note_stats should be {expected}, got {result!r}"


def test_stats_of_missing_file(notes_path):
    result = note_stats(notes_path)
    assert result == {"notes": 0, "words": 0, "longest": ""}, f"note_stats of a missing file should be all empty, got {result!r}"
