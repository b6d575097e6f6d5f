def add_note(path, note):
    """Append note as a line to the file at path; return how many notes it now holds."""
    with open(path, "a", encoding="utf-8") as file:
        file.write(note + "\n")
    return len(read_notes(path))


def read_notes(path):
    """Return the notes in the file as a list of strings, or [] if the file does not exist."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read().splitlines()
    except FileNotFoundError:
        return []


def note_stats(path):
    """Return {"notes": count, "words": total words, "longest": longest note or ""}."""
    notes = read_notes(path)
    return {
        "notes": len(notes),
        "words": sum(len(note.split()) for note in notes),
        "longest": max(notes, key=len) if notes else "",
    }


if __name__ == "__main__":
    add_note("notes.txt", "buy milk")
    print(read_notes("notes.txt"))
