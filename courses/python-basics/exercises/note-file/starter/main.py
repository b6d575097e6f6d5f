def add_note(path, note):
    """Append note as a line to the file at path; return how many notes it now holds."""
    with open(path, "w", encoding="utf-8") as file:
        file.write(note)
    return 1


def read_notes(path):
    """Return the notes in the file as a list of strings, or [] if the file does not exist."""
    with open(path, encoding="utf-8") as file:
        return file.readlines()


def note_stats(path):
    """Return {"notes": count, "words": total words, "longest": longest note or ""}."""
    raise NotImplementedError("note_stats is not written yet")


if __name__ == "__main__":
    add_note("notes.txt", "buy milk")
    print(read_notes("notes.txt"))
